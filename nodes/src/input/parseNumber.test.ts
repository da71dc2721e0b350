import { describe, expect, it } from 'vitest';
import { parseNumber } from './parseNumber.js';

const number = (text: string | undefined, locale = 'de-DE') => {
  const result = parseNumber(text, locale);
  return result.ok ? result.value : result.reason;
};

describe('parseNumber', () => {
  it.each([
    ['42', 42],
    ['  7 ', 7],
    ['-2', -2],
    ['−2', -2],
    ['+5', 5],
    ['3,5', 3.5],
    ['3.5', 3.5],
    ['0,75', 0.75],
    ['1.000', 1000],
    ['1,000', 1],
    ['1.000,50', 1000.5],
    ['1.000.000', 1_000_000],
    ['ca. 20', 20],
    ['circa 20 Stück', 20],
    ['20 Stück', 20],
    ['20Stück', 20],
    ['Wir sind 4 Personen.', 4],
    ['42.', 42],
    ['50%', 50],
    ['ungefähr 3,5 kg', 3.5],
  ])('German: %s → %s', (text, expected) => {
    expect(number(text)).toBe(expected);
  });

  it.each([
    ["1'000", 1000],
    ['1’000', 1000],
    ["1'000.50", 1000.5],
    ["12'345'678", 12_345_678],
    ['CHF 20.50', 20.5],
    ["Fr. 1'000.–", 1000],
    ['3,5', 3.5],
  ])('Swiss: %s → %s', (text, expected) => {
    expect(number(text, 'de-CH')).toBe(expected);
  });

  it.each([
    ['1.000', 1000],
    ['1.000,50', 1000.5],
    ['1\u00a0000', 1000],
    ['zwölf', 12],
  ])('Austrian: %s → %s', (text, expected) => {
    expect(number(text, 'de-AT')).toBe(expected);
  });

  it.each([
    ['1,000', 1000],
    ['1.000', 1],
    ['1,000.50', 1000.5],
    ['1,000,000', 1_000_000],
    ['3.5', 3.5],
    ['3,5', 3.5],
    ['about 20 pieces', 20],
    ['-2', -2],
  ])('English: %s → %s', (text, expected) => {
    expect(number(text, 'en')).toBe(expected);
  });

  it('reads a 3-digit fraction with a foreign mark as thousands', () => {
    expect(number('1,000', 'de-CH')).toBe(1000);
    expect(number('1.000', 'de-CH')).toBe(1);
  });

  it.each([
    ['null', 0],
    ['eins', 1],
    ['zwei', 2],
    ['zwo', 2],
    ['drei', 3],
    ['fünf', 5],
    ['Zwölf!', 12],
    ['zwanzig', 20],
    ['dreißig', 30],
    ['einundzwanzig', 21],
    ['fünfundvierzig Minuten', 45],
    ['wir sind zu dritt, also drei', 3],
    ['one', 1],
    ['twelve', 12],
    ['twenty', 20],
    ['twenty-one', 21],
    ['forty five', 45],
  ])('number word: %s → %s', (text, expected) => {
    expect(number(text)).toBe(expected);
  });

  it.each([
    'zwischen 3 und 5',
    '3-5',
    '3 oder 4',
    '2 Erwachsene und 1 Kind',
    'zwei oder drei',
    'keine Ahnung',
    'viele',
    'ein paar',
    'abc',
    '1.2.3',
    '1.00.0',
    "1'00",
    "1'000,000.5",
  ])('rejects %s', (text) => {
    expect(number(text)).toBe('invalid_number');
  });

  it('treats a hyphen glued to a word as a hyphen, not a minus', () => {
    expect(number('Zimmer-2')).toBe(2);
  });

  it('falls back to German conventions for a malformed locale', () => {
    expect(number('1.000', 'not a locale!')).toBe(1000);
  });

  it('reports blank input as empty', () => {
    expect(number('')).toBe('empty');
    expect(number('  ')).toBe('empty');
    expect(number(undefined)).toBe('empty');
  });
});
