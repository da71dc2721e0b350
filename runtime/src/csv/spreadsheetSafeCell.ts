/**
 * Text that needs the protective apostrophe: what a spreadsheet would run as a formula when it starts a cell (CSV
 * injection: `=`, `+`, `-`, `@`, and tab or carriage return, which some spreadsheets skip before looking for the
 * others), and such text already behind apostrophes, so an importer can always remove exactly one and get the
 * original back.
 */
const NEEDS_APOSTROPHE = /^'*[=+\-@\t\r]/;

/**
 * One CSV cell that spreadsheets open safely and CSV readers read back: formula-like text gets a leading apostrophe,
 * and the cell is quoted (RFC 4180) when it holds a quote, either separator (`,` or `;`), a tab or line break, or
 * starts or ends with whitespace a reader might trim. Objects are written as JSON; null and undefined as empty cells.
 */
export function spreadsheetSafeCell(value: unknown): string {
  if (value === undefined || value === null) return '';
  let text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (NEEDS_APOSTROPHE.test(text)) text = `'${text}`;
  return /[",;\t\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The text of a cell as an importer should store it: the apostrophe `spreadsheetSafeCell` put in front of
 * formula-like text is removed, so an exported file imports back unchanged. Other apostrophes stay.
 */
export function fromSpreadsheetSafeCell(text: string): string {
  return text.startsWith("'") && NEEDS_APOSTROPHE.test(text.slice(1)) ? text.slice(1) : text;
}
