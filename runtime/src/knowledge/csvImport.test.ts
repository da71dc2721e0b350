import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseKnowledgeCsv } from './csvImport.js';
import { knowledgeCsv } from './csvExport.js';
import { assignIds } from './entryIds.js';

const ok = (source: string) => {
  const result = parseKnowledgeCsv(source);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.entries;
};
const problems = (source: string) => {
  const result = parseKnowledgeCsv(source);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('parseKnowledgeCsv', () => {
  it('reads a semicolon file with BOM, German column names, umlauts and several locales', () => {
    const source = '\uFEFFid;frage_de;alternativen_de;antwort_de;question_en;answer_en\r\n' +
      'hours;Wann haben Sie geöffnet?;Öffnungszeiten | Bis wann offen?;Mo–Fr 8–18 Uhr.;Opening hours?;Mon–Fri 8–6.\r\n' +
      ';Gibt es Parkplätze?;;"Ja; hinter dem Haus.";;\r\n';
    expect(ok(source)).toEqual([
      {
        id: 'hours',
        question: { de: 'Wann haben Sie geöffnet?', en: 'Opening hours?' },
        alternatives: { de: ['Öffnungszeiten', 'Bis wann offen?'] },
        answer: { de: 'Mo–Fr 8–18 Uhr.', en: 'Mon–Fri 8–6.' },
      },
      { question: { de: 'Gibt es Parkplätze?' }, answer: { de: 'Ja; hinter dem Haus.' } },
    ]);
  });

  it('reads a comma file with plain columns, quoted line breaks and empty lines', () => {
    const source = 'question,alternatives,answer\n"Versand?","Lieferkosten\nPorto","Gratis ab 50 CHF.\nSonst 7 CHF."\n\n\nRückgabe?,,30 Tage\n';
    expect(ok(source)).toEqual([
      { question: 'Versand?', alternatives: ['Lieferkosten', 'Porto'], answer: 'Gratis ab 50 CHF.\nSonst 7 CHF.' },
      { question: 'Rückgabe?', answer: '30 Tage' },
    ]);
  });

  it('detects the separator from the header line', () => {
    expect(detectDelimiter('\uFEFFfrage;antwort\na,b;c')).toBe(';');
    expect(detectDelimiter('question,answer')).toBe(',');
    expect(detectDelimiter('"a;b",answer')).toBe(',');
    expect(detectDelimiter('question\tanswer')).toBe('\t');
  });

  it('ignores note columns and accepts regional locale suffixes', () => {
    expect(ok('frage_de-CH;antwort_de-CH;Notiz\nVelo?;Ja;intern\n')).toEqual([{ question: { 'de-CH': 'Velo?' }, answer: { 'de-CH': 'Ja' } }]);
  });

  it('lists every problem with its line number, counting quoted line breaks and empty lines', () => {
    const source = 'id;frage_de;antwort_de\n' + // 1
      'a;"Zwei\nZeilen";ok\n' + // 2-3
      '\n' + // 4
      'b;;keine Frage\n' + // 5
      'c;Keine Antwort;\n' + // 6
      'a;Doppelt;x\n' + // 7
      'Ungültig!;Frage;Antwort\n'; // 8
    expect(problems(source).map((p) => [p.line, p.code])).toEqual([
      [5, 'QUESTION_MISSING'],
      [6, 'ANSWER_MISSING'],
      [8, 'ENTRY_INVALID'],
      [7, 'DUPLICATE_ID'],
    ]);
    const [first] = problems(source);
    expect(first!.message.de).toBe('Die Frage fehlt.');
    expect(first!.message.en).toBe('The question is missing.');
  });

  it('refuses unknown and missing columns in the header', () => {
    const found = problems('frage_de;anwort_de\nx;y\n');
    expect(found.map((p) => p.code)).toEqual(['CSV_UNKNOWN_COLUMN', 'CSV_MISSING_COLUMN']);
    expect(found[0]!.message.de).toContain('anwort_de');
    expect(found.every((p) => p.line === 1)).toBe(true);
  });

  it('reports malformed CSV and empty files', () => {
    const malformed = problems('frage;antwort\n"offen;x\n');
    expect(malformed).toEqual([expect.objectContaining({ code: 'CSV_MALFORMED', line: 2 })]);
    expect(problems('').map((p) => p.code)).toEqual(['CSV_EMPTY']);
  });

  it('refuses texts over the limit', () => {
    const found = problems(`frage;antwort\nx;${'a'.repeat(10_001)}\n`);
    expect(found).toEqual([expect.objectContaining({ line: 2, code: 'ENTRY_INVALID' })]);
    expect(found[0]!.message.de).toContain('höchstens 10000 Zeichen');
  });
});

describe('knowledgeCsv (export)', () => {
  it('round-trips through the import, with either separator', () => {
    const entries = assignIds([
      { question: { de: 'Wann offen?', en: 'When open?' }, alternatives: { de: ['Öffnungszeiten', 'Zeiten; Tage'] }, answer: { de: 'Mo–Fr "8–18"\nSa zu', en: 'Mon–Fri' } },
      { id: 'plain', question: 'Parkplätze?', alternatives: ['Parkieren'], answer: ' Ja, hinten. ' },
    ]);
    for (const separator of [';', ','] as const) {
      const csv = knowledgeCsv(entries, separator);
      expect(csv.startsWith('\uFEFFid' + separator)).toBe(true);
      const back = ok(csv);
      expect(back[0]).toEqual(entries[0]);
      expect(back[1]).toEqual({ ...entries[1], answer: 'Ja, hinten.' });
    }
  });

  it('protects formula-like texts from spreadsheets and round-trips them', () => {
    const entries = assignIds([
      { id: 'formula', question: { de: '=WEBSERVICE("http://x")', en: '@risk?' }, alternatives: { de: ['+41 Nummer', 'normal'] }, answer: { de: '- Montag\n- Dienstag', en: "'=already quoted" } },
    ]);
    for (const separator of [';', ','] as const) {
      const csv = knowledgeCsv(entries, separator);
      const row = csv.split('\r\n')[1]!;
      expect(row.startsWith(`formula${separator}"'=WEBSERVICE(""http://x"")"${separator}'+41 Nummer | normal${separator}"'- Montag`)).toBe(true);
      expect(row).toContain(`'@risk?`);
      expect(row).toContain(`''=already quoted`);
      expect(ok(csv)).toEqual(entries);
    }
  });
});
