import { CsvError, parse } from 'csv-parse/sync';
import { fromSpreadsheetSafeCell } from '../csv/spreadsheetSafeCell.js';
import { checkDuplicateIds, checkEntry, type ImportProblem, type ImportResult } from './importProblem.js';
import type { KnowledgeEntryBody } from './knowledgeSchemas.js';

type Field = 'id' | 'question' | 'alternatives' | 'answer';
interface Column { field: Field; locale?: string }

const fieldNames: Record<string, Field> = {
  id: 'id', question: 'question', frage: 'question', alternatives: 'alternatives', alternativen: 'alternatives',
  answer: 'answer', antwort: 'answer',
};
/** Columns staff keep for themselves; everything else unknown is refused so a typo ("anwort_de") is not lost. */
const ignoredColumns = /^(#.*|notes?|notiz(en)?|kommentar|comment|bemerkung(en)?)$/;

/** The separator of the header line: Excel writes ";" in German-speaking locales and "," elsewhere. */
export function detectDelimiter(source: string): string {
  const header = source.replace(/^\uFEFF/, '').split(/\r?\n/).find((line) => line.trim() !== '') ?? '';
  const counts: Record<string, number> = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of header) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && char in counts) counts[char]!++;
  }
  const [best] = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  return best && best[1] > 0 ? best[0] : ',';
}

function columnOf(header: string): Column | 'ignored' | undefined {
  const name = header.trim().toLowerCase().replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/[\s.-]+/g, '_');
  if (ignoredColumns.test(name)) return 'ignored';
  const match = /^([a-z]+)(?:_([a-z]{2,3})(?:_([a-z0-9]{2,8}))?)?$/.exec(name);
  const field = match && fieldNames[match[1]!];
  if (!field) return undefined;
  if (field === 'id') return match[2] ? undefined : { field };
  const locale = match[2] ? (match[3] ? `${match[2]}-${match[3].toUpperCase()}` : match[2]) : undefined;
  return { field, locale };
}

const splitAlternatives = (cell: string) => cell.split(/\r?\n|\|/).map((s) => s.trim()).filter((s) => s !== '');

/** Line numbers where each record starts (csv-parse reports byte offsets of record ends; quoted cells may span lines). */
function lineAt(buffer: Buffer, byteOffset: number): number {
  let line = 1;
  let end = Math.min(byteOffset, buffer.length);
  for (let i = 0; i < end; i++) if (buffer[i] === 10) line++;
  // Skipped empty lines belong before the record.
  while (end < buffer.length && (buffer[end] === 10 || buffer[end] === 13)) {
    if (buffer[end] === 10) line++;
    end++;
  }
  return line;
}

/**
 * Reads the CSV format (docs/KNOWLEDGE.md): a header row with `id`, `question[_<locale>]`, `alternatives[_<locale>]`,
 * `answer[_<locale>]` (or German `frage`, `alternativen`, `antwort`), "," or ";" separated, UTF-8 with or without BOM.
 */
export function parseKnowledgeCsv(source: string): ImportResult {
  const problems: ImportProblem[] = [];
  let rows: { record: string[]; info: { bytes: number } }[];
  try {
    rows = parse(source, { bom: true, delimiter: detectDelimiter(source), info: true, relax_column_count: true, skip_empty_lines: true }) as unknown as typeof rows;
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const line = Number((error as CsvError & { lines?: number }).lines) || 1;
    return { ok: false, problems: [{ line, code: 'CSV_MALFORMED', message: { de: `Die CSV-Datei ist fehlerhaft: ${error.message}`, en: `The CSV file is malformed: ${error.message}` } }] };
  }
  if (rows.length === 0) {
    return { ok: false, problems: [{ line: 1, code: 'CSV_EMPTY', message: { de: 'Die Datei ist leer.', en: 'The file is empty.' } }] };
  }
  const buffer = Buffer.from(source, 'utf8');
  const headerLine = lineAt(buffer, 0);
  const columns = rows[0]!.record.map((header, index) => {
    const column = columnOf(header);
    if (column === undefined) {
      problems.push({
        line: headerLine,
        column: header,
        code: 'CSV_UNKNOWN_COLUMN',
        message: {
          de: `Unbekannte Spalte „${header}“ (Spalte ${index + 1}); erlaubt sind id, frage/question, alternativen/alternatives, antwort/answer, jeweils mit Sprachkürzel wie frage_de.`,
          en: `Unknown column "${header}" (column ${index + 1}); allowed are id, question, alternatives, answer, each optionally with a locale like question_de.`,
        },
      });
    }
    return column === 'ignored' ? undefined : column;
  });
  for (const field of ['question', 'answer'] as const) {
    if (!columns.some((column) => column?.field === field)) {
      const de = field === 'question' ? 'frage_de' : 'antwort_de';
      problems.push({
        line: headerLine,
        code: 'CSV_MISSING_COLUMN',
        message: { de: `Die Spalte „${de}“ (oder ähnlich) fehlt.`, en: `The column "${field}" (or ${field}_<locale>) is missing.` },
      });
    }
  }
  const seenColumns = new Set<string>();
  columns.forEach((column) => {
    if (!column) return;
    const key = `${column.field}:${column.locale ?? ''}`;
    if (seenColumns.has(key)) {
      problems.push({ line: headerLine, code: 'CSV_DUPLICATE_COLUMN', message: { de: `Die Spalte für ${key} kommt doppelt vor.`, en: `The column for ${key} appears twice.` } });
    }
    seenColumns.add(key);
  });
  if (problems.length) return { ok: false, problems };

  const found: { entry: KnowledgeEntryBody; line: number }[] = [];
  let previousEnd = rows[0]!.info.bytes;
  for (const { record, info } of rows.slice(1)) {
    const line = lineAt(buffer, previousEnd);
    previousEnd = info.bytes;
    if (record.every((cell) => cell.trim() === '')) continue;
    const texts: Record<'question' | 'answer', Record<string, string> | string | undefined> = { question: undefined, answer: undefined };
    let alternatives: Record<string, string[]> | string[] | undefined;
    let id: string | undefined;
    record.forEach((raw, index) => {
      const column = columns[index];
      if (!column) return;
      // Our own export protects formula-like text with an apostrophe (CSV injection); it is not part of the text.
      const cell = fromSpreadsheetSafeCell(raw);
      const value = column.field === 'answer' ? cell.replace(/^\s+|\s+$/g, '') : cell.trim();
      if (value === '') return;
      if (column.field === 'id') id = value;
      else if (column.field === 'alternatives') {
        const list = splitAlternatives(value);
        if (column.locale) alternatives = { ...(Array.isArray(alternatives) ? {} : alternatives), [column.locale]: list };
        else alternatives = list;
      } else if (column.locale) {
        const current = texts[column.field];
        texts[column.field] = { ...(typeof current === 'object' ? current : {}), [column.locale]: value };
      } else if (texts[column.field] === undefined) texts[column.field] = value;
    });
    const missing = (['question', 'answer'] as const).filter((field) => texts[field] === undefined);
    for (const field of missing) {
      problems.push({
        line,
        column: field,
        code: field === 'question' ? 'QUESTION_MISSING' : 'ANSWER_MISSING',
        message: field === 'question' ? { de: 'Die Frage fehlt.', en: 'The question is missing.' } : { de: 'Die Antwort fehlt.', en: 'The answer is missing.' },
      });
    }
    if (missing.length) continue;
    const entry = checkEntry({ id, question: texts.question, alternatives, answer: texts.answer }, line, problems);
    if (entry) found.push({ entry, line });
  }
  checkDuplicateIds(found, problems);
  if (problems.length) return { ok: false, problems };
  return { ok: true, entries: found.map(({ entry }) => entry) };
}
