import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../api/AdminClientContext.js';
import type { FlowSummary } from '../api/types.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';

interface DeleteFlowDialogProps {
  flow: FlowSummary;
  onClose: () => void;
  onDeleted: (flow: FlowSummary) => void;
}

export function DeleteFlowDialog({ flow, onClose, onDeleted }: DeleteFlowDialogProps) {
  const { t } = useTranslation();
  const client = useAdminClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await client.deleteFlow(flow.id);
      onDeleted(flow);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <ConfirmDialog
      title={t('deleteFlow.title')}
      confirmLabel={t('deleteFlow.confirm')}
      danger
      busy={busy}
      error={error}
      onConfirm={confirm}
      onCancel={onClose}
    >
      <p>{t('deleteFlow.question', { name: flow.name, id: flow.id })}</p>
      {flow.publishedVersion ? <p className="muted">{t('deleteFlow.publishedWarning', { version: flow.publishedVersion })}</p> : null}
      <p className="muted">{t('deleteFlow.irreversible')}</p>
    </ConfirmDialog>
  );
}
