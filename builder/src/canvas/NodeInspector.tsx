import { useCallback, useEffect, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { SchemaForm, type JsonSchema } from '../inspector/index.js';
import { useCanvasContext, useCanvasStore, useCanvasUi } from './CanvasContext.js';
import { inspectorProblems } from './inspectorProblems.js';
import { localizedLabel } from './localizedLabel.js';
import { selectedNode } from './selectedNode.js';

const NO_VARIABLES: readonly string[] = [];

/** The properties of the one selected node: its label, type and id, and a form for its config. Escape deselects it. */
export function NodeInspector() {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage === 'de' ? 'de' : 'en';
  const { store, catalogue } = useCanvasContext();
  const selected = useCanvasStore((state) => selectedNode(state.nodes));
  const problems = useCanvasUi((state) => state.problems);
  const locales = useCanvasStore((state) => state.meta.locales);
  const variableMap = useCanvasStore((state) => state.meta.variables);
  const variables = useMemo(() => (variableMap ? Object.keys(variableMap) : NO_VARIABLES), [variableMap]);
  const close = useCallback(() => store.getState().clearSelection(), [store]);
  const nodeId = selected?.id;
  const declareVariable = useCallback((name: string, type: string) => store.getState().declareVariable(name, { type }), [store]);
  const onChange = useCallback(
    (config: unknown) => {
      if (nodeId) store.getState().updateNodeConfig(nodeId, (config ?? {}) as Record<string, unknown>);
    },
    [store, nodeId],
  );
  const nodeProblems = useMemo(() => (nodeId ? inspectorProblems(problems, nodeId, language) : []), [problems, nodeId, language]);

  useEffect(() => {
    if (!nodeId) return;
    const onKeyDown = (event: KeyboardEvent) => {
      // Escape in a dialog closes the dialog, not the node's properties.
      const inDialog = event.target instanceof Element && event.target.closest('dialog, [role="dialog"]');
      if (event.key === 'Escape' && !event.defaultPrevented && !inDialog) close();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [nodeId, close]);

  if (!selected) return <p className="muted node-inspector-empty">{t('canvas.inspector.empty')}</p>;
  const { type, config } = selected.data.node;
  const entry = catalogue.get(type);
  return (
    <div className="node-inspector">
      <div className="node-inspector-head">
        <h2 className="node-inspector-title">
          {localizedLabel(entry?.label, language, type)}
        </h2>
        <button type="button" className="button button-small" onClick={close} aria-label={t('canvas.inspector.close')}>
          ✕
        </button>
      </div>
      <p className="node-inspector-meta muted">
        <code>{selected.id}</code> · <code>{type}</code>
      </p>
      {entry ? (
        <SchemaForm
          key={selected.id}
          schema={entry.configSchema as JsonSchema}
          value={config ?? {}}
          onChange={onChange}
          locales={locales}
          variables={variables}
          problems={nodeProblems}
          idPrefix={`inspector-${selected.id.replace(/[^A-Za-z0-9_-]/g, '')}`}
          onDeclareVariable={declareVariable}
        />
      ) : (
        <p className="flow-node-warning">{t('canvas.node.unknownType')}</p>
      )}
    </div>
  );
}
