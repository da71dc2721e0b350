/**
 * Text of an uploaded CSV file. Excel on Windows saves "CSV (Trennzeichen-getrennt)" in Windows-1252, not UTF-8, so
 * bytes that are not valid UTF-8 are read as Windows-1252 (umlauts survive either way). A UTF-8 BOM is dropped.
 */
export function decodeCsv(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.startsWith('\ufeff') ? text.slice(1) : text;
}

/** The separator of the header line: `;` (German Excel), `,` or tab, whichever occurs most outside quotes. */
export function detectDelimiter(text: string): ';' | ',' | '\t' {
  const counts = { ';': 0, ',': 0, '\t': 0 };
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    else if (!quoted && (char === '\n' || char === '\r')) {
      if (counts[';'] + counts[','] + counts['\t'] > 0) break;
    } else if (!quoted && char in counts) counts[char as keyof typeof counts] += 1;
  }
  const ranked = (Object.entries(counts) as [';' | ',' | '\t', number][]).sort((a, b) => b[1] - a[1]);
  return ranked[0]![1] > 0 ? ranked[0]![0] : ';';
}
