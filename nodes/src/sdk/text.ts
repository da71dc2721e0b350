import { z } from 'zod';

/** Locale tags a flow may declare: "de", "en", "de-CH", "fr". */
export const localeTag = z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'locale tag like "de" or "de-CH"');

/**
 * User-facing text of a flow: one string for every language, or one per locale.
 * Marked with `x-dialogwerk-widget: text` so the builder renders per-locale fields.
 */
export const Text = z
  .union([z.string(), z.record(localeTag, z.string())])
  .meta({ 'x-dialogwerk-widget': 'text' });
export type Text = z.infer<typeof Text>;

/** Resolves a Text for a locale: exact tag, then its language, then the flow's default locale, then any. */
export function resolveText(text: Text | undefined, locale: string, defaultLocale: string): string {
  if (text === undefined) return '';
  if (typeof text === 'string') return text;
  const language = locale.split('-')[0]!;
  return text[locale] ?? text[language] ?? text[defaultLocale] ?? Object.values(text)[0] ?? '';
}

/** Per-locale phrase lists (intent examples, FAQ alternatives): one list for all locales or one per locale. */
export const LocalizedList = z.union([z.array(z.string()), z.record(localeTag, z.array(z.string()))]);
export type LocalizedList = z.infer<typeof LocalizedList>;

/** Every phrase of every locale: matching must understand a customer whatever language the list was written in. */
export function allPhrases(list: LocalizedList | undefined): string[] {
  if (!list) return [];
  return Array.isArray(list) ? list : Object.values(list).flat();
}
