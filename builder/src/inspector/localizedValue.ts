import { isPlainObject } from './jsonSchema.js';

/**
 * Per-locale values for the flow's `Text` (string | { [locale]: string }) and `LocalizedList` (string[] | { [locale]: string[] }).
 * `locales` are the flow's locales, the default first.
 */

/** The locales to show fields for: the flow's, then any others the value already has (so nothing is hidden or lost). */
export function shownLocales(value: unknown, locales: readonly string[]): string[] {
  const extra = isPlainObject(value) ? Object.keys(value).filter((locale) => !locales.includes(locale)) : [];
  return [...locales, ...extra];
}

/** Whether to show one plain field: the flow has at most one locale and the value is not already split per locale. */
export function isSingleLocale(value: unknown, locales: readonly string[]): boolean {
  return locales.length <= 1 && !isPlainObject(value);
}

/** The text shown for a locale: its own entry, or a shared plain string in the default locale's field. */
export function textForLocale(value: unknown, locale: string, locales: readonly string[]): string {
  if (typeof value === 'string') return locale === locales[0] ? value : '';
  if (isPlainObject(value)) {
    const text = value[locale];
    return typeof text === 'string' ? text : '';
  }
  return '';
}

/**
 * The value after editing one locale's text. A plain string becomes per-locale on the first edit (kept in the default locale);
 * empty locales are dropped, and an all-empty text becomes undefined so an optional field is omitted.
 */
export function withLocaleText(value: unknown, locale: string, text: string, locales: readonly string[]): string | Record<string, string> | undefined {
  if (isSingleLocale(value, locales)) return text === '' ? undefined : text;
  const entries: Record<string, string> = {};
  for (const shown of shownLocales(value, locales)) {
    const current = shown === locale ? text : textForLocale(value, shown, locales);
    if (current !== '') entries[shown] = current;
  }
  return Object.keys(entries).length === 0 ? undefined : entries;
}

/** Phrase lists are edited as one phrase per line. */
export function linesOf(list: unknown): string {
  return Array.isArray(list) ? list.filter((item) => typeof item === 'string').join('\n') : '';
}

export function listFromLines(text: string): string[] {
  return text.split('\n').map((line) => line.trim()).filter((line) => line !== '');
}

export function listForLocale(value: unknown, locale: string, locales: readonly string[]): string[] {
  if (Array.isArray(value)) return locale === locales[0] ? value.filter((item): item is string => typeof item === 'string') : [];
  if (isPlainObject(value) && Array.isArray(value[locale])) return (value[locale] as unknown[]).filter((item): item is string => typeof item === 'string');
  return [];
}

/** Like `withLocaleText` for phrase lists; empty lists are dropped. */
export function withLocaleList(value: unknown, locale: string, list: string[], locales: readonly string[]): string[] | Record<string, string[]> | undefined {
  if (isSingleLocale(value, locales)) return list.length === 0 ? undefined : list;
  const entries: Record<string, string[]> = {};
  for (const shown of shownLocales(value, locales)) {
    const current = shown === locale ? list : listForLocale(value, shown, locales);
    if (current.length > 0) entries[shown] = current;
  }
  return Object.keys(entries).length === 0 ? undefined : entries;
}

/** The locales that get their own field (none when one plain field is shown). */
export function localizedKindLocales(value: unknown, locales: readonly string[]): string[] {
  return isSingleLocale(value, locales) ? [] : shownLocales(value, locales);
}
