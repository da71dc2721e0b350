import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../api/AdminClientContext.js';
import type { FlowSummary } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Notice } from '../components/Notice.js';
import { PageHeading } from '../components/PageHeading.js';
import { CreateFlowDialog } from '../flowList/CreateFlowDialog.js';
import { DeleteFlowDialog } from '../flowList/DeleteFlowDialog.js';
import { FlowTable } from '../flowList/FlowTable.js';
import { ImportFlowButton, type ImportOutcome } from '../flowList/ImportFlowButton.js';
import { copyFlowDocument, copyFlowId } from '../flowList/copyFlow.js';
import { createFlowUnderFreeId } from '../flowList/createFlowCopy.js';
import { RenameFlowDialog } from '../flowList/RenameFlowDialog.js';
import { TemplateDialog } from '../flowList/TemplateDialog.js';
import { downloadJson } from '../flows/downloadJson.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';
import { useLoader } from '../hooks/useLoader.js';
import { navigate } from '../routing/navigation.js';
import { canvasPath, flowPath } from '../routing/route.js';

type Feedback = { tone: 'success'; text: string } | { tone: 'error'; text?: string; error?: unknown } | null;

/** All flows: create (empty or from a template), import; per flow duplicate, rename, export and delete. */
export function FlowListScreen() {
  const { t } = useTranslation(['translation', 'flowActions']);
  const client = useAdminClient();
  const flows = useLoader((signal) => client.listFlows(signal), [client]);
  const [creating, setCreating] = useState(false);
  const [fromTemplate, setFromTemplate] = useState(false);
  const [renaming, setRenaming] = useState<FlowSummary | null>(null);
  const [deleting, setDeleting] = useState<FlowSummary | null>(null);
  const [busyId, setBusyId] = useState<string | null>(null);
  const [feedback, setFeedback] = useState<Feedback>(null);
  useDocumentTitle(t('flows.title'));

  const items = flows.data ?? [];
  const takenIds = items.map((flow) => flow.id);

  const duplicateFlow = async (flow: FlowSummary) => {
    setBusyId(flow.id);
    try {
      const { draft } = await client.getFlow(flow.id);
      const name = t('flowActions:duplicate.copyName', { name: draft.name });
      const copy = await createFlowUnderFreeId(client, takenIds, (taken) => copyFlowDocument(draft, copyFlowId(flow.id, taken), name));
      setFeedback({ tone: 'success', text: t('flowActions:duplicate.done', { name: copy.name, id: copy.id }) });
      flows.reload();
    } catch (error) {
      setFeedback({ tone: 'error', text: t('flowActions:duplicate.failed', { name: flow.name }), error });
    } finally {
      setBusyId(null);
    }
  };

  const exportFlow = async (flow: FlowSummary) => {
    setBusyId(flow.id);
    try {
      const detail = await client.getFlow(flow.id);
      downloadJson(`${flow.id}.json`, detail.draft);
    } catch (error) {
      setFeedback({ tone: 'error', error });
    } finally {
      setBusyId(null);
    }
  };

  const importDone = (outcome: ImportOutcome) => {
    if (outcome.kind === 'imported') {
      const text = outcome.warnings
        ? t('importFlow.importedWithWarnings', { name: outcome.name, count: outcome.warnings })
        : t('importFlow.imported', { name: outcome.name });
      setFeedback({ tone: 'success', text });
      flows.reload();
    } else if (outcome.kind === 'fileProblem') {
      setFeedback({ tone: 'error', text: t(`importFlow.fileProblem.${outcome.problem}`, { file: outcome.fileName }) });
    } else {
      setFeedback({ tone: 'error', text: t('importFlow.failed', { file: outcome.fileName }), error: outcome.error });
    }
  };

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <PageHeading>{t('flows.title')}</PageHeading>
          <p className="muted">{t('flows.subtitle')}</p>
        </div>
        <div className="toolbar">
          <ImportFlowButton takenIds={takenIds} onOutcome={importDone} />
          <button type="button" className="button" onClick={() => setFromTemplate(true)}>
            {t('flowActions:template.open')}
          </button>
          <button type="button" className="button button-primary" onClick={() => setCreating(true)}>
            {t('flows.create')}
          </button>
        </div>
      </div>

      {feedback?.tone === 'success' && (
        <Notice tone="success" onDismiss={() => setFeedback(null)}>
          <p className="notice-title">{feedback.text}</p>
        </Notice>
      )}
      {feedback?.tone === 'error' &&
        (feedback.error ? (
          <ErrorNotice error={feedback.error} title={feedback.text} onDismiss={() => setFeedback(null)} />
        ) : (
          <Notice tone="error" onDismiss={() => setFeedback(null)}>
            <p className="notice-title">{feedback.text}</p>
          </Notice>
        ))}

      {flows.error ? <ErrorNotice error={flows.error} onRetry={flows.reload} /> : null}
      {flows.loading && !flows.data ? (
        <p className="muted" role="status">
          {t('common.loading')}
        </p>
      ) : null}
      {flows.data && items.length === 0 && (
        <div className="empty-state">
          <p>{t('flows.empty')}</p>
        </div>
      )}
      {items.length > 0 && (
        <FlowTable
          flows={items}
          busyId={busyId}
          onDuplicate={duplicateFlow}
          onRename={setRenaming}
          onExport={exportFlow}
          onDelete={setDeleting}
        />
      )}

      {creating && (
        <CreateFlowDialog
          takenIds={takenIds}
          onClose={() => setCreating(false)}
          onCreated={(id) => {
            setCreating(false);
            navigate(flowPath(id));
          }}
        />
      )}
      {fromTemplate && (
        <TemplateDialog
          takenIds={takenIds}
          onClose={() => setFromTemplate(false)}
          onCreated={(id) => {
            setFromTemplate(false);
            navigate(canvasPath(id));
          }}
        />
      )}
      {renaming && (
        <RenameFlowDialog
          flow={renaming}
          onClose={() => setRenaming(null)}
          onRenamed={(flow, name) => {
            setRenaming(null);
            setFeedback({ tone: 'success', text: t('flowActions:rename.done', { from: flow.name, to: name }) });
            flows.reload();
          }}
        />
      )}
      {deleting && (
        <DeleteFlowDialog
          flow={deleting}
          onClose={() => setDeleting(null)}
          onDeleted={(flow) => {
            setDeleting(null);
            setFeedback({ tone: 'success', text: t('deleteFlow.deleted', { name: flow.name }) });
            flows.reload();
          }}
        />
      )}
    </div>
  );
}
