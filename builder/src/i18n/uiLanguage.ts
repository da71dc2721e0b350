export const UI_LANGUAGES = ['de', 'en'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const LANGUAGE_STORAGE_KEY = 'dialogwerk.language';

export function isUiLanguage(value: unknown): value is UiLanguage {
  return typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
}

/** A choice the user made wins; otherwise German when the browser's preferred language is German, English for all others. */
export function pickUiLanguage(stored: string | null | undefined, browserLanguages: readonly string[]): UiLanguage {
  if (isUiLanguage(stored)) return stored;
  const preferred = browserLanguages[0]?.toLowerCase() ?? '';
  return preferred === 'de' || preferred.startsWith('de-') ? 'de' : 'en';
}
