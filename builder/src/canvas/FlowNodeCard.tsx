import { Handle, Position, type NodeProps } from '@xyflow/react';
import { memo, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { TARGET_HANDLE, type CanvasNode } from '../graph/canvasMapping.js';
import { configSummary } from '../graph/configSummary.js';
import { nodePorts } from '../graph/nodePorts.js';
import { useCanvasContext, useCanvasStore, useCanvasUi } from './CanvasContext.js';
import { localizedLabel } from './localizedLabel.js';
import { NodeIcon } from './NodeIcon.js';

/** Every node type, core or plugin, drawn from its catalogue entry: label, icon, config summary, one handle per port. */
export const FlowNodeCard = memo(function FlowNodeCard({ id, data, selected }: NodeProps<CanvasNode>) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  const { catalogue, flowLocale } = useCanvasContext();
  const isStart = useCanvasStore((state) => state.meta.start === id);
  const marks = useCanvasUi((state) => state.marks.get(id));
  const runState = useCanvasUi((state) => {
    const run = state.panel === 'test' ? state.run : null;
    return run?.activeNodeId === id ? 'active' : run?.visitedNodeIds.has(id) ? 'visited' : null;
  });
  const { type, config } = data.node;
  const entry = catalogue.get(type);
  const serverPorts = useCanvasUi((state) => state.serverPorts.get(id));
  // The server's ports are exact but only for the config it saw; while an edit is unsaved the builder derives them.
  const ports = useMemo(
    () => (serverPorts && serverPorts.configJson === JSON.stringify(config ?? {}) ? serverPorts.ports : nodePorts(entry, config)),
    [serverPorts, entry, config],
  );
  const summary = useMemo(() => configSummary(data.node, flowLocale), [data.node, flowLocale]);

  return (
    <div
      className={`flow-node${selected ? ' is-selected' : ''}${entry ? '' : ' is-unknown'}${marks?.errors ? ' has-errors' : ''}${runState ? ` is-run-${runState}` : ''}`}
      data-node-type={type}
      data-run={runState ?? undefined}
    >
      <Handle type="target" position={Position.Top} id={TARGET_HANDLE} className="flow-node-target" title={t('canvas.node.input')} />
      <div className="flow-node-head">
        <span className="flow-node-icon" aria-hidden="true">
          <NodeIcon name={entry?.icon} />
        </span>
        <span className="flow-node-label">{localizedLabel(entry?.label, language, type)}</span>
        {isStart && <span className="badge badge-accent">{t('nodes.start')}</span>}
        {marks && (marks.errors > 0 || marks.warnings > 0) ? (
          <span
            className={`flow-node-mark ${marks.errors > 0 ? 'is-error' : 'is-warning'}`}
            title={marks.messages.join('\n')}
            aria-label={t('canvas.node.problems', { errors: marks.errors, warnings: marks.warnings })}
            role="img"
          >
            {marks.errors > 0 ? marks.errors : marks.warnings}
          </span>
        ) : null}
      </div>
      <div className="flow-node-id">
        <code>{id}</code>
      </div>
      {summary ? <p className="flow-node-summary">{summary}</p> : null}
      {!entry && <p className="flow-node-summary flow-node-warning">{t('canvas.node.unknownType')}</p>}
      {ports.length > 0 && (
        <ul className="flow-node-ports" aria-label={t('canvas.node.ports')}>
          {ports.map((port) => (
            <li key={port.id} className={`flow-node-port${port.kind === 'error' ? ' is-error' : ''}`} data-port={port.id}>
              <span>{localizedLabel(port.label, language, port.id)}</span>
              <Handle type="source" position={Position.Bottom} id={port.id} className="flow-node-source" />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});
