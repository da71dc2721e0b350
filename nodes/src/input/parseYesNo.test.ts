import { describe, expect, it } from 'vitest';
import { parseYesNo } from './parseYesNo.js';

const yesNo = (text: string) => {
  const result = parseYesNo({ text });
  return result.ok ? result.value : result.reason;
};

describe('parseYesNo', () => {
  it.each([
    'ja', 'Ja', 'JA!', 'ja, gerne!', 'Ja bitte', 'jo', 'Jep', 'gern', 'gerne', 'genau', 'sicher', 'klar',
    'Klar doch', 'okay', 'OK.', 'ok danke', 'j', 'natürlich', 'na klar', 'auf jeden Fall', 'passt',
    'jaaa', 'jepp', 'also ja', 'ähm, ja', 'kein Problem', 'warum nicht?', 'Ja gärn', 'jo eh',
    'yes', 'Yes!', 'yeah', 'yep', 'sure', 'Sure, why not', 'y', 'of course', 'yes please', 'absolutely',
    '👍', '👍🏽', 'ja 👍', 'ja👍', '✅', '✔️',
  ])('yes: %s', (text) => {
    expect(yesNo(text)).toBe(true);
  });

  it.each([
    'nein', 'Nein.', 'nein danke', 'Nein, danke!', 'nö', 'nööö', 'ne', 'nee', 'Nope', 'no', 'No thanks',
    'n', 'nah', 'lieber nicht', 'Auf keinen Fall!', 'eher nicht', 'nein, lieber nicht', 'leider nein',
    'nei', 'Na.', 'kein Interesse', 'neeee', 'not really', 'never',
    '👎', '❌',
  ])('no: %s', (text) => {
    expect(yesNo(text)).toBe(false);
  });

  it.each([
    'vielleicht',
    'maybe',
    'weiß nicht',
    'ja, aber nicht heute',
    'sicher nicht',
    'nicht sicher',
    'ja nein',
    'na ja',
    'naja',
    'ok, no',
    'I do not know',
    'Montag',
    '🤷',
  ])('neither: %s', (text) => {
    expect(yesNo(text)).toBe('not_yes_no');
  });

  it('accepts the button ids yes and no', () => {
    expect(parseYesNo({ choice: 'yes' })).toEqual({ ok: true, value: true });
    expect(parseYesNo({ choice: 'no' })).toEqual({ ok: true, value: false });
    expect(parseYesNo({ choice: 'ja' })).toEqual({ ok: true, value: true });
  });

  it('prefers a tapped button over typed text', () => {
    expect(parseYesNo({ choice: 'no', text: 'ja' })).toEqual({ ok: true, value: false });
  });

  it('falls back to the text for an unknown button id', () => {
    expect(parseYesNo({ choice: 'later', text: 'ja' })).toEqual({ ok: true, value: true });
    expect(parseYesNo({ choice: 'later' })).toEqual({ ok: false, reason: 'not_yes_no' });
  });

  it('reports blank input as empty', () => {
    expect(yesNo('')).toBe('empty');
    expect(yesNo(' ?! ')).toBe('empty');
    expect(parseYesNo({})).toEqual({ ok: false, reason: 'empty' });
  });
});
