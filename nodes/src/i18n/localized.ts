/** A text shown to staff or customers, always available in both product languages. */
export interface Localized {
  de: string;
  en: string;
}

export const productLocales = ['de', 'en'] as const;
export type ProductLocale = (typeof productLocales)[number];

/** Picks the product locale for a BCP-47 tag or Accept-Language header; German wins only when asked for. */
export function pickProductLocale(tag: string | undefined | null): ProductLocale {
  if (!tag) return 'en';
  const first = tag.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('de') ? 'de' : 'en';
}

export function localized(value: Localized, locale: string | undefined): string {
  return pickProductLocale(locale) === 'de' ? value.de : value.en;
}
