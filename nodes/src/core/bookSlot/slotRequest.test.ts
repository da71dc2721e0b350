import { describe, expect, it } from 'vitest';
import { parseSlotRequest, slotMatches } from './slotRequest.js';

const zone = 'Europe/Zurich';
const now = new Date('2026-11-24T09:00:00Z'); // Tuesday 10:00 in Zurich
const read = (text: string, locale = 'de') => parseSlotRequest(text, { now, timeZone: zone, locale });

describe('parseSlotRequest', () => {
  it.each([
    ['Dienstag 14 Uhr', { date: '2026-12-01', minuteOfDay: 14 * 60 }],
    ['morgen 9:00', { date: '2026-11-25', minuteOfDay: 9 * 60 }],
    ['Di 1.12., 14:00', { date: '2026-12-01', minuteOfDay: 14 * 60 }],
    ['am 3.12. um 10.30 Uhr', { date: '2026-12-03', minuteOfDay: 10 * 60 + 30 }],
    ['Donnerstag', { date: '2026-11-26' }],
    ['um 14:30', { minuteOfDay: 14 * 60 + 30 }],
    ['16h', { minuteOfDay: 16 * 60 }],
  ])('reads %j', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });

  it('reads English answers', () => {
    expect(read('tomorrow 2pm', 'en')).toEqual({ date: '2026-11-25', minuteOfDay: 14 * 60 });
    expect(read('Thu 1 Dec, 14:00'.replace('Thu', 'Tue'), 'en')).toEqual({ date: '2026-12-01', minuteOfDay: 14 * 60 });
    expect(read('12 am', 'en')).toEqual({ minuteOfDay: 0 });
  });

  it('finds nothing in text without a day or time', () => {
    expect(read('keine Ahnung')).toEqual({});
    expect(read('25:00')).toEqual({});
  });
});

describe('slotMatches', () => {
  const start = '2026-12-01T13:00:00.000Z'; // Tuesday 14:00 in Zurich
  it('compares in the calendar zone', () => {
    expect(slotMatches(start, { date: '2026-12-01', minuteOfDay: 14 * 60 }, zone)).toBe(true);
    expect(slotMatches(start, { minuteOfDay: 14 * 60 }, zone)).toBe(true);
    expect(slotMatches(start, { minuteOfDay: 13 * 60 }, zone)).toBe(false);
    expect(slotMatches(start, { date: '2026-12-02' }, zone)).toBe(false);
    expect(slotMatches(start, {}, zone)).toBe(false);
  });
});
