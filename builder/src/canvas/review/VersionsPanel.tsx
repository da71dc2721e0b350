import './review.css';
import { GitCompare, RefreshCw, Undo2 } from 'lucide-react';
import { useEffect, useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../../api/AdminClientContext.js';
import type { FlowDocument, FlowVersion } from '../../api/types.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { DateTime } from '../../components/DateTime.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { Notice } from '../../components/Notice.js';
import { useCanvasContext } from '../CanvasContext.js';
import { reviewEvents, useReviewEvents } from './reviewEvents.js';
import { useFlowVersions } from './useFlowVersions.js';
import { VersionComparison } from './VersionComparison.js';

type Comparison = { version: number; document?: FlowDocument; error?: unknown };

/** The flow's published versions, newest first: compare one with the draft, or publish it again (roll back). */
export function VersionsPanel() {
  const { t } = useTranslation(['review']);
  const { flowId, ui } = useCanvasContext();
  const client = useAdminClient();
  const versions = useFlowVersions(flowId);
  const last = useReviewEvents((state) => (state.last?.flowId === flowId ? state.last : null));
  const [comparison, setComparison] = useState<Comparison | null>(null);
  const [rollbackTo, setRollbackTo] = useState<number | null>(null);
  const titleId = useId();

  // A rollback remounts the canvas with the new draft; show what happened where staff started it.
  useEffect(() => {
    if (reviewEvents.getState().takeReopen(flowId)) ui.getState().openPanel('versions');
  }, [flowId, ui]);

  const compare = async (version: number) => {
    setComparison({ version });
    try {
      const detail = await client.getVersion(flowId, version);
      setComparison((current) => (current?.version === version ? { version, document: detail.document } : current));
    } catch (error) {
      setComparison((current) => (current?.version === version ? { version, error } : current));
    }
  };

  const data = versions.data;
  return (
    <section className="review-panel" aria-labelledby={titleId}>
      <div className="review-panel-head">
        <h2 id={titleId} className="review-panel-title">
          {t('review:versions.title')}
        </h2>
        <button type="button" className="button button-small" onClick={versions.reload} disabled={versions.loading}>
          <RefreshCw aria-hidden="true" size={14} />
          {t('review:versions.refresh')}
        </button>
      </div>
      {last && (
        <Notice tone="success" onDismiss={() => reviewEvents.getState().dismiss()}>
          {last.kind === 'published'
            ? t('review:versions.published', { version: last.version })
            : t('review:versions.rolledBack', { version: last.version, from: last.from ?? '' })}
        </Notice>
      )}
      {versions.error ? <ErrorNotice error={versions.error} onRetry={versions.reload} /> : null}
      {!data && versions.loading && (
        <p className="muted" role="status">
          {t('review:versions.loading')}
        </p>
      )}
      {data && data.versions.length === 0 && <p className="muted">{t('review:versions.empty')}</p>}
      {data && data.versions.length > 0 && (
        <ol className="review-versions">
          {data.versions.map((version) => (
            <VersionItem
              key={version.version}
              version={version}
              live={version.version === data.publishedVersion}
              comparing={comparison?.version === version.version}
              onCompare={() => void compare(version.version)}
              onRollback={() => setRollbackTo(version.version)}
            >
              {comparison?.version === version.version &&
                (comparison.error ? (
                  <ErrorNotice error={comparison.error} onRetry={() => void compare(version.version)} onDismiss={() => setComparison(null)} />
                ) : comparison.document ? (
                  <VersionComparison version={version.version} document={comparison.document} onClose={() => setComparison(null)} />
                ) : (
                  <p className="muted" role="status">
                    {t('review:compare.loading')}
                  </p>
                ))}
            </VersionItem>
          ))}
        </ol>
      )}
      {rollbackTo !== null && <RollbackDialog version={rollbackTo} onClose={() => setRollbackTo(null)} />}
    </section>
  );
}

interface VersionItemProps {
  version: FlowVersion;
  live: boolean;
  comparing: boolean;
  onCompare: () => void;
  onRollback: () => void;
  children: ReactNode;
}

function VersionItem({ version, live, comparing, onCompare, onRollback, children }: VersionItemProps) {
  const { t } = useTranslation(['review']);
  const headingId = useId();
  return (
    <li className={`review-version${live ? ' is-live' : ''}`} aria-labelledby={headingId} data-version={version.version}>
      <div className="review-version-head">
        <h3 id={headingId} className="review-version-title">
          {t('review:versions.number', { version: version.version })}
        </h3>
        {live && <span className="badge badge-success">{t('review:versions.live')}</span>}
      </div>
      <p className={version.note ? 'review-version-note' : 'review-version-note muted'}>{version.note || t('review:versions.noNote')}</p>
      <p className="review-version-meta muted">
        <DateTime value={version.createdAt} />
        {version.createdBy ? ` · ${t('review:versions.by', { name: version.createdBy })}` : ''}
      </p>
      <div className="review-version-actions">
        <button type="button" className="button button-small" onClick={onCompare} aria-pressed={comparing} aria-describedby={headingId}>
          <GitCompare aria-hidden="true" size={14} />
          {t('review:versions.compare')}
        </button>
        <button type="button" className="button button-small" onClick={onRollback} aria-describedby={headingId}>
          <Undo2 aria-hidden="true" size={14} />
          {t('review:versions.rollback')}
        </button>
      </div>
      {children}
    </li>
  );
}

/** Asks, then saves pending edits, publishes the old version again and loads the draft the server now has. */
function RollbackDialog({ version, onClose }: { version: number; onClose: () => void }) {
  const { t } = useTranslation(['review']);
  const client = useAdminClient();
  const { flowId, ui } = useCanvasContext();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const rollback = async () => {
    setBusy(true);
    setError(null);
    try {
      await ui.getState().flushSave();
      const result = await client.rollbackFlow(flowId, version, t('review:versions.rollbackNote', { version }));
      reviewEvents.getState().note({ flowId, kind: 'rolledBack', version: result.version, from: version });
      onClose();
      ui.getState().reloadDraft();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      title={t('review:versions.rollbackTitle', { version })}
      confirmLabel={t('review:versions.rollbackConfirm', { version })}
      busy={busy}
      error={error}
      onConfirm={() => void rollback()}
      onCancel={onClose}
    >
      <p>{t('review:versions.rollbackExplain', { version })}</p>
      <p>{t('review:versions.rollbackDraft')}</p>
    </ConfirmDialog>
  );
}
