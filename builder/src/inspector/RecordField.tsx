import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldControl } from './FieldControl.js';
import { emptyValue } from './fieldModel.js';
import { FieldFrame } from './FieldFrame.js';
import type { FieldProps } from './fieldProps.js';
import { isPlainObject, type JsonSchema } from './jsonSchema.js';
import { unusedKey, withRenamedKey } from './valueAtPath.js';
import { useSchemaForm } from './SchemaFormContext.js';

/** Name → value entries (`set.values`, `http_request.headers`): each name editable, each value a field of the value schema. */
export function RecordField({ schema, path, value, label, required, values }: FieldProps & { values: JsonSchema; keys: JsonSchema | undefined }) {
  const { t } = useTranslation(['inspector']);
  const { change } = useSchemaForm();
  const record = isPlainObject(value) ? value : {};
  const entries = Object.entries(record);
  const remove = (key: string) => {
    const { [key]: _removed, ...rest } = record;
    change(path, Object.keys(rest).length === 0 && !required ? undefined : rest);
  };
  return (
    <FieldFrame schema={schema} path={path} label={label} required={required} group>
      {({ id }) => (
        <>
          {entries.length === 0 && <p className="schema-form__empty">{t('inspector:record.empty')}</p>}
          <ul className="schema-form__entries" role="list">
            {entries.map(([key, inner], index) => (
              // Keyed by position: renaming keeps the order, so the inputs keep focus while a name changes.
              <li key={index} className="schema-form__entry">
                <KeyInput id={`${id}-key${index}`} name={key} taken={(name) => name !== key && name in record} onRename={(name) => change(path, withRenamedKey(record, key, name))} />
                <FieldControl schema={values} path={[...path, key]} value={inner} name={key} required label={key} />
                <button type="button" aria-label={t('inspector:record.remove', { key })} onClick={() => remove(key)}>
                  ✕
                </button>
              </li>
            ))}
          </ul>
          <button type="button" aria-label={t('inspector:record.addTo', { label })} onClick={() => change(path, { ...record, [unusedKey(record, 'key')]: emptyValue(values) })}>
            + {t('inspector:record.add')}
          </button>
        </>
      )}
    </FieldFrame>
  );
}

interface KeyInputProps {
  id: string;
  name: string;
  taken: (name: string) => boolean;
  onRename: (name: string) => void;
}

/** The name of an entry, saved on blur or Enter so half-typed names never collide with other entries. */
function KeyInput({ id, name, taken, onRename }: KeyInputProps) {
  const { t } = useTranslation(['inspector']);
  const [draft, setDraft] = useState(name);
  const collides = draft !== name && taken(draft);
  const commit = () => {
    if (draft === '' || collides) setDraft(name);
    else if (draft !== name) onRename(draft);
  };
  return (
    <div className="schema-form__entry-key">
      <label htmlFor={id}>{t('inspector:record.key')}</label>
      <input
        id={id}
        type="text"
        value={draft}
        aria-invalid={collides || undefined}
        aria-describedby={collides ? `${id}-taken` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            event.preventDefault();
            commit();
          }
        }}
      />
      {collides && (
        <p id={`${id}-taken`} className="schema-form__errors">
          {t('inspector:record.keyTaken')}
        </p>
      )}
    </div>
  );
}
