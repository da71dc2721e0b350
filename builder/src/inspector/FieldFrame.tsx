import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localizedPart } from './localizedTitle.js';
import { pathKey, type FieldPath, type JsonSchema } from './jsonSchema.js';
import { fieldId } from './problemIndex.js';
import { useSchemaForm } from './SchemaFormContext.js';

export interface FieldIds {
  id: string;
  /** For `aria-describedby`: the description, default hint and messages of this field. */
  describedBy: string | undefined;
  invalid: boolean;
}

/** Ids and messages of the field at `path`. */
export function useFieldIds(path: FieldPath, hasHelp: boolean): FieldIds & { helpId: string; errorId: string; errors: readonly string[] } {
  const { idPrefix, messages } = useSchemaForm();
  const id = fieldId(idPrefix, path);
  const errors = messages.get(pathKey(path)) ?? [];
  const helpId = `${id}-help`;
  const errorId = `${id}-errors`;
  const describedBy = [hasHelp ? helpId : '', errors.length > 0 ? errorId : ''].filter(Boolean).join(' ') || undefined;
  return { id, helpId, errorId, errors, describedBy, invalid: errors.length > 0 };
}

interface FieldFrameProps {
  schema: JsonSchema;
  path: FieldPath;
  label: string;
  required: boolean;
  /** `group` renders a fieldset with a legend (objects, lists, per-locale texts); otherwise a label bound to the control's id. */
  group?: boolean;
  children: (ids: FieldIds) => ReactNode;
}

/** Label, help text (description and default) and messages around one control; the control gets the ids to link them. */
export function FieldFrame({ schema, path, label, required, group = false, children }: FieldFrameProps) {
  const { t } = useTranslation(['inspector']);
  const { language } = useSchemaForm();
  const description = localizedPart(schema.description, language);
  const defaultText = describeDefault(schema.default, (yes) => t(yes ? 'inspector:field.yes' : 'inspector:field.no'));
  const defaultHint = defaultText === undefined ? undefined : t('inspector:field.defaultHint', { value: defaultText });
  const hasHelp = description !== undefined || defaultHint !== undefined;
  const { id, helpId, errorId, errors, describedBy, invalid } = useFieldIds(path, hasHelp);
  const caption = (
    <>
      {label}
      {!required && <span className="schema-form__optional"> ({t('inspector:field.optional')})</span>}
    </>
  );
  const details = (
    <>
      {hasHelp && (
        <div id={helpId} className="schema-form__help">
          {description && <p>{description}</p>}
          {defaultHint && <p>{defaultHint}</p>}
        </div>
      )}
      {errors.length > 0 && (
        <ul id={errorId} className="schema-form__errors" role="list">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </>
  );
  if (group) {
    return (
      <fieldset className="schema-form__group" aria-describedby={describedBy}>
        <legend>{caption}</legend>
        {details}
        {children({ id, describedBy, invalid })}
      </fieldset>
    );
  }
  return (
    <div className="schema-form__field">
      <label htmlFor={id}>{caption}</label>
      {children({ id, describedBy, invalid })}
      {details}
    </div>
  );
}

/** Defaults worth showing: scalars (objects and lists are shown by their fields), booleans as yes/no. */
function describeDefault(value: unknown, yesNo: (yes: boolean) => string): string | undefined {
  if (typeof value === 'boolean') return yesNo(value);
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  return undefined;
}
