import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame } from './FieldFrame.js';
import type { FieldProps } from './fieldProps.js';
import { NewVariableForm } from './NewVariableForm.js';
import { useSchemaForm } from './SchemaFormContext.js';

const placeholderOf = (value: unknown) => (value === undefined || typeof value === 'object' ? undefined : String(value));

export function StringField({ schema, path, value, label, required }: FieldProps) {
  const { change } = useSchemaForm();
  const text = typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '';
  return (
    <FieldFrame schema={schema} path={path} label={label} required={required}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="text"
          value={text}
          placeholder={placeholderOf(schema.default)}
          maxLength={schema.maxLength}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          // Empty optional text is omitted; a required one stays "" so its problem shows at this field.
          onChange={(event) => change(path, event.target.value === '' && !required ? undefined : event.target.value)}
        />
      )}
    </FieldFrame>
  );
}

export function NumberField({ schema, path, value, label, required, integer }: FieldProps & { integer: boolean }) {
  const { change } = useSchemaForm();
  return (
    <FieldFrame schema={schema} path={path} label={label} required={required}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="number"
          inputMode={integer ? 'numeric' : 'decimal'}
          value={typeof value === 'number' ? value : ''}
          placeholder={placeholderOf(schema.default)}
          min={schema.minimum ?? schema.exclusiveMinimum}
          max={schema.maximum ?? schema.exclusiveMaximum}
          step={integer ? 1 : 'any'}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          onChange={(event) => change(path, event.target.value === '' ? undefined : Number(event.target.value))}
        />
      )}
    </FieldFrame>
  );
}

export function BooleanField({ schema, path, value, label, required }: FieldProps) {
  const { change } = useSchemaForm();
  const checked = typeof value === 'boolean' ? value : schema.default === true;
  return (
    <FieldFrame schema={schema} path={path} label={label} required={required}>
      {({ id, describedBy, invalid }) => (
        <input
          id={id}
          type="checkbox"
          checked={checked}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          onChange={(event) => change(path, event.target.checked)}
        />
      )}
    </FieldFrame>
  );
}

/** A select of fixed values; optional fields start with an empty choice naming the default. */
export function EnumField({ schema, path, value, label, required, options }: FieldProps & { options: readonly string[] }) {
  const { t } = useTranslation(['inspector']);
  const { change } = useSchemaForm();
  const current = typeof value === 'string' ? value : '';
  const emptyLabel = schema.default === undefined ? t('inspector:field.notSet') : t('inspector:field.defaultOption', { value: String(schema.default) });
  return (
    <FieldFrame schema={schema} path={path} label={label} required={required}>
      {({ id, describedBy, invalid }) => (
        <select
          id={id}
          value={current}
          aria-describedby={describedBy}
          aria-invalid={invalid || undefined}
          aria-required={required || undefined}
          onChange={(event) => change(path, event.target.value === '' ? undefined : event.target.value)}
        >
          {(!required || current === '') && <option value="">{emptyLabel}</option>}
          {current !== '' && !options.includes(current) && <option value={current}>{current}</option>}
          {options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </select>
      )}
    </FieldFrame>
  );
}

/**
 * `x-dialogwerk-widget: variable`: one of the flow's declared variables (an undeclared current value stays selectable),
 * or a new one declared on the spot.
 */
export function VariableField({ schema, path, value, label, required }: FieldProps) {
  const { t } = useTranslation(['inspector']);
  const { change, variables, declareVariable } = useSchemaForm();
  const [creating, setCreating] = useState(false);
  const current = typeof value === 'string' ? value : '';
  return (
    <FieldFrame schema={schema} path={path} label={label} required={required}>
      {({ id, describedBy, invalid }) => (
        <>
          <div className="schema-form__variable-row">
            <select
              id={id}
              value={current}
              aria-describedby={describedBy}
              aria-invalid={invalid || undefined}
              aria-required={required || undefined}
              onChange={(event) => change(path, event.target.value === '' ? undefined : event.target.value)}
            >
              <option value="">{variables.length === 0 ? t('inspector:variable.noneDeclared') : t('inspector:variable.none')}</option>
              {current !== '' && !variables.includes(current) && <option value={current}>{t('inspector:variable.undeclared', { name: current })}</option>}
              {variables.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
            {declareVariable && !creating && (
              <button type="button" id={`${id}-new`} onClick={() => setCreating(true)}>
                {t('inspector:variable.new')}
              </button>
            )}
          </div>
          {declareVariable && creating && (
            <NewVariableForm
              existing={variables}
              onCancel={() => setCreating(false)}
              onCreate={(name, type) => {
                declareVariable(name, type);
                change(path, name);
                setCreating(false);
              }}
            />
          )}
        </>
      )}
    </FieldFrame>
  );
}

/** A list of fixed values (e.g. accepted file types): one checkbox per value, in the schema's order. */
export function EnumSetField({ schema, path, value, label, required, options }: FieldProps & { options: readonly string[] }) {
  const { change } = useSchemaForm();
  const chosen = Array.isArray(value) ? value : Array.isArray(schema.default) ? schema.default : [];
  const toggle = (option: string, on: boolean) => change(path, options.filter((candidate) => (candidate === option ? on : chosen.includes(candidate))));
  return (
    <FieldFrame schema={schema} path={path} label={label} required={required} group>
      {({ id }) => (
        <div className="schema-form__choices">
          {options.map((option, index) => (
            <div key={option} className="schema-form__choice">
              <input id={`${id}-${index}`} type="checkbox" checked={chosen.includes(option)} onChange={(event) => toggle(option, event.target.checked)} />
              <label htmlFor={`${id}-${index}`}>{option}</label>
            </div>
          ))}
        </div>
      )}
    </FieldFrame>
  );
}
