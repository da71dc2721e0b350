import { spreadsheetSafeCell } from '../csv/spreadsheetSafeCell.js';
import type { StoredEntry } from './knowledgeSchemas.js';

type Field = 'question' | 'alternatives' | 'answer';

function valueOf(entry: StoredEntry, field: Field, locale: string | undefined): string {
  const value = entry[field];
  if (value === undefined) return '';
  if (field === 'alternatives') {
    const list = Array.isArray(value) ? (locale === undefined ? value : []) : locale === undefined ? [] : ((value as Record<string, string[]>)[locale] ?? []);
    return (list as string[]).join(' | ');
  }
  if (typeof value === 'string') return locale === undefined ? value : '';
  return locale === undefined ? '' : ((value as Record<string, string>)[locale] ?? '');
}

/**
 * The import's CSV format: `id`, then per locale `question_<locale>`, `alternatives_<locale>` (joined by " | "),
 * `answer_<locale>`; texts for all locales go to columns without a suffix. UTF-8 with BOM so Excel shows umlauts;
 * formula-like texts (an answer starting with "- ") get the apostrophe the import removes again.
 */
export function knowledgeCsv(entries: readonly StoredEntry[], separator = ';'): string {
  const locales = new Set<string>();
  let plain = false;
  for (const entry of entries) {
    for (const field of ['question', 'alternatives', 'answer'] as const) {
      const value = entry[field];
      if (value === undefined) continue;
      if (typeof value === 'string' || Array.isArray(value)) plain = true;
      else Object.keys(value).forEach((locale) => locales.add(locale));
    }
  }
  const groups: (string | undefined)[] = [...(plain || locales.size === 0 ? [undefined] : []), ...[...locales].sort()];
  const columns = groups.flatMap((locale) => (['question', 'alternatives', 'answer'] as const).map((field) => ({ field, locale })));
  const header = ['id', ...columns.map(({ field, locale }) => (locale ? `${field}_${locale}` : field))];
  const rows = entries.map((entry) => [entry.id, ...columns.map(({ field, locale }) => valueOf(entry, field, locale))]);
  return '\uFEFF' + [header, ...rows].map((row) => row.map(spreadsheetSafeCell).join(separator)).join('\r\n') + '\r\n';
}
