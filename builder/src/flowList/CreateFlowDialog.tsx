import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../api/AdminClientContext.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Modal } from '../components/Modal.js';
import { newFlowDocument, type NewFlowTexts } from '../flows/newFlowDocument.js';
import { FlowNameIdFields, useFlowNameAndId } from './FlowNameIdFields.js';

interface CreateFlowDialogProps {
  takenIds: string[];
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** Asks for a name, proposes an id from it (editable) and stores a minimal flow as the first draft. */
export function CreateFlowDialog({ takenIds, onClose, onCreated }: CreateFlowDialogProps) {
  const { t, i18n } = useTranslation();
  const client = useAdminClient();
  const fields = useFlowNameAndId(takenIds);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!fields.check()) return;
    setBusy(true);
    setError(null);
    // The starter texts exist in both flow languages, whatever the UI language is.
    const de = i18n.getFixedT('de');
    const en = i18n.getFixedT('en');
    const texts: NewFlowTexts = {
      welcome: { de: de('createFlow.starterWelcome'), en: en('createFlow.starterWelcome') },
      goodbye: { de: de('createFlow.starterGoodbye'), en: en('createFlow.starterGoodbye') },
    };
    try {
      await client.saveDraft(newFlowDocument(fields.id, fields.name, texts));
      onCreated(fields.id);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Modal title={t('createFlow.title')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <FlowNameIdFields state={fields} autoFocus />
        {error ? <ErrorNotice error={error} /> : null}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('common.working') : t('createFlow.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
