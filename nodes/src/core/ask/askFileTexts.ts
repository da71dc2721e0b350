import type { Localized } from '../../i18n/localized.js';

/** What the customer reads when a file answer is refused; `{limit}`, `{max}` and `{types}` are filled in. */
export const askFileTexts = {
  retry_no_file: {
    de: 'Bitte laden Sie eine Datei hoch ({types}, höchstens {limit} MB).',
    en: 'Please upload a file ({types}, at most {limit} MB).',
  },
  retry_unknown: {
    de: 'Diese Datei habe ich nicht erhalten. Bitte laden Sie sie noch einmal hoch.',
    en: 'I did not receive that file. Please upload it again.',
  },
  retry_type: {
    de: 'Diese Dateiart kann ich nicht annehmen. Erlaubt: {types}.',
    en: 'I cannot accept this kind of file. Allowed: {types}.',
  },
  retry_size: {
    de: 'Die Datei ist zu groß (höchstens {limit} MB).',
    en: 'The file is too large (at most {limit} MB).',
  },
  retry_too_many: {
    de: 'Bitte senden Sie höchstens {max} Datei(en).',
    en: 'Please send at most {max} file(s).',
  },
  skip: { de: 'Überspringen', en: 'Skip' },
  types_image: { de: 'Bilder', en: 'images' },
  types_pdf: { de: 'PDF', en: 'PDF' },
} satisfies Record<string, Localized>;

export type AskFileTextKey = keyof typeof askFileTexts;

/** Other languages fall back to English, as for the shared customer texts. */
export function askFileText(key: AskFileTextKey, locale: string, params: Record<string, string | number> = {}): string {
  const texts: Record<string, string | undefined> = askFileTexts[key];
  const text = texts[locale] ?? texts[locale.split('-')[0]!] ?? askFileTexts[key].en;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}
