/** The flow locale that fits the UI language best (same language), else the flow's first one. */
export function preferredLocale(locales: readonly string[], language: string): string {
  const base = (tag: string) => tag.split('-')[0]!.toLowerCase();
  return locales.find((locale) => locale === language) ?? locales.find((locale) => base(locale) === base(language)) ?? locales[0] ?? language;
}
