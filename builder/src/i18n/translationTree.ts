/** Helpers for tests that compare translation files: nested keys flattened to `a.b.c`, and `{{placeholders}}`. */
export type TranslationTree = { [key: string]: string | TranslationTree };

export function flattenTranslations(tree: TranslationTree, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const name = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(name, value);
    else for (const [inner, text] of flattenTranslations(value, name)) entries.set(inner, text);
  }
  return entries;
}

export const placeholdersOf = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((match) => match[1]).sort();
