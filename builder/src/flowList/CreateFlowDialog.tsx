import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../api/AdminClientContext.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Modal } from '../components/Modal.js';
import { isValidFlowId, slugifyFlowId, uniqueFlowId } from '../flows/flowId.js';
import { newFlowDocument, type NewFlowTexts } from '../flows/newFlowDocument.js';

interface CreateFlowDialogProps {
  takenIds: string[];
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** Asks for a name, proposes an id from it (editable) and stores a minimal flow as the first draft. */
export function CreateFlowDialog({ takenIds, onClose, onCreated }: CreateFlowDialogProps) {
  const { t, i18n } = useTranslation();
  const client = useAdminClient();
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [idEdited, setIdEdited] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [idError, setIdError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const nameId = useId();
  const nameErrorId = useId();
  const idId = useId();
  const idHintId = useId();
  const idErrorId = useId();

  const changeName = (value: string) => {
    setName(value);
    setNameError(null);
    if (!idEdited) setId(value.trim() ? uniqueFlowId(slugifyFlowId(value), takenIds) : '');
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) return setNameError(t('createFlow.nameRequired'));
    if (!isValidFlowId(id)) return setIdError(t('createFlow.idInvalid'));
    if (takenIds.includes(id)) return setIdError(t('createFlow.idTaken'));
    setIdError(null);
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
      await client.saveDraft(newFlowDocument(id, name, texts));
      onCreated(id);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <Modal title={t('createFlow.title')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={nameId}>{t('createFlow.nameLabel')}</label>
          <input
            id={nameId}
            required
            maxLength={200}
            autoFocus
            value={name}
            aria-invalid={nameError ? true : undefined}
            aria-describedby={nameError ? nameErrorId : undefined}
            onChange={(event) => changeName(event.target.value)}
          />
          {nameError && (
            <p className="field-error" id={nameErrorId}>
              {nameError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor={idId}>{t('createFlow.idLabel')}</label>
          <input
            id={idId}
            required
            maxLength={64}
            spellCheck={false}
            autoCapitalize="off"
            className="mono"
            value={id}
            aria-invalid={idError ? true : undefined}
            aria-describedby={idError ? `${idHintId} ${idErrorId}` : idHintId}
            onChange={(event) => {
              setIdEdited(true);
              setIdError(null);
              setId(event.target.value.trim());
            }}
          />
          <p className="field-hint" id={idHintId}>
            {t('createFlow.idHint')}
          </p>
          {idError && (
            <p className="field-error" id={idErrorId}>
              {idError}
            </p>
          )}
        </div>
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
