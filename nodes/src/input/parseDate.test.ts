import { describe, expect, it } from 'vitest';
import { parseDate } from './parseDate.js';

// Tuesday, 24 November 2026, 10:00 in Berlin.
const now = new Date('2026-11-24T09:00:00Z');
const date = (text: string, locale = 'de-DE', extra: { now?: Date; timeZone?: string } = {}) => {
  const result = parseDate(text, { locale, now, ...extra });
  return result.ok ? result.value : result.reason;
};

describe('parseDate', () => {
  it.each([
    ['heute', '2026-11-24'],
    ['morgen', '2026-11-25'],
    ['Morgen!', '2026-11-25'],
    ['übermorgen', '2026-11-26'],
    ['nächsten Montag', '2026-11-30'],
    ['am Freitag', '2026-11-27'],
    ['Donnerstag', '2026-11-26'],
    ['12.3.', '2027-03-12'],
    ['am 24.12.', '2026-12-24'],
    ['12.03.2027', '2027-03-12'],
    ['Am 24.12.2026 bitte', '2026-12-24'],
    ['3. März', '2027-03-03'],
    ['am 3. Maerz', '2027-03-03'],
    ['in 2 Wochen', '2026-12-08'],
    ['in zwei Wochen', '2026-12-08'],
    ['morgen früh', '2026-11-25'],
    ['morgen um 10 Uhr', '2026-11-25'],
    ['2026-12-24', '2026-12-24'],
  ])('German: %s → %s', (text, expected) => {
    expect(date(text)).toBe(expected);
  });

  it.each([
    ['3. Jänner', '2027-01-03'],
    ['3. Feber', '2027-02-03'],
    ['übermorgen', '2026-11-26'],
  ])('Austrian: %s → %s', (text, expected) => {
    expect(date(text, 'de-AT')).toBe(expected);
  });

  it.each([
    ['am 12.3.', '2027-03-12'],
    ['nächsten Mittwoch', '2026-12-02'],
    ['1.12.2026', '2026-12-01'],
  ])('Swiss: %s → %s', (text, expected) => {
    expect(date(text, 'de-CH', { timeZone: 'Europe/Zurich' })).toBe(expected);
  });

  it.each([
    ['tomorrow', '2026-11-25'],
    ['the day after tomorrow', '2026-11-26'],
    ['next Monday', '2026-11-30'],
    ['March 3rd', '2027-03-03'],
    ['on the 3rd of March', '2027-03-03'],
    ['in 2 weeks', '2026-12-08'],
    ['2026-12-24', '2026-12-24'],
  ])('English: %s → %s', (text, expected) => {
    expect(date(text, 'en')).toBe(expected);
  });

  it('picks the next occurrence for dates without a year, today included', () => {
    expect(date('24.11.')).toBe('2026-11-24');
    expect(date('24. November')).toBe('2026-11-24');
    expect(date('23.11.')).toBe('2027-11-23');
    expect(date('29.2.')).toBe('2028-02-29');
  });

  it('reads a bare weekday naming today as next week', () => {
    expect(date('Dienstag')).toBe('2026-12-01');
    expect(date('am Dienstag', 'de', { now: new Date('2026-11-24T22:00:00Z') })).toBe('2026-12-01');
  });

  it('keeps explicit years in the past (birthdays)', () => {
    expect(date('12.03.1985')).toBe('1985-03-12');
  });

  it('reads slashed dates day-first except in en-US', () => {
    expect(date('3/12', 'en-GB')).toBe('2026-12-03');
    expect(date('3/12', 'en')).toBe('2026-12-03');
    expect(date('3/12', 'en-US')).toBe('2027-03-12');
  });

  it('falls back to the other language', () => {
    expect(date('tomorrow', 'de')).toBe('2026-11-25');
    expect(date('übermorgen', 'en')).toBe('2026-11-26');
    expect(date('12.3.', 'en-US')).toBe('2027-03-12');
  });

  it('uses the calendar date in the given time zone', () => {
    const lateEvening = new Date('2026-11-24T23:30:00Z'); // already Wednesday in Berlin
    expect(date('heute', 'de', { now: lateEvening })).toBe('2026-11-25');
    expect(date('morgen', 'de', { now: lateEvening })).toBe('2026-11-26');
    expect(date('heute', 'de', { now: lateEvening, timeZone: 'America/New_York' })).toBe('2026-11-24');
  });

  it('crosses the year boundary', () => {
    const newYearsEve = new Date('2026-12-31T12:00:00Z');
    expect(date('morgen', 'de', { now: newYearsEve })).toBe('2027-01-01');
    expect(date('2.1.', 'de', { now: newYearsEve })).toBe('2027-01-02');
  });

  it('offers a localised display text', () => {
    expect(parseDate('morgen', { locale: 'de-DE', now })).toEqual({
      ok: true,
      value: '2026-11-25',
      display: 'Mittwoch, 25. November 2026',
    });
  });

  it.each(['irgendwann', 'weiß nicht', '31.02.2027', '32.1.', '12.13.', 'someday', '1.234', '42'])(
    'rejects %s',
    (text) => {
      expect(date(text)).toBe('invalid_date');
    },
  );

  it('reports blank input as empty', () => {
    expect(date('   ')).toBe('empty');
    expect(parseDate(undefined, { locale: 'de' })).toEqual({ ok: false, reason: 'empty' });
  });
});
