import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldFrame, useFieldIds } from './FieldFrame.js';
import type { FieldProps } from './fieldProps.js';
import type { FieldPath } from './jsonSchema.js';
import { isSingleLocale, linesOf, listForLocale, listFromLines, shownLocales, textForLocale, withLocaleList, withLocaleText } from './localizedValue.js';
import { useSchemaForm } from './SchemaFormContext.js';
import { TemplateInput } from './TemplateInput.js';

function useLanguageName() {
  const { language } = useSchemaForm();
  return (locale: string) => {
    try {
      return new Intl.DisplayNames([language], { type: 'language' }).of(locale) ?? locale;
    } catch {
      return locale;
    }
  };
}

/** The flow's `Text`: one field when the flow has one locale, otherwise one field per locale (default locale first). */
export function LocalizedTextField({ schema, path, value, label, required }: FieldProps) {
  const { change, locales } = useSchemaForm();
  const empty = required ? '' : undefined;
  if (isSingleLocale(value, locales)) {
    return (
      <FieldFrame schema={schema} path={path} label={label} required={required}>
        {({ id, describedBy, invalid }) => (
          <TemplateInput
            id={id}
            value={typeof value === 'string' ? value : ''}
            label={label}
            describedBy={describedBy}
            invalid={invalid}
            required={required}
            onChange={(text) => change(path, text === '' ? empty : text)}
          />
        )}
      </FieldFrame>
    );
  }
  return (
    <FieldFrame schema={schema} path={path} label={label} required={required} group>
      {() =>
        shownLocales(value, locales).map((locale) => (
          <LocaleRow key={locale} path={[...path, locale]} locale={locale} fieldLabel={label} required={required}>
            {(ids, rowLabel) => (
              <TemplateInput
                {...ids}
                value={textForLocale(value, locale, locales)}
                label={rowLabel}
                required={required && locale === locales[0]}
                onChange={(text) => change(path, withLocaleText(value, locale, text, locales) ?? empty)}
              />
            )}
          </LocaleRow>
        ))
      }
    </FieldFrame>
  );
}

/** The flow's `LocalizedList` (phrase lists): one phrase per line, per locale when the flow has several. */
export function LocalizedListField({ schema, path, value, label, required }: FieldProps) {
  const { t } = useTranslation(['inspector']);
  const { change, locales } = useSchemaForm();
  const single = isSingleLocale(value, locales);
  const rows = single ? [locales[0] ?? ''] : shownLocales(value, locales);
  return (
    <FieldFrame schema={schema} path={path} label={label} required={required} group>
      {() => (
        <>
          <p className="schema-form__help">{t('inspector:field.linesHint')}</p>
          {rows.map((locale) => {
            const rowPath = single ? [...path, 'lines'] : [...path, locale];
            const list = listForLocale(value, locale, locales);
            return (
              // Keyed by the saved text: the area is edited freely and saved on blur, and shows outside changes (undo, another node).
              <LocaleRow key={`${locale}:${linesOf(list)}`} path={rowPath} locale={single ? undefined : locale} fieldLabel={label} required={required}>
                {(ids) => (
                  <textarea
                    id={ids.id}
                    aria-describedby={ids.describedBy}
                    aria-invalid={ids.invalid || undefined}
                    rows={Math.min(8, Math.max(3, list.length + 1))}
                    defaultValue={linesOf(list)}
                    onBlur={(event) => change(path, withLocaleList(value, locale, listFromLines(event.target.value), locales))}
                  />
                )}
              </LocaleRow>
            );
          })}
        </>
      )}
    </FieldFrame>
  );
}

interface LocaleRowProps {
  path: FieldPath;
  locale: string | undefined;
  fieldLabel: string;
  required: boolean;
  children: (ids: { id: string; describedBy: string | undefined; invalid: boolean }, rowLabel: string) => ReactNode;
}

function LocaleRow({ path, locale, fieldLabel, children }: LocaleRowProps) {
  const { t } = useTranslation(['inspector']);
  const languageName = useLanguageName();
  const { id, errorId, errors, describedBy, invalid } = useFieldIds(path, false);
  const rowLabel = locale === undefined ? fieldLabel : t('inspector:field.localeLabel', { language: languageName(locale), locale });
  return (
    <div className="schema-form__locale">
      <label htmlFor={id}>{rowLabel}</label>
      {children({ id, describedBy, invalid }, locale === undefined ? fieldLabel : `${fieldLabel}, ${rowLabel}`)}
      {errors.length > 0 && (
        <ul id={errorId} className="schema-form__errors" role="list">
          {errors.map((message) => (
            <li key={message}>{message}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
