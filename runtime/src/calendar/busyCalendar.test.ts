import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeFreeSlots, type FreeSlotQuery, type OpeningHours } from '@dialogwerk/nodes';
import { runNode } from '@dialogwerk/nodes/testing';
import { BookingStore } from './bookingStore.js';
import { embeddedCalendar } from './embeddedCalendar.js';
import { bookSlot, openTestCalendar } from './calendarTestkit.js';

type TestCalendar = Awaited<ReturnType<typeof openTestCalendar>>;

const now = new Date('2026-11-30T06:00:00Z'); // Monday 07:00 in Zurich
const zurich = 'Europe/Zurich';
const split: [string, string][] = [['08:00', '12:00'], ['13:00', '17:00']];
const office: OpeningHours = { timezone: zurich, weekly: { mon: split, tue: split, wed: split, thu: split, fri: split, sat: [['09:00', '12:00']] } };
const minute = 60_000;
const at = (iso: string) => Date.parse(iso);

let env: TestCalendar;
beforeEach(async () => {
  env = await openTestCalendar(() => now);
});
afterEach(() => env.close());

/** Inserts bookings straight into the table (one batch), as many as a busy practice has, without one turn each. */
async function seed(bookings: { start: number; end: number; buffer?: number; test?: boolean }[], calendar = 'default') {
  await env.store.ensureCalendar(calendar, zurich);
  await env.database.client.batch(
    bookings.map((b, i) => ({
      sql: `INSERT INTO bookings (id, workspace_id, calendar_id, start_utc, end_utc, blocked_until, title, attendee, status, is_test,
              idempotency_key, ics_token, sequence, created_at, updated_at)
            VALUES (?, 'default', ?, ?, ?, ?, 'Seeded', '{}', 'booked', ?, ?, 'token', 0, ?, ?)`,
      args: [`${calendar}-${i}`, calendar, new Date(b.start).toISOString(), new Date(b.end).toISOString(), new Date(b.end + (b.buffer ?? 0)).toISOString(), b.test ? 1 : 0, `${calendar}-${i}`, now.toISOString(), now.toISOString()],
    })),
    'write',
  );
}

/** The free slots by definition: every grid slot whose time plus buffer misses every booking. */
function expectedFree(query: Omit<FreeSlotQuery, 'calendar'>, busy: { start: number; end: number }[]) {
  const grid = computeFreeSlots({ ...query, limit: undefined, maxDays: undefined });
  const buffer = (query.bufferMinutes ?? 0) * minute;
  return grid.filter((slot) => !busy.some((b) => b.start < at(slot.end) + buffer && at(slot.start) < b.end));
}

/** 10-minute bookings with 5 minutes buffer back to back for `days` days from `first`, leaving every `gap`-th one out. */
function practice(days: number, gap: number, first = '2026-11-30T23:00:00.000Z') {
  const bookings: { start: number; end: number; buffer: number }[] = [];
  const grid = computeFreeSlots({ from: first, to: new Date(at(first) + days * 86_400_000).toISOString(), durationMinutes: 10, bufferMinutes: 5, openingHours: office });
  grid.forEach((slot, i) => {
    if (i % gap !== gap - 1) bookings.push({ start: at(slot.start), end: at(slot.end), buffer: 5 * minute });
  });
  return bookings;
}

describe('a calendar with thousands of bookings', () => {
  it('finds exactly the free slots around 1,500 bookings, also after cancellations and from another process', async () => {
    const bookings = practice(90, 7);
    expect(bookings.length).toBeGreaterThan(1_500);
    await seed(bookings);
    const query = { calendar: 'default', from: '2026-11-30T23:00:00.000Z', to: '2027-03-01T23:00:00.000Z', durationMinutes: 10, bufferMinutes: 5, openingHours: office };
    const busy = bookings.map((b) => ({ start: b.start, end: b.end + b.buffer }));
    const all = await env.calendar.freeSlots(query);
    expect(all).toEqual(expectedFree(query, busy));
    expect(all.length).toBeGreaterThan(300);
    expect(await env.calendar.freeSlots({ ...query, limit: 3 })).toEqual(all.slice(0, 3));

    // Every slot booked for three weeks: the first free slots come after them, the next look-up starts there too.
    const full = practice(21, Number.MAX_SAFE_INTEGER);
    expect(full.length).toBeGreaterThan(500);
    await seed(full, 'full');
    const fullBusy = full.map((b) => ({ start: b.start, end: b.end + b.buffer }));
    const fullQuery = { ...query, calendar: 'full', maxDays: 2 };
    // Slots run 08:00–17:00 in Zurich, so their UTC date is their local date.
    const firstTwoDays = <T extends { start: string }>(slots: T[]) => {
      const days = [...new Set(slots.map((slot) => slot.start.slice(0, 10)))].slice(0, 2);
      return slots.filter((slot) => days.includes(slot.start.slice(0, 10)));
    };
    const expected = expectedFree(fullQuery, fullBusy);
    expect(firstTwoDays(expected).length).toBeGreaterThan(0);
    expect(await env.calendar.freeSlots(fullQuery)).toEqual(firstTwoDays(expected));
    expect(await env.calendar.freeSlots(fullQuery)).toEqual(firstTwoDays(expected));

    // A cancellation inside the booked weeks frees its slot at once, also when another process cancels it.
    const other = embeddedCalendar(new BookingStore(env.database.client, () => now));
    const freed = full[40]!;
    const row = await env.database.client.execute({ sql: `SELECT id FROM bookings WHERE calendar_id = 'full' AND start_utc = ?`, args: [new Date(freed.start).toISOString()] });
    expect(await other.cancel(String(row.rows[0]!.id))).toBe(true);
    const afterCancel = await env.calendar.freeSlots(fullQuery);
    expect(afterCancel[0]).toEqual({ start: new Date(freed.start).toISOString(), end: new Date(freed.end).toISOString() });
    expect(afterCancel).toEqual(firstTwoDays(expectedFree(fullQuery, fullBusy.filter((b) => b.start !== freed.start))));
    expect(afterCancel.slice(1)).toEqual(firstTwoDays(expected).filter((slot) => slot.start.slice(0, 10) === expected[0]!.start.slice(0, 10)));
  });

  it('counts a long booking that started before the look-up, and test bookings only for tests', async () => {
    // A real booking 08:00–13:30 on Tuesday (Zurich), a test booking 14:00–15:00; the look-up starts at 10:00.
    await seed([
      { start: at('2026-12-01T07:00:00Z'), end: at('2026-12-01T12:30:00Z') },
      { start: at('2026-12-01T13:00:00Z'), end: at('2026-12-01T14:00:00Z'), test: true },
    ]);
    const query = { calendar: 'default', from: '2026-12-01T09:00:00.000Z', to: '2026-12-01T23:00:00.000Z', durationMinutes: 60, openingHours: office };
    const starts = async (test: boolean) => (await env.calendar.freeSlots({ ...query, test })).map((slot) => slot.start.slice(11, 16));
    expect(await starts(false)).toEqual(['13:00', '14:00', '15:00']); // 14:00, 15:00, 16:00 in Zurich
    expect(await starts(true)).toEqual(['14:00', '15:00']);
  });

  it('offers the right slots in a conversation when 1,000+ bookings fill the first weeks', async () => {
    const bookings = practice(45, Number.MAX_SAFE_INTEGER, '2026-11-29T23:00:00.000Z').filter((b) => b.start !== at('2026-12-15T09:45:00Z'));
    expect(bookings.length).toBeGreaterThan(1_000);
    await seed(bookings);
    const run = await runNode(bookSlot, {
      config: { durationMinutes: 10, bufferMinutes: 5, horizonDays: 60, openingHours: office },
      locale: 'de',
      flowLocales: ['de'],
      services: { calendar: env.calendar },
      now,
      settings: {},
      nodeId: 'book',
      flow: { id: 'salon' },
      conversation: { id: 'conv-busy' },
    });
    // Every slot from Monday 30 Nov for 45 days is booked but one (Tuesday 15 Dec, 10:45); then 14 and 15 Jan are free.
    expect(run.messages.at(-1)?.choices?.map((choice) => choice.label)).toEqual([
      'Di 15.12., 10:45',
      'Do 14.1., 08:00',
      'Do 14.1., 16:45',
      'Fr 15.1., 08:00',
      'Andere Tage',
    ]);
  });
});

describe('BookingStore with a long booking before the new one', () => {
  it('refuses a test booking that a real booking overlaps, even behind a shorter test booking', async () => {
    const book = (start: string, end: string, test: boolean) =>
      env.store.book({ calendar: 'default', start, end, bufferMinutes: 0, title: 'T', attendee: {}, idempotencyKey: `${start}-${test}`, timeZone: zurich, test });
    expect('booking' in (await book('2030-01-07T09:30:00Z', '2030-01-07T09:45:00Z', true))).toBe(true);
    // Real bookings do not see test ones, so this one overlaps the test booking.
    expect('booking' in (await book('2030-01-07T09:00:00Z', '2030-01-07T12:00:00Z', false))).toBe(true);
    expect(await book('2030-01-07T10:00:00Z', '2030-01-07T10:30:00Z', true)).toEqual({ taken: true });
    expect(await book('2030-01-07T10:00:00Z', '2030-01-07T10:30:00Z', false)).toEqual({ taken: true });
    expect('booking' in (await book('2030-01-07T12:00:00Z', '2030-01-07T12:30:00Z', true))).toBe(true);
  });
});
