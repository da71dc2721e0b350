/**
 * Splits a locale tag into language and region. Tolerates "de_CH" and odd
 * casing because tags often come straight from browser or CRM settings.
 */
export function splitLocale(locale: string): { language: string; region?: string } {
  const [language = '', ...rest] = locale.trim().split(/[-_]/);
  const region = rest.find((part) => /^(?:[a-z]{2}|\d{3})$/i.test(part));
  return region ? { language: language.toLowerCase(), region: region.toUpperCase() } : { language: language.toLowerCase() };
}

/** A tag Intl accepts; a malformed locale must not crash answer parsing, so fall back to German. */
export function intlLocale(locale: string): string {
  const tag = locale.trim().replace(/_/g, '-');
  try {
    return Intl.getCanonicalLocales(tag)[0] ?? 'de';
  } catch {
    return 'de';
  }
}
