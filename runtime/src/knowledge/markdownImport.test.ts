import { describe, expect, it } from 'vitest';
import { parseKnowledgeMarkdown } from './markdownImport.js';

const ok = (source: string) => {
  const result = parseKnowledgeMarkdown(source);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.entries;
};
const problems = (source: string) => {
  const result = parseKnowledgeMarkdown(source);
  if (result.ok) throw new Error('expected problems');
  return result.problems;
};

describe('parseKnowledgeMarkdown', () => {
  it('reads questions, alternatives and multi-paragraph answers as written', () => {
    const source = '# FAQ Bäckerei Huber\n\n## Wann haben Sie geöffnet? {#hours}\n- Öffnungszeiten\n- Bis wann offen?\n\nMo–Fr **8–18 Uhr**.\n\nSamstag 8–12 Uhr.\n\n## Gibt es Parkplätze?\nJa, hinter dem Haus:\n\n- Platz 1–4\n';
    expect(ok(source)).toEqual([
      { id: 'hours', question: 'Wann haben Sie geöffnet?', alternatives: ['Öffnungszeiten', 'Bis wann offen?'], answer: 'Mo–Fr **8–18 Uhr**.\n\nSamstag 8–12 Uhr.' },
      { question: 'Gibt es Parkplätze?', answer: 'Ja, hinter dem Haus:\n\n- Platz 1–4' },
    ]);
  });

  it('merges locale sections by id and handles BOM and CRLF', () => {
    const source = '\uFEFF# de\r\n\r\n## Versandkosten? {#shipping}\r\n- Porto\r\n\r\nGratis ab 50 CHF.\r\n\r\n## Nur deutsch\r\nJa.\r\n\r\n# en\r\n\r\n## Shipping cost? {#shipping}\r\nFree from CHF 50.\r\n';
    expect(ok(source)).toEqual([
      { id: 'shipping', question: { de: 'Versandkosten?', en: 'Shipping cost?' }, alternatives: { de: ['Porto'] }, answer: { de: 'Gratis ab 50 CHF.', en: 'Free from CHF 50.' } },
      { question: { de: 'Nur deutsch' }, answer: { de: 'Ja.' } },
    ]);
  });

  it('lists every problem with its line number', () => {
    const source = [
      'Einleitung ohne Überschrift', // 1
      '', // 2
      '## Frage ohne Antwort', // 3
      '## Gute Frage {#a}', // 4
      'Antwort', // 5
      '', // 6
      '## Doppelt {#a}', // 7
      'Antwort', // 8
      '## Schlechte ID {#Böse ID}', // 9
      'Antwort', // 10
    ].join('\n');
    expect(problems(source).map((p) => [p.line, p.code])).toEqual([
      [1, 'MARKDOWN_OUTSIDE_ENTRY'],
      [3, 'ANSWER_MISSING'],
      [7, 'DUPLICATE_ID'],
      [9, 'ENTRY_INVALID'],
    ]);
  });

  it('refuses a file without entries', () => {
    expect(problems('# Nur ein Titel\n').map((p) => p.code)).toEqual(['MARKDOWN_EMPTY']);
  });
});
