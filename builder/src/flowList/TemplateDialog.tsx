import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../api/AdminClientContext.js';
import type { FlowTemplateSummary } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { Modal } from '../components/Modal.js';
import { useLoader } from '../hooks/useLoader.js';
import { copyFlowDocument } from './copyFlow.js';
import { createFlow, isRevisionConflict } from './createFlowCopy.js';
import { FlowNameIdFields, useFlowNameAndId } from './FlowNameIdFields.js';
import './flowList.css';

interface TemplateDialogProps {
  takenIds: string[];
  onClose: () => void;
  onCreated: (id: string) => void;
}

/** Lists the runtime's templates; the chosen one becomes a new flow under the name and id entered here. */
export function TemplateDialog({ takenIds, onClose, onCreated }: TemplateDialogProps) {
  const { t, i18n } = useTranslation(['translation', 'flowActions']);
  const client = useAdminClient();
  const templates = useLoader((signal) => client.listTemplates(signal), [client]);
  const fields = useFlowNameAndId(takenIds);
  const [chosen, setChosen] = useState<FlowTemplateSummary | null>(null);
  const [choiceError, setChoiceError] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const choiceErrorId = useId();
  const languageNames = new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en'], { type: 'language' });
  const language = (tag: string) => {
    try {
      return languageNames.of(tag) ?? tag;
    } catch {
      return tag;
    }
  };

  const choose = (template: FlowTemplateSummary) => {
    setChosen(template);
    setChoiceError(false);
    fields.suggest(template.name, template.id);
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!chosen) return setChoiceError(true);
    if (!fields.check()) return;
    setBusy(true);
    setError(null);
    try {
      const template = await client.getTemplate(chosen.id);
      await createFlow(client, copyFlowDocument(template, fields.id, fields.name));
      onCreated(fields.id);
    } catch (caught) {
      if (isRevisionConflict(caught)) fields.idTaken();
      else setError(caught);
      setBusy(false);
    }
  };

  const items = templates.data ?? [];
  return (
    <Modal title={t('flowActions:template.title')} onClose={onClose}>
      <form className="form" onSubmit={submit} noValidate>
        {templates.error ? <ErrorNotice error={templates.error} onRetry={templates.reload} /> : null}
        {templates.loading && !templates.data ? (
          <p className="muted" role="status">
            {t('common.loading')}
          </p>
        ) : null}
        {templates.data && items.length === 0 && <p className="muted">{t('flowActions:template.none')}</p>}
        {items.length > 0 && (
          <fieldset className="field template-picker" aria-describedby={choiceError ? choiceErrorId : undefined}>
            <legend>{t('flowActions:template.choose')}</legend>
            <ul className="template-list">
              {items.map((template) => (
                <li key={template.id}>
                  <label className="template-option">
                    <input
                      type="radio"
                      name="template"
                      value={template.id}
                      checked={chosen?.id === template.id}
                      onChange={() => choose(template)}
                    />
                    <span>
                      <span className="template-name">{template.name}</span>
                      {template.description ? <span className="template-description">{template.description}</span> : null}
                      <span className="template-facts">
                        <span className="badge badge-neutral">
                          {t('flowActions:template.languages', { languages: template.locales.map(language).join(', ') })}
                        </span>
                        <span className="badge badge-neutral">{t('flowActions:template.nodeCount', { count: template.nodeCount })}</span>
                      </span>
                    </span>
                  </label>
                </li>
              ))}
            </ul>
            {choiceError && (
              <p className="field-error" id={choiceErrorId}>
                {t('flowActions:template.chooseFirst')}
              </p>
            )}
          </fieldset>
        )}
        <FlowNameIdFields state={fields} />
        {error ? <ErrorNotice error={error} title={t('flowActions:template.failed')} /> : null}
        <div className="modal-actions">
          <button type="button" className="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={busy || !templates.data}>
            {busy ? t('common.working') : t('flowActions:template.submit')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
