import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import type { OpeningHours, Slot } from '../../sdk/services/calendar.js';
import { computeFreeSlots, instantMs, type BusyInterval } from './slotGrid.js';
import { slotsByLocalDay } from './slotOffer.js';
import { freeSlotsInPages } from './slotPages.js';

const minute = 60_000;
const iso = (ms: number) => new Date(ms).toISOString();

/** Small seeded PRNG (mulberry32) so every run checks the same cases. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Free slots by definition: every grid slot whose time plus buffer misses every busy interval. */
function bruteForce(query: Parameters<typeof computeFreeSlots>[0]): Slot[] {
  const grid = computeFreeSlots({ ...query, busy: [], limit: undefined, maxDays: undefined });
  const buffer = (query.bufferMinutes ?? 0) * minute;
  const free = grid.filter((slot) =>
    !(query.busy ?? []).some((b) => Date.parse(b.start) < Date.parse(slot.end) + buffer && Date.parse(slot.start) < Date.parse(b.blockedUntil)),
  );
  return free.slice(0, query.limit ?? free.length);
}

const zurich = 'Europe/Zurich';
// Overlapping ranges on Wednesday: the grid steps back in time between them.
const hours: OpeningHours = {
  timezone: zurich,
  weekly: { mon: [['08:00', '12:00'], ['13:00', '18:00']], tue: [['07:30', '19:00']], wed: [['08:00', '12:00'], ['10:00', '14:00']], fri: [['00:00', '24:00']], sat: [['09:00', '12:00']] },
  holidays: ['2026-12-08'],
};

/** Random bookings, some overlapping each other (as test and real bookings may), some long, some past `from`. */
function randomBusy(next: () => number, count: number, from: number, days: number): BusyInterval[] {
  return Array.from({ length: count }, () => {
    const start = from - 2 * 86_400_000 + Math.floor(next() * (days + 2) * 96) * 15 * minute + (next() < 0.2 ? 7 * minute : 0);
    const length = (next() < 0.1 ? 300 : 10 + Math.floor(next() * 8) * 15) * minute;
    return { start: iso(start), blockedUntil: iso(start + length) };
  });
}

describe('computeFreeSlots with many bookings', () => {
  it('matches the definition for random bookings, buffers, overlapping ranges and a DST switch', () => {
    const next = random(42);
    for (const [from, days] of [['2026-11-29T23:00:00.000Z', 21], ['2026-10-20T22:00:00.000Z', 10], ['2026-03-25T23:00:00.000Z', 8]] as const) {
      for (const durationMinutes of [15, 30, 50]) {
        const bufferMinutes = Math.floor(next() * 3) * 10;
        const busy = randomBusy(next, 400, Date.parse(from), days);
        const query = { from, to: iso(Date.parse(from) + days * 86_400_000), durationMinutes, bufferMinutes, openingHours: hours, busy };
        const expected = bruteForce(query);
        expect(expected.length).toBeGreaterThan(0);
        expect(computeFreeSlots(query)).toEqual(expected);
        expect(computeFreeSlots({ ...query, limit: 7 })).toEqual(expected.slice(0, 7));
      }
    }
  });

  it('stops after `maxDays` days that have a free slot, each whole', () => {
    const from = '2026-11-29T23:00:00.000Z'; // Monday 30 Nov in Zurich
    const busy = [{ start: '2026-11-30T06:00:00.000Z', blockedUntil: '2026-12-01T23:00:00.000Z' }]; // Monday 07:00 to Tuesday's end
    const slots = computeFreeSlots({ from, to: '2026-12-31T23:00:00.000Z', durationMinutes: 60, openingHours: hours, busy, maxDays: 2 });
    expect([...slotsByLocalDay(slots, zurich).keys()]).toEqual(['2026-12-02', '2026-12-04']);
    expect(slots).toHaveLength(4 + 4 + 24); // Wednesday's two overlapping ranges, then all of Friday
  });
});

describe('freeSlotsInPages', () => {
  it('equals computeFreeSlots over all bookings while reading them one window of days at a time', async () => {
    const next = random(7);
    const from = '2026-11-30T07:20:00.000Z';
    const to = '2027-01-31T23:00:00.000Z';
    // Mostly full for three weeks, then sparse: the walk has to cross several windows.
    const busy = randomBusy(next, 1_500, Date.parse(from), 21).concat(randomBusy(next, 60, Date.parse('2026-12-21T00:00:00Z'), 40));
    const afterFrom = busy.filter((b) => Date.parse(b.start) >= Date.parse(from));
    const reads: [string, string][] = [];
    const loader = async (start: string, end: string) => {
      reads.push([start, end]);
      return afterFrom.filter((b) => b.start >= start && b.start < end);
    };
    for (const durationMinutes of [15, 45]) {
      for (const bufferMinutes of [0, 20]) {
        // The pages assume nothing before `from` blocks past it, so the reference gets the same bookings.
        const query = { from, to, durationMinutes, bufferMinutes, openingHours: hours };
        const all = computeFreeSlots({ ...query, busy: afterFrom });
        expect(all).toEqual(bruteForce({ ...query, busy: afterFrom }));
        expect(await freeSlotsInPages(query, loader)).toEqual(all);
        expect(await freeSlotsInPages({ ...query, limit: 5 }, loader)).toEqual(all.slice(0, 5));
        for (const maxDays of [1, 2, 5]) {
          const days = [...slotsByLocalDay(all, zurich).keys()].slice(0, maxDays);
          const expected = all.filter((slot) => days.includes(DateTime.fromISO(slot.start, { zone: zurich }).toISODate()!));
          reads.length = 0;
          expect(await freeSlotsInPages({ ...query, maxDays }, loader)).toEqual(expected);
          // Windows follow each other without gaps and never read far past the last slot.
          for (let i = 1; i < reads.length; i++) expect(reads[i]![0]).toBe(reads[i - 1]![1]);
          expect(Date.parse(reads.at(-1)![1]) - Date.parse(expected.at(-1)!.start)).toBeLessThan(40 * 86_400_000);
        }
      }
    }
  });

  it('sees a booking that starts in the next window but blocks the last slot of this one with its buffer', async () => {
    const hoursLate: OpeningHours = { timezone: 'UTC', weekly: { mon: [['22:00', '23:30']], tue: [['00:00', '02:00']] } };
    const busy = [{ start: '2026-12-01T00:10:00.000Z', blockedUntil: '2026-12-01T01:00:00.000Z' }];
    const query = { from: '2026-11-30T00:00:00.000Z', to: '2026-12-02T00:00:00.000Z', durationMinutes: 60, bufferMinutes: 60, openingHours: hoursLate };
    const pages = await freeSlotsInPages({ ...query, maxDays: 1 }, async (start, end) => busy.filter((b) => b.start >= start && b.start < end));
    // 22:00 would need 22:00–00:00 free including the buffer, but the booking starts at 00:10: only that is free.
    expect(pages.map((slot) => slot.start)).toEqual(['2026-11-30T22:00:00.000Z']);
    expect(computeFreeSlots({ ...query, busy })).toEqual(bruteForce({ ...query, busy }));
  });
});

describe('grouping by local day without luxon per slot', () => {
  it('agrees with luxon for every slot, on DST days and where the switch happens at midnight', () => {
    for (const zone of ['Europe/Zurich', 'America/Santiago', 'America/Havana', 'Asia/Beirut', 'Pacific/Chatham']) {
      const slots: Slot[] = [];
      for (let at = Date.parse('2026-03-20T00:00:00Z'); at < Date.parse('2026-04-12T00:00:00Z'); at += 20 * minute) slots.push({ start: iso(at), end: iso(at + 20 * minute) });
      for (let at = Date.parse('2026-08-30T00:00:00Z'); at < Date.parse('2026-11-08T00:00:00Z'); at += 20 * minute) slots.push({ start: iso(at), end: iso(at + 20 * minute) });
      const grouped = slotsByLocalDay(slots, zone);
      for (const [day, daySlots] of grouped) {
        for (const slot of daySlots) expect(DateTime.fromISO(slot.start, { zone }).toISODate()).toBe(day);
      }
      expect([...grouped.values()].reduce((sum, day) => sum + day.length, 0)).toBe(slots.length);
    }
  });

  it('reads stored instants like Date.parse', () => {
    for (const text of ['2026-11-30T07:00:00.000Z', '2028-02-29T23:59:59.999Z', '2026-02-30T00:00:00.000Z', '2026-01-01T24:00:00.000Z', '2026-11-30T08:00:00+01:00', 'nonsense']) {
      expect(instantMs(text)).toEqual(Date.parse(text));
    }
  });
});
