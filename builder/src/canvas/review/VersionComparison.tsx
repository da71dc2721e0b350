import { CircleMinus, CirclePlus, PenLine, X } from 'lucide-react';
import { useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { FlowDocument, FlowEdge } from '../../api/types.js';
import { diffSize, flowDiff, type FlowField, type NodeChangeKind } from '../../graph/flowDiff.js';
import { useCanvasContext, useCanvasStore } from '../CanvasContext.js';
import { useFocusNode } from '../useFocusNode.js';
import { useNodeTypeName } from './useNodeName.js';

type ChangeKind = 'added' | 'removed' | 'changed';

interface VersionComparisonProps {
  version: number;
  /** The published version's document. */
  document: FlowDocument;
  onClose: () => void;
}

/**
 * What the draft changes compared with a published version: nodes, connections and flow-wide settings. Follows the
 * draft while staff keep editing. Nodes that exist in the draft are buttons that show them on the canvas.
 */
export function VersionComparison({ version, document: published, onClose }: VersionComparisonProps) {
  const { t } = useTranslation(['review']);
  const { store } = useCanvasContext();
  const edits = useCanvasStore((state) => state.edits);
  // `edits` says when the draft changed; the document itself is built on demand
  const diff = useMemo(() => flowDiff(published, store.getState().document()), [published, store, edits]);
  const total = diffSize(diff);
  const publishedNodeType = useMemo(() => new Map(published.nodes.map((node) => [node.id, node.type])), [published]);
  const typeName = useNodeTypeName();
  const nodeName = (id: string) => typeName(id, publishedNodeType.get(id)) ?? id;

  return (
    <section className="review-diff" aria-label={t('review:compare.title', { version })}>
      <div className="review-diff-head">
        <p className="review-diff-title">{t('review:compare.title', { version })}</p>
        <button type="button" className="button button-small button-quiet" onClick={onClose} aria-label={t('review:compare.close')}>
          <X aria-hidden="true" size={14} />
        </button>
      </div>
      <p className="muted" role="status">
        {total === 0 ? t('review:compare.same', { version }) : t('review:compare.count', { count: total })}
      </p>
      {diff.nodes.added.length + diff.nodes.changed.length + diff.nodes.removed.length > 0 && (
        <DiffGroup title={t('review:compare.nodes')}>
          {diff.nodes.added.map((node) => (
            <NodeEntry key={`added-${node.id}`} kind="added" id={node.id} name={nodeName(node.id)} />
          ))}
          {diff.nodes.changed.map((change) => (
            <NodeEntry key={`changed-${change.id}`} kind="changed" id={change.id} name={nodeName(change.id)} changes={change.changes} configKeys={change.configKeys} />
          ))}
          {diff.nodes.removed.map((node) => (
            <NodeEntry key={`removed-${node.id}`} kind="removed" id={node.id} name={nodeName(node.id)} />
          ))}
        </DiffGroup>
      )}
      {diff.edges.added.length + diff.edges.retargeted.length + diff.edges.removed.length > 0 && (
        <DiffGroup title={t('review:compare.edges')}>
          {diff.edges.added.map((edge, index) => (
            <DiffEntry key={`added-${index}`} kind="added">
              <EdgeText edge={edge} />
            </DiffEntry>
          ))}
          {diff.edges.retargeted.map((edge, index) => (
            <DiffEntry key={`retargeted-${index}`} kind="changed">
              {t('review:compare.retargeted', { node: edge.from.node, port: edge.from.port, before: edge.before, after: edge.after })}
            </DiffEntry>
          ))}
          {diff.edges.removed.map((edge, index) => (
            <DiffEntry key={`removed-${index}`} kind="removed">
              <EdgeText edge={edge} />
            </DiffEntry>
          ))}
        </DiffGroup>
      )}
      {diff.flow.length > 0 && (
        <DiffGroup title={t('review:compare.flow')}>
          {diff.flow.map((field) => (
            <DiffEntry key={field} kind="changed">
              <FlowFieldName field={field} />
            </DiffEntry>
          ))}
        </DiffGroup>
      )}
    </section>
  );
}

function DiffGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="review-diff-group">
      <h3 className="review-diff-group-title">{title}</h3>
      <ul className="review-diff-list">{children}</ul>
    </div>
  );
}

function KindLabel({ kind }: { kind: ChangeKind }) {
  const { t } = useTranslation(['review']);
  const Icon = kind === 'added' ? CirclePlus : kind === 'removed' ? CircleMinus : PenLine;
  const text = kind === 'added' ? t('review:compare.added') : kind === 'removed' ? t('review:compare.removed') : t('review:compare.changed');
  return (
    <span className={`review-diff-kind is-${kind}`}>
      <Icon aria-hidden="true" size={14} />
      {text}
    </span>
  );
}

function DiffEntry({ kind, children }: { kind: ChangeKind; children: ReactNode }) {
  return (
    <li className={`review-diff-entry is-${kind}`}>
      <div className="review-diff-body">
        <KindLabel kind={kind} />
        <span>{children}</span>
      </div>
    </li>
  );
}

interface NodeEntryProps {
  kind: ChangeKind;
  id: string;
  name: string;
  changes?: NodeChangeKind[];
  configKeys?: string[];
}

function NodeEntry({ kind, id, name, changes, configKeys }: NodeEntryProps) {
  const { t } = useTranslation(['review']);
  const focusNode = useFocusNode();
  const what = changes?.map((change) => <ChangeName key={change} change={change} configKeys={configKeys ?? []} />);
  const content = (
    <>
      <KindLabel kind={kind} />
      <span className="review-diff-node">
        {name} <code>{id}</code>
      </span>
      {what && what.length > 0 && <span className="review-diff-what">{what}</span>}
    </>
  );
  return (
    <li className={`review-diff-entry is-${kind}`} data-node-id={id}>
      {kind === 'removed' ? (
        <div className="review-diff-body">{content}</div>
      ) : (
        <button type="button" className="review-diff-body review-diff-button" onClick={() => focusNode(id)} title={t('review:compare.showNode')}>
          {content}
        </button>
      )}
    </li>
  );
}

function ChangeName({ change, configKeys }: { change: NodeChangeKind; configKeys: string[] }) {
  const { t } = useTranslation(['review']);
  const names: Record<NodeChangeKind, string> = {
    type: t('review:compare.what.type'),
    version: t('review:compare.what.version'),
    config: t('review:compare.what.config'),
    label: t('review:compare.what.label'),
    sensitive: t('review:compare.what.sensitive'),
  };
  return (
    <span className="review-diff-change">
      {names[change]}
      {change === 'config' && configKeys.length > 0 && (
        <>
          {' ('}
          {configKeys.map((key, index) => (
            <span key={key}>
              {index > 0 && ', '}
              <code>{key}</code>
            </span>
          ))}
          {')'}
        </>
      )}
    </span>
  );
}

function EdgeText({ edge }: { edge: FlowEdge }) {
  const { t } = useTranslation(['review']);
  return <>{t('review:compare.edge', { node: edge.from.node, port: edge.from.port, target: edge.to })}</>;
}

function FlowFieldName({ field }: { field: FlowField }) {
  const { t } = useTranslation(['review']);
  const names: Record<FlowField, string> = {
    name: t('review:compare.fields.name'),
    description: t('review:compare.fields.description'),
    start: t('review:compare.fields.start'),
    locales: t('review:compare.fields.locales'),
    variables: t('review:compare.fields.variables'),
    settings: t('review:compare.fields.settings'),
  };
  return <>{names[field]}</>;
}
