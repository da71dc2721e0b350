import { describe, expect, it } from 'vitest';
import { NodeConfigError, parseNodeConfig } from '../../testing/index.js';
import { bookSlotNode } from './bookSlot.node.js';
import { openingHoursFor } from './bookSlot.run.js';

const officeHours = { timezone: 'Europe/Zurich', weekly: { mon: [['08:00', '12:00']] }, holidays: ['2026-12-25'] };

describe('book_slot config', () => {
  it('fills the defaults and lists the variables it reads and writes', () => {
    const config = parseNodeConfig(bookSlotNode, { attendee: { name: 'name' }, save: { bookingId: 'bookingId' } });
    expect(config).toMatchObject({ calendar: 'default', durationMinutes: 30, bufferMinutes: 0, leadTimeMinutes: 60, horizonDays: 14, slotsPerPage: 4, slotsPerDay: 2 });
    expect(bookSlotNode.variables!(config)).toEqual(['name', 'bookingId']);
    expect(bookSlotNode.ports).toEqual([
      expect.objectContaining({ id: 'booked' }),
      expect.objectContaining({ id: 'no_slot' }),
      expect.objectContaining({ id: 'error', kind: 'error' }),
    ]);
  });

  it('rejects bad time zones, times, dates and calendar ids', () => {
    const bad = (config: Record<string, unknown>) => () => parseNodeConfig(bookSlotNode, config);
    expect(bad({ timeZone: 'Mars/Olympus' })).toThrow(NodeConfigError);
    expect(bad({ openingHours: { timezone: 'Europe/Zurich', weekly: { mon: [['8:00', '12:00']] } } })).toThrow(/openingHours/);
    expect(bad({ earliestDate: '1.6.2031' })).toThrow(/earliestDate/);
    expect(bad({ calendar: 'Main Room' })).toThrow(/calendar/);
    expect(bad({ durationMinutes: 0 })).toThrow(/durationMinutes/);
  });
});

describe('openingHoursFor', () => {
  const config = (extra: Record<string, unknown> = {}) => parseNodeConfig(bookSlotNode, extra);

  it('prefers the node\'s hours, then the flow\'s office hours, then weekdays in Zurich', () => {
    const own = { timezone: 'Europe/Berlin', weekly: { sat: [['10:00', '14:00']] } };
    expect(openingHoursFor(config({ openingHours: own }), { officeHours })).toEqual(own);
    expect(openingHoursFor(config(), { officeHours })).toEqual(officeHours);
    const fallback = openingHoursFor(config(), {});
    expect(fallback.timezone).toBe('Europe/Zurich');
    expect(Object.keys(fallback.weekly)).toEqual(['mon', 'tue', 'wed', 'thu', 'fri']);
  });

  it('lets the node\'s time zone replace the hours\' zone', () => {
    expect(openingHoursFor(config({ timeZone: 'America/New_York' }), { officeHours })).toEqual({ ...officeHours, timezone: 'America/New_York' });
  });
});
