import { skuKey } from '@dialogwerk/nodes';
import { csvProblem, type CsvProblem } from './csvProblem.js';
import { parseProductCsv } from './parseProductCsv.js';
import type { ProductStore } from './productStore.js';

export const importModes = ['merge', 'replace'] as const;
export type ImportMode = (typeof importModes)[number];

export interface ImportSummary {
  mode: ImportMode;
  /** Product lines in the file. */
  total: number;
  created: number;
  updated: number;
  /** Products the file did not list (`replace` only). */
  deleted: number;
}

export type ImportResult = { ok: true; summary: ImportSummary } | { ok: false; problems: CsvProblem[] };

/**
 * Imports a staff CSV all or nothing: `merge` creates and updates the listed products, `replace` also deletes the
 * ones the file does not list. Nothing is written unless every line is fine; the write is one transaction.
 */
export async function importProductCsv(store: ProductStore, input: Uint8Array | string, mode: ImportMode): Promise<ImportResult> {
  const parsed = parseProductCsv(input);
  if (!parsed.ok) return parsed;
  const { rows, fields } = parsed;
  const existing = new Set((await store.client.execute(`SELECT sku_key FROM products WHERE workspace_id = 'default'`)).rows.map((row) => String(row.sku_key)));
  const problems: CsvProblem[] = [];
  const hasNames = fields.includes('name');
  if (!hasNames && mode === 'replace') {
    problems.push(csvProblem(1, 'CSV_COLUMN_MISSING', {
      de: 'Zum Ersetzen braucht die Datei eine Spalte mit der Bezeichnung (z. B. „Bezeichnung“).',
      en: 'Replacing the inventory needs a name column (e.g. "name").',
    }));
  }
  if (!hasNames && mode === 'merge') {
    for (const row of rows) {
      if (existing.has(skuKey(row.sku))) continue;
      problems.push(csvProblem(row.line, 'CSV_NAME_MISSING', {
        de: `${row.sku} ist ein neues Produkt und braucht eine Bezeichnung; die Datei hat keine Spalte dafür.`,
        en: `${row.sku} is a new product and needs a name; the file has no name column.`,
      }));
    }
  }
  if (problems.length) return { ok: false, problems };
  const listed = new Set(rows.map((row) => skuKey(row.sku)));
  const created = rows.filter((row) => !existing.has(skuKey(row.sku))).length;
  const deleted = mode === 'replace' ? [...existing].filter((key) => !listed.has(key)).length : 0;
  const upserts = store.upsertStatements(rows, { name: hasNames, price: fields.includes('price'), lowStockThreshold: fields.includes('lowStockThreshold') });
  const clear = mode === 'replace' ? [{ sql: `DELETE FROM products WHERE workspace_id = 'default'`, args: [] }] : [];
  await store.client.batch([...clear, ...upserts, store.bumpRevision()], 'write');
  return { ok: true, summary: { mode, total: rows.length, created, updated: rows.length - created, deleted } };
}
