import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../api/AdminClientContext.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Notice } from '../components/Notice.js';

interface PublishFormProps {
  flowId: string;
  onPublished: (version: number) => void;
}

/** Publishes the current draft as a new version with an optional note; a 422 lists what blocks it. */
export function PublishForm({ flowId, onPublished }: PublishFormProps) {
  const { t } = useTranslation();
  const client = useAdminClient();
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [published, setPublished] = useState<number | null>(null);
  const noteId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setPublished(null);
    try {
      const { version } = await client.publishFlow(flowId, note.trim() || undefined);
      setPublished(version);
      setNote('');
      onPublished(version);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="publish-form" onSubmit={submit}>
      <div className="field field-grow">
        <label htmlFor={noteId}>{t('publish.noteLabel')}</label>
        <input id={noteId} maxLength={2000} value={note} placeholder={t('publish.notePlaceholder')} onChange={(event) => setNote(event.target.value)} />
      </div>
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? t('publish.publishing') : t('publish.submit')}
      </button>
      <div className="publish-feedback">
        {published !== null && <Notice tone="success">{t('publish.done', { version: published })}</Notice>}
        {error ? <ErrorNotice error={error} onDismiss={() => setError(null)} /> : null}
      </div>
    </form>
  );
}
