import { parse } from 'csv-parse/sync';
import { skuKey } from '@dialogwerk/nodes';
import { fromSpreadsheetSafeCell } from '../csv/spreadsheetSafeCell.js';
import { csvProblem, type CsvProblem } from './csvProblem.js';
import { decodeCsv, detectDelimiter } from './decodeCsv.js';
import { germanField, mapColumns, type ProductField } from './productCsvColumns.js';
import { parseStaffNumber } from './parseStaffNumber.js';

export const MAX_CSV_ROWS = 100_000;
export const MAX_SKU_LENGTH = 100;
export const MAX_NAME_LENGTH = 300;
/** More problems than this are summarised: a wrong file would otherwise answer with a problem per line. */
const MAX_PROBLEMS = 200;

/** One product line; optional fields are `undefined` when the file has no such column, `null` for an empty cell. */
export interface ProductRow {
  line: number;
  sku: string;
  name?: string;
  available: number;
  price?: number | null;
  lowStockThreshold?: number | null;
}

export type ProductCsv = { ok: true; rows: ProductRow[]; fields: ProductField[] } | { ok: false; problems: CsvProblem[] };

type Record = { record: string[]; info: { lines: number } };

function readRecords(text: string): { records: Record[] } | { problem: CsvProblem } {
  try {
    const records = parse(text, {
      delimiter: detectDelimiter(text),
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
    }) as unknown as Record[];
    return { records };
  } catch (error) {
    const code = (error as { code?: string }).code;
    const line = (code === 'CSV_QUOTE_NOT_CLOSED' ? unclosedQuoteLine(text) : undefined) ?? (Number((error as { lines?: number }).lines) || 1);
    const reason = (error as Error).message;
    return {
      problem: csvProblem(line, 'CSV_MALFORMED', {
        de: `Die Datei ist kein gültiges CSV (${reason}). Oft fehlt ein schließendes Anführungszeichen.`,
        en: `The file is not valid CSV (${reason}). A closing quote is often missing.`,
      }),
    };
  }
}

/** The line of the quote that never closes: csv-parse only reports the end of the file. */
function unclosedQuoteLine(text: string): number | undefined {
  let line = 1;
  let openedOn: number | undefined;
  for (const char of text) {
    if (char === '\n') line += 1;
    else if (char === '"') openedOn = openedOn === undefined ? line : undefined;
  }
  return openedOn;
}

/** Where a record starts: csv-parse reports the line it ends on, later for quoted values spanning lines. */
const startLine = ({ record, info }: Record) => info.lines - record.reduce((sum, cell) => sum + (cell.match(/\n/g)?.length ?? 0), 0);

/**
 * Reads a product list as staff export it (see docs/INVENTORY.md): separator, encoding, header language and number
 * formats are detected. Every problem is collected with its line, so one upload shows everything to fix.
 */
export function parseProductCsv(input: Uint8Array | string): ProductCsv {
  const text = typeof input === 'string' ? (input.startsWith('\ufeff') ? input.slice(1) : input) : decodeCsv(input);
  const read = readRecords(text);
  if ('problem' in read) return { ok: false, problems: [read.problem] };
  const [header, ...records] = read.records;
  if (!header) {
    return { ok: false, problems: [csvProblem(1, 'CSV_EMPTY', { de: 'Die Datei ist leer.', en: 'The file is empty.' })] };
  }
  const { columns, problems } = mapColumns(header.record);
  if (problems.length) return { ok: false, problems };
  if (records.length > MAX_CSV_ROWS) {
    return { ok: false, problems: [csvProblem(startLine(records[MAX_CSV_ROWS]!), 'CSV_TOO_MANY_ROWS', {
      de: `Die Datei hat mehr als ${MAX_CSV_ROWS} Produkte.`, en: `The file has more than ${MAX_CSV_ROWS} products.`,
    })] };
  }
  const rows: ProductRow[] = [];
  const firstLineOf = new Map<string, number>();
  for (const entry of records) {
    const line = startLine(entry);
    // The export protects formula-like text with an apostrophe (CSV injection); it is not part of the value.
    const cell = (field: ProductField) => (columns[field] === undefined ? undefined : fromSpreadsheetSafeCell(entry.record[columns[field]!] ?? ''));
    const problem = (field: ProductField, code: string, de: string, en: string) =>
      problems.push(csvProblem(line, code, { de, en }, header.record[columns[field]!]));
    const sku = cell('sku')!;
    const key = skuKey(sku);
    if (!key) problem('sku', 'CSV_SKU_MISSING', 'Die Artikelnummer fehlt.', 'The SKU is missing.');
    else if (sku.length > MAX_SKU_LENGTH) problem('sku', 'CSV_SKU_TOO_LONG', `Die Artikelnummer ist länger als ${MAX_SKU_LENGTH} Zeichen.`, `The SKU is longer than ${MAX_SKU_LENGTH} characters.`);
    else if (firstLineOf.has(key)) {
      problem('sku', 'CSV_SKU_DUPLICATE', `Die Artikelnummer ${sku} steht schon in Zeile ${firstLineOf.get(key)}.`, `The SKU ${sku} is already on line ${firstLineOf.get(key)}.`);
    } else firstLineOf.set(key, line);
    const name = cell('name');
    if (name !== undefined && !name) problem('name', 'CSV_NAME_MISSING', 'Die Bezeichnung fehlt.', 'The name is missing.');
    if (name && [...name].length > MAX_NAME_LENGTH) problem('name', 'CSV_NAME_TOO_LONG', `Die Bezeichnung ist länger als ${MAX_NAME_LENGTH} Zeichen.`, `The name is longer than ${MAX_NAME_LENGTH} characters.`);
    const number = (field: ProductField, kind: 'integer' | 'money', required: boolean): number | null | undefined => {
      const raw = cell(field);
      if (raw === undefined) return undefined;
      if (raw === '') {
        if (required) problem(field, 'CSV_VALUE_MISSING', `Der Wert für ${germanField[field]} fehlt.`, `The ${field} is missing.`);
        return null;
      }
      const value = parseStaffNumber(raw, kind);
      if (value === undefined || (field === 'lowStockThreshold' && value < 0) || (field === 'price' && value < 0)) {
        const example = kind === 'money' ? '12,50' : '12';
        problem(field, 'CSV_NUMBER_INVALID', `„${raw}“ ist keine gültige Zahl für ${germanField[field]} (z. B. ${example}).`, `"${raw}" is not a valid number for ${field} (e.g. ${example === '12,50' ? '12.50' : example}).`);
        return null;
      }
      return value;
    };
    const available = number('available', 'integer', true);
    const price = number('price', 'money', false);
    const lowStockThreshold = number('lowStockThreshold', 'integer', false);
    rows.push({ line, sku, ...(name !== undefined ? { name } : {}), available: available ?? 0,
      ...(price !== undefined ? { price } : {}), ...(lowStockThreshold !== undefined ? { lowStockThreshold } : {}) });
  }
  if (problems.length) return { ok: false, problems: summarise(problems) };
  return { ok: true, rows, fields: Object.keys(columns) as ProductField[] };
}

function summarise(problems: CsvProblem[]): CsvProblem[] {
  if (problems.length <= MAX_PROBLEMS) return problems;
  const rest = problems.length - MAX_PROBLEMS;
  return [...problems.slice(0, MAX_PROBLEMS), csvProblem(problems[MAX_PROBLEMS]!.line, 'CSV_MORE_PROBLEMS', {
    de: `… und ${rest} weitere Probleme ab dieser Zeile.`, en: `… and ${rest} more problems from this line on.`,
  })];
}
