import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../api/AdminClientContext.js';
import type { FlowDetail, FlowSummary } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Modal } from '../components/Modal.js';
import { Notice } from '../components/Notice.js';
import { FLOW_NAME_MAX_LENGTH, flowName, renamedFlowDocument } from './copyFlow.js';
import { isRevisionConflict } from './createFlowCopy.js';

interface RenameFlowDialogProps {
  flow: FlowSummary;
  onClose: () => void;
  onRenamed: (flow: FlowSummary, name: string) => void;
}

/**
 * Changes a flow's name in its draft. The draft is saved only over the revision it was read at: when someone changed
 * the flow meanwhile (the canvas in another tab), the dialog says so and offers to load the current draft.
 */
export function RenameFlowDialog({ flow, onClose, onRenamed }: RenameFlowDialogProps) {
  const { t } = useTranslation(['translation', 'flowActions']);
  const client = useAdminClient();
  const [detail, setDetail] = useState<FlowDetail | null>(null);
  const [name, setName] = useState(flow.name);
  const [nameError, setNameError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(true);
  const [loads, setLoads] = useState(0);
  const nameId = useId();
  const nameErrorId = useId();

  useEffect(() => {
    const controller = new AbortController();
    setBusy(true);
    client.getFlow(flow.id, controller.signal).then(
      (loaded) => {
        if (controller.signal.aborted) return;
        setDetail(loaded);
        setBusy(false);
      },
      (caught: unknown) => {
        if (controller.signal.aborted) return;
        setError(caught);
        setBusy(false);
      },
    );
    return () => controller.abort();
  }, [client, flow.id, loads]);

  const reload = () => {
    setConflict(false);
    setError(null);
    setLoads((n) => n + 1);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!detail) return;
    const newName = flowName(name);
    if (!newName) return setNameError(t('flowActions:rename.nameRequired'));
    setBusy(true);
    setError(null);
    setConflict(false);
    try {
      await client.saveDraftOver(renamedFlowDocument(detail.draft, newName), detail.revision);
      onRenamed(flow, newName);
    } catch (caught) {
      if (isRevisionConflict(caught)) setConflict(true);
      else setError(caught);
      setBusy(false);
    }
  };

  return (
    <Modal title={t('flowActions:rename.title')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <p className="muted">{t('flowActions:rename.intro', { id: flow.id })}</p>
        <div className="field">
          <label htmlFor={nameId}>{t('flowActions:rename.nameLabel')}</label>
          <input
            id={nameId}
            required
            maxLength={FLOW_NAME_MAX_LENGTH}
            autoFocus
            value={name}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? nameErrorId : undefined}
            onChange={(event) => {
              setName(event.target.value);
              setNameError(null);
            }}
          />
          {nameError && (
            <p className="field-error" id={nameErrorId}>
              {nameError}
            </p>
          )}
        </div>
        {conflict && (
          <Notice tone="error">
            <p className="notice-title">{t('flowActions:rename.conflictTitle')}</p>
            <p>{t('flowActions:rename.conflictText')}</p>
            <button type="button" className="button" onClick={reload}>
              {t('flowActions:rename.reload')}
            </button>
          </Notice>
        )}
        {error ? <ErrorNotice error={error} title={t('flowActions:rename.failed')} /> : null}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !detail || conflict}>
            {busy ? t('common.working') : t('flowActions:rename.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
