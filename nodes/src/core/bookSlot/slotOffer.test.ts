import { describe, expect, it } from 'vitest';
import { computeFreeSlots } from './slotGrid.js';
import { pickOffer } from './slotOffer.js';
import { slotLabel, slotLabels } from './slotLabels.js';

const zone = 'Europe/Zurich';
const hours = { timezone: zone, weekly: { mon: [['08:00', '12:00'], ['13:00', '17:00']] as [string, string][], tue: [['08:00', '10:00']] as [string, string][] } };
const slots = computeFreeSlots({ from: '2026-11-29T23:00:00.000Z', to: '2026-12-06T23:00:00.000Z', durationMinutes: 60, openingHours: hours });

describe('pickOffer', () => {
  it('spreads the offer over the day and caps it per day', () => {
    const { offered, nextFrom } = pickOffer(slots, { count: 4, perDay: 2, timeZone: zone });
    expect(offered.map((slot) => slotLabel(slot.start, zone, 'de'))).toEqual(['Mo 30.11., 08:00', 'Mo 30.11., 16:00', 'Di 1.12., 08:00', 'Di 1.12., 09:00']);
    expect(nextFrom).toBe('2026-12-01T23:00:00.000Z');
  });

  it('spreads evenly (first, middle, last) and reports nothing when empty', () => {
    expect(pickOffer(slots, { count: 3, perDay: 3, timeZone: zone }).offered.map((s) => slotLabel(s.start, zone, 'en'))).toEqual([
      'Mon 30 Nov, 08:00',
      'Mon 30 Nov, 13:00',
      'Mon 30 Nov, 16:00',
    ]);
    expect(pickOffer([], { count: 3, perDay: 1, timeZone: zone })).toEqual({ offered: [] });
  });
});

describe('slot labels', () => {
  it('labels in both languages in the calendar zone, also after the DST switch', () => {
    expect(slotLabels('2026-12-01T13:00:00.000Z', zone)).toEqual({ de: 'Di 1.12., 14:00', en: 'Tue 1 Dec, 14:00' });
    expect(slotLabels('2026-03-30T06:00:00.000Z', zone)).toEqual({ de: 'Mo 30.3., 08:00', en: 'Mon 30 Mar, 08:00' });
    expect(slotLabel('2026-12-01T13:00:00.000Z', zone, 'de-CH', 'long')).toBe('Dienstag, 1. Dezember 2026, um 14:00');
    expect(slotLabel('2026-12-01T13:00:00.000Z', 'America/New_York', 'en', 'long')).toBe('Tuesday, 1 December 2026, at 08:00');
  });
});
