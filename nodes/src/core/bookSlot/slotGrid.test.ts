import { afterEach, describe, expect, it } from 'vitest';
import { DateTime, Settings } from 'luxon';
import type { OpeningHours } from '../../sdk/services/calendar.js';
import { bookingWindow, computeFreeSlots } from './slotGrid.js';

const zurich = 'Europe/Zurich';
const split: [string, string][] = [
  ['08:00', '12:00'],
  ['13:00', '17:00'],
];
const office: OpeningHours = {
  timezone: zurich,
  weekly: { mon: split, tue: split, wed: split, thu: split, fri: split },
  holidays: ['2026-12-25'],
};

/** Local "yyyy-MM-dd HH:mm" of each slot start, to compare with what a customer would see. */
const local = (slots: { start: string }[], zone = zurich) => slots.map((slot) => DateTime.fromISO(slot.start, { zone }).toFormat('yyyy-MM-dd HH:mm'));
const day = (date: string, zone = zurich) => ({
  from: DateTime.fromISO(date, { zone }).toUTC().toISO()!,
  to: DateTime.fromISO(date, { zone }).plus({ days: 1 }).toUTC().toISO()!,
});

afterEach(() => {
  Settings.defaultZone = 'system';
});

describe('computeFreeSlots', () => {
  it('fills opening hours around the lunch break, slots ending by closing time', () => {
    const slots = computeFreeSlots({ ...day('2026-11-30'), durationMinutes: 60, openingHours: office });
    expect(local(slots).map((s) => s.slice(11))).toEqual(['08:00', '09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00']);
    expect(slots[0]).toEqual({ start: '2026-11-30T07:00:00.000Z', end: '2026-11-30T08:00:00.000Z' });
  });

  it('drops a slot that would run into the lunch break', () => {
    const slots = computeFreeSlots({ ...day('2026-11-30'), durationMinutes: 90, openingHours: office });
    expect(local(slots).map((s) => s.slice(11))).toEqual(['08:00', '09:30', '13:00', '14:30']);
  });

  it('keeps the buffer free after every slot', () => {
    const slots = computeFreeSlots({ ...day('2026-11-30'), durationMinutes: 30, bufferMinutes: 15, openingHours: office });
    expect(local(slots).map((s) => s.slice(11)).slice(0, 6)).toEqual(['08:00', '08:45', '09:30', '10:15', '11:00', '13:00']);
  });

  it('skips weekends and holidays', () => {
    const slots = computeFreeSlots({
      from: '2026-12-24T23:00:00.000Z', // 25 Dec, 00:00 in Zurich: a Friday and a holiday
      to: '2026-12-28T23:00:00.000Z',
      durationMinutes: 240,
      openingHours: office,
    });
    expect(local(slots)).toEqual(['2026-12-28 08:00', '2026-12-28 13:00']);
  });

  it('subtracts bookings including their buffer, and a slot may touch a booking', () => {
    const slots = computeFreeSlots({
      ...day('2026-11-30'),
      durationMinutes: 60,
      openingHours: office,
      busy: [{ start: '2026-11-30T08:00:00.000Z', blockedUntil: '2026-11-30T09:15:00.000Z' }], // 09:00–10:00 + 15 min
    });
    expect(local(slots).map((s) => s.slice(11)).slice(0, 3)).toEqual(['08:00', '11:00', '13:00']);
  });

  it('starts no slot before `from`, which carries the lead time', () => {
    const window = bookingWindow({ now: new Date('2026-11-30T08:10:00Z'), leadTimeMinutes: 60, horizonDays: 1, timeZone: zurich });
    expect(window.from).toBe('2026-11-30T09:10:00.000Z');
    const slots = computeFreeSlots({ ...window, durationMinutes: 60, openingHours: office });
    expect(local(slots)[0]).toBe('2026-11-30 11:00');
  });

  it('steps in real time across the spring switch (2026-03-29: 02:00 jumps to 03:00)', () => {
    const hours: OpeningHours = { timezone: zurich, weekly: { sun: [['00:00', '24:00']], mon: [['08:00', '09:00']] } };
    const sunday = computeFreeSlots({ ...day('2026-03-29'), durationMinutes: 60, openingHours: hours });
    expect(sunday).toHaveLength(23);
    expect(local(sunday).slice(0, 4).map((s) => s.slice(11))).toEqual(['00:00', '01:00', '03:00', '04:00']);
    for (const slot of sunday) expect(Date.parse(slot.end) - Date.parse(slot.start)).toBe(3_600_000);
    const across = computeFreeSlots({ ...day('2026-03-29'), durationMinutes: 60, openingHours: { timezone: zurich, weekly: { sun: [['01:00', '04:00']] } } });
    expect(local(across).map((s) => s.slice(11))).toEqual(['01:00', '03:00']);
    const monday = computeFreeSlots({ ...day('2026-03-30'), durationMinutes: 60, openingHours: hours });
    expect(monday).toEqual([{ start: '2026-03-30T06:00:00.000Z', end: '2026-03-30T07:00:00.000Z' }]); // CEST, UTC+2
  });

  it('steps in real time across the autumn switch (2026-10-25: 03:00 falls back to 02:00)', () => {
    const hours: OpeningHours = { timezone: zurich, weekly: { sun: [['00:00', '24:00']], mon: [['08:00', '09:00']] } };
    const sunday = computeFreeSlots({ ...day('2026-10-25'), durationMinutes: 60, openingHours: hours });
    expect(sunday).toHaveLength(25);
    expect(local(sunday).slice(0, 5).map((s) => s.slice(11))).toEqual(['00:00', '01:00', '02:00', '02:00', '03:00']);
    expect(sunday[2]!.start).toBe('2026-10-25T00:00:00.000Z');
    expect(sunday[3]!.start).toBe('2026-10-25T01:00:00.000Z');
    const saturday = computeFreeSlots({ ...day('2026-10-24'), durationMinutes: 60, openingHours: { timezone: zurich, weekly: { sat: [['08:00', '09:00']] } } });
    expect(saturday[0]!.start).toBe('2026-10-24T06:00:00.000Z'); // still CEST
    const monday = computeFreeSlots({ ...day('2026-10-26'), durationMinutes: 60, openingHours: hours });
    expect(monday[0]!.start).toBe('2026-10-26T07:00:00.000Z'); // CET, UTC+1
  });

  it('uses the opening hours\' zone, whatever zone the server runs in', () => {
    Settings.defaultZone = 'Asia/Tokyo';
    const newYork: OpeningHours = { timezone: 'America/New_York', weekly: { mon: [['09:00', '10:00']] } };
    const slots = computeFreeSlots({ ...day('2026-11-30', 'America/New_York'), durationMinutes: 30, openingHours: newYork });
    expect(slots.map((slot) => slot.start)).toEqual(['2026-11-30T14:00:00.000Z', '2026-11-30T14:30:00.000Z']);
    const window = bookingWindow({ now: new Date('2026-11-30T04:30:00Z'), leadTimeMinutes: 0, horizonDays: 1, timeZone: 'America/New_York' });
    // 23:30 on the 29th in New York: the horizon ends at the next local midnight, not at UTC or Tokyo midnight.
    expect(window.to).toBe('2026-11-30T05:00:00.000Z');
  });

  it('honours the limit and an empty or inverted window', () => {
    expect(computeFreeSlots({ ...day('2026-11-30'), durationMinutes: 60, openingHours: office, limit: 3 })).toHaveLength(3);
    expect(computeFreeSlots({ from: '2026-12-01T00:00:00Z', to: '2026-11-30T00:00:00Z', durationMinutes: 60, openingHours: office })).toEqual([]);
  });
});

describe('bookingWindow', () => {
  it('starts at the earliest date when that is later than now plus lead time, and counts the horizon in local days', () => {
    const window = bookingWindow({ now: new Date('2026-11-24T10:00:00Z'), leadTimeMinutes: 60, horizonDays: 7, earliestDate: '2030-06-03', timeZone: zurich });
    expect(window).toEqual({ from: '2030-06-02T22:00:00.000Z', to: '2030-06-09T22:00:00.000Z' });
  });

  it('ignores an earliest date in the past', () => {
    const window = bookingWindow({ now: new Date('2026-11-24T10:00:00Z'), leadTimeMinutes: 0, horizonDays: 1, earliestDate: '2020-01-01', timeZone: zurich });
    expect(window).toEqual({ from: '2026-11-24T10:00:00.000Z', to: '2026-11-24T23:00:00.000Z' });
  });
});
