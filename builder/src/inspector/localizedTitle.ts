import type { UiLanguage } from '../i18n/uiLanguage.js';

/**
 * Node schemas write titles and descriptions as "Deutsch / English" ("Dauer (Minuten) / Duration (minutes)").
 * Picks the part for the UI language; a text without " / " is the same in both languages.
 */
export function localizedPart(text: string | undefined, language: UiLanguage): string | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const parts = text.split(' / ');
  if (parts.length !== 2) return text.trim();
  return (language === 'de' ? parts[0]! : parts[1]!).trim();
}

/** The label of a field: the schema's title in the UI language, else the property name made readable ("timeoutMs" → "Timeout ms"). */
export function fieldLabel(title: string | undefined, name: string | number, language: UiLanguage): string {
  return localizedPart(title, language) ?? readableName(String(name));
}

export function readableName(name: string): string {
  const words = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
