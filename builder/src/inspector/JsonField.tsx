import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame } from './FieldFrame.js';
import type { FieldProps } from './fieldProps.js';
import { useSchemaForm } from './SchemaFormContext.js';

/** The fallback for schemas no other field understands: the value as JSON, saved when it parses. */
export function JsonField({ schema, path, value, label, required }: FieldProps) {
  const { t } = useTranslation(['inspector']);
  const { change } = useSchemaForm();
  const saved = value === undefined ? '' : JSON.stringify(value, null, 2);
  const [draft, setDraft] = useState(saved);
  const [invalid, setInvalid] = useState(false);
  return (
    <FieldFrame schema={schema} path={path} label={label} required={required}>
      {({ id, describedBy }) => (
        <>
          <textarea
            id={id}
            className="schema-form__json"
            value={draft}
            rows={4}
            aria-describedby={[describedBy, `${id}-json-hint`, invalid ? `${id}-json` : ''].filter(Boolean).join(' ')}
            aria-invalid={invalid || undefined}
            onChange={(event) => setDraft(event.target.value)}
            onBlur={() => {
              if (draft.trim() === '') {
                setInvalid(false);
                change(path, undefined);
                return;
              }
              try {
                change(path, JSON.parse(draft));
                setInvalid(false);
              } catch {
                setInvalid(true);
              }
            }}
          />
          <p id={`${id}-json-hint`} className="schema-form__help">
            {t('inspector:json.hint')}
          </p>
          {invalid && (
            <p id={`${id}-json`} className="schema-form__errors">
              {t('inspector:json.invalid')}
            </p>
          )}
        </>
      )}
    </FieldFrame>
  );
}
