import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeRunError, runNode } from '@dialogwerk/nodes/testing';
import { bookSlot, openTestCalendar } from './calendarTestkit.js';

type TestCalendar = Awaited<ReturnType<typeof openTestCalendar>>;

const now = new Date('2026-11-30T06:00:00Z'); // Monday 07:00 in Zurich
const officeHours = {
  timezone: 'Europe/Zurich',
  weekly: { mon: [['08:00', '12:00'], ['13:00', '17:00']], tue: [['08:00', '12:00'], ['13:00', '17:00']], thu: [['09:00', '11:00']] },
  holidays: ['2026-12-08'],
};
const baseConfig = {
  durationMinutes: 60,
  horizonDays: 14,
  attendee: { name: 'name', email: 'email' },
  save: { start: 'start', end: 'end', bookingId: 'bookingId' },
};

let env: TestCalendar;
beforeEach(async () => {
  env = await openTestCalendar(() => now);
});
afterEach(() => env.close());

const start = (
  config: Record<string, unknown> = {},
  options: { locale?: string; settings?: Record<string, unknown>; conversationId?: string; pendingInput?: { text: string } } = {},
) =>
  runNode(bookSlot, {
    config: { ...baseConfig, ...config },
    vars: { name: 'Ada Muster', email: 'ada@example.ch' },
    locale: options.locale ?? 'de',
    flowLocales: ['de', 'en'],
    services: { calendar: env.calendar },
    now,
    settings: options.settings ?? { officeHours },
    nodeId: 'book',
    flow: { id: 'salon' },
    conversation: { id: options.conversationId ?? 'conv-1' },
    pendingInput: options.pendingInput,
  });

const labels = (run: { messages: { choices?: { label: string }[] }[] }) => run.messages.at(-1)?.choices?.map((choice) => choice.label);

describe('book_slot conversation', () => {
  it('offers spread slots from the flow\'s office hours in German, with "Andere Tage"', async () => {
    const run = await start();
    expect(run.texts).toEqual(['Welcher Termin passt Ihnen?']);
    expect(labels(run)).toEqual(['Mo 30.11., 08:00', 'Mo 30.11., 16:00', 'Di 1.12., 08:00', 'Di 1.12., 16:00', 'Andere Tage']);
    expect(run.waiting?.input.type).toBe('choice');
  });

  it('books the tapped slot, saves start/end/id, records the event and confirms with the date', async () => {
    const offer = await start();
    const chosen = offer.messages[0]!.choices![1]!.id;
    const done = await offer.answer({ choice: chosen });
    expect(done.port).toBe('booked');
    expect(done.texts).toEqual(['Ihr Termin ist gebucht: Montag, 30. November 2026, um 16:00.']);
    expect(done.vars).toMatchObject({ start: '2026-11-30T15:00:00.000Z', end: '2026-11-30T16:00:00.000Z' });
    const booking = await env.store.booking(String(done.vars.bookingId));
    expect(booking).toMatchObject({ calendar: 'default', status: 'booked', title: 'Termin: Ada Muster', conversationId: 'conv-1', flowId: 'salon' });
    expect(booking!.attendee).toEqual({ name: 'Ada Muster', email: 'ada@example.ch' });
    expect(done.records).toEqual([
      { type: 'booking.created', data: { bookingId: booking!.id, start: booking!.start, end: booking!.end, calendar: 'default' } },
    ]);
    expect((await env.calendar.get(booking!.id))!.icsUrl).toMatch(/^\/v1\/bookings\/[^/]+\/booking\.ics\?token=[\w-]{20,}$/);
  });

  it.each([
    ['a label', 'Di 1.12., 16:00', '2026-12-01T15:00:00.000Z'],
    ['an English label', 'Tue 1 Dec, 08:00', '2026-12-01T07:00:00.000Z'],
    ['a position', '2', '2026-11-30T15:00:00.000Z'],
    ['a weekday and time not offered', 'Dienstag 14 Uhr', '2026-12-01T13:00:00.000Z'],
    ['tomorrow with a time', 'morgen 9:00', '2026-12-01T08:00:00.000Z'],
  ])('books when the customer types %s', async (_what, text, expected) => {
    const done = await (await start()).answer(text);
    expect(done.port).toBe('booked');
    expect(done.vars.start).toBe(expected);
  });

  it('books a typed day and time on a grid with a buffer (starts step by duration plus buffer)', async () => {
    // 45 minutes + 15 buffer from 08:00: 08:00, 09:00, 10:00, ...; 09:00 is on the grid, 08:45 is not.
    const offer = await start({ durationMinutes: 45, bufferMinutes: 15 });
    const done = await offer.answer('Dienstag 9:00');
    expect(done.port).toBe('booked');
    expect(done.vars).toMatchObject({ start: '2026-12-01T08:00:00.000Z', end: '2026-12-01T08:45:00.000Z' });
    const offGrid = await (await start({ durationMinutes: 45, bufferMinutes: 15 }, { conversationId: 'conv-2' })).answer('Dienstag 8:45');
    expect(offGrid.port).toBeUndefined();
    expect(offGrid.texts[0]).toMatch(/nicht frei/);
  });

  it('offers that time on the next days when several offered slots have it', async () => {
    const offer = await (await start()).answer('8 Uhr');
    expect(labels(offer)).toEqual(['Mo 30.11., 08:00', 'Di 1.12., 08:00', 'Mo 7.12., 08:00', 'Andere Tage']);
  });

  it('offers the named day when the customer gives only a day', async () => {
    const offer = await (await start()).answer('Donnerstag');
    expect(offer.waiting).toBeTruthy();
    expect(labels(offer)).toEqual(['Do 3.12., 09:00', 'Do 3.12., 10:00', 'Andere Tage']);
    expect((await offer.answer('10:00')).vars.start).toBe('2026-12-03T09:00:00.000Z');
  });

  it('says when a requested time is not free and offers that day onward', async () => {
    const offer = await (await start()).answer('Donnerstag 15 Uhr');
    expect(offer.texts).toEqual(['Dieser Zeitpunkt ist leider nicht frei. Diese Termine sind möglich:']);
    expect(labels(offer)![0]).toBe('Do 3.12., 09:00');
  });

  it('re-asks with the same kind of offer when the answer is no slot at all', async () => {
    const again = await (await start()).answer('weiss nicht');
    expect(again.texts[0]).toMatch(/Bitte wählen Sie einen der Termine/);
    expect(again.waiting).toBeTruthy();
  });

  it('pages forward with "Andere Tage", skipping holidays, and starts over after the horizon', async () => {
    let run = await start({ horizonDays: 10 });
    const seen: string[] = [];
    for (let page = 0; page < 4; page++) {
      run = await run.answer('Andere Tage');
      seen.push(run.texts[0]!, ...labels(run)!.slice(0, -1));
    }
    expect(seen).toEqual([
      'Hier sind weitere freie Termine:', 'Do 3.12., 09:00', 'Do 3.12., 10:00', 'Mo 7.12., 08:00', 'Mo 7.12., 16:00',
      'Später gibt es keine freien Termine mehr. Hier sind die ersten wieder:', 'Mo 30.11., 08:00', 'Mo 30.11., 16:00', 'Di 1.12., 08:00', 'Di 1.12., 16:00',
      'Hier sind weitere freie Termine:', 'Do 3.12., 09:00', 'Do 3.12., 10:00', 'Mo 7.12., 08:00', 'Mo 7.12., 16:00',
      'Später gibt es keine freien Termine mehr. Hier sind die ersten wieder:', 'Mo 30.11., 08:00', 'Mo 30.11., 16:00', 'Di 1.12., 08:00', 'Di 1.12., 16:00',
    ]);
  });

  it('tells the customer when someone else took the slot meanwhile, and offers fresh ones', async () => {
    const offer = await start();
    const chosen = offer.messages[0]!.choices![0]!.id;
    const other = await env.calendar.book({
      calendar: 'default', start: chosen, end: '2026-11-30T08:00:00.000Z', title: 'Walk-in', attendee: {}, idempotencyKey: 'someone-else',
    });
    expect(other.ok).toBe(true);
    const retry = await offer.answer({ choice: chosen });
    expect(retry.texts).toEqual(['Dieser Termin wurde gerade vergeben. Bitte wählen Sie einen anderen:']);
    expect(retry.messages[0]!.choices!.map((c) => c.id)).not.toContain(chosen);
    expect(labels(retry)![0]).toBe('Mo 30.11., 09:00');
    const rows = await env.store.list({ limit: 10, offset: 0 });
    expect(rows.total).toBe(1);
  });

  it('takes no_slot when the taken slot was the last one', async () => {
    const settings = { officeHours: { timezone: 'Europe/Zurich', weekly: { mon: [['08:00', '09:00']] } } };
    const offer = await start({ horizonDays: 1 }, { settings });
    const chosen = offer.messages[0]!.choices![0]!.id;
    await env.calendar.book({ calendar: 'default', start: chosen, end: '2026-11-30T08:00:00.000Z', title: 'x', attendee: {}, idempotencyKey: 'k' });
    const gone = await offer.answer({ choice: chosen });
    expect(gone.port).toBe('no_slot');
    expect(gone.texts).toEqual(['Dieser Termin wurde gerade vergeben, und im Moment ist leider kein anderer frei.']);
  });

  it('uses a day and time from the message that led here, offering instead of booking', async () => {
    const run = await start({}, { pendingInput: { text: 'Haben Sie morgen um 14 Uhr noch einen Termin?' } });
    expect(run.pendingInputConsumed).toBe(true);
    expect(run.texts).toEqual(['Welcher Termin passt Ihnen?']);
    expect(labels(run)).toEqual(['Di 1.12., 14:00', 'Di 1.12., 15:00', 'Di 1.12., 16:00', 'Andere Tage']);
    expect((await env.store.list({ limit: 10, offset: 0 })).total).toBe(0);
    const plain = await start({}, { pendingInput: { text: 'Ich möchte einen Termin' } });
    expect(labels(plain)![0]).toBe('Mo 30.11., 08:00');
  });

  it('takes no_slot at once when nothing is free within the horizon', async () => {
    const run = await start({ horizonDays: 3 }, { settings: { officeHours: { timezone: 'Europe/Zurich', weekly: { sat: [['08:00', '12:00']] } } } });
    expect(run.port).toBe('no_slot');
    expect(run.texts).toEqual([]);
  });

  it('books once when the same turn runs twice (idempotency key), and refuses made-up slots', async () => {
    const offer = await start();
    const chosen = offer.messages[0]!.choices![0]!.id;
    const first = await offer.answer({ choice: chosen });
    const second = await offer.answer({ choice: chosen });
    expect(second.port).toBe('booked');
    expect(second.vars.bookingId).toBe(first.vars.bookingId);
    expect((await env.store.list({ limit: 10, offset: 0 })).total).toBe(1);
    const madeUp = await offer.answer({ choice: '2026-11-30T07:20:00.000Z' });
    expect(madeUp.port).toBeUndefined();
    expect(madeUp.texts[0]).toBe('Dieser Zeitpunkt ist leider nicht frei. Diese Termine sind möglich:');
    expect((await offer.answer({ choice: 'nonsense' })).texts[0]).toMatch(/Bitte wählen Sie einen der Termine/);
  });

  it('speaks English, uses its own opening hours and time zone', async () => {
    const run = await start(
      { openingHours: { timezone: 'Europe/Zurich', weekly: { mon: [['09:00', '10:00']] } }, timeZone: 'America/New_York', text: { de: 'Wann?', en: 'When?' } },
      { locale: 'en' },
    );
    expect(run.texts).toEqual(['When?']);
    expect(labels(run)).toEqual(['Mon 30 Nov, 09:00', 'Mon 7 Dec, 09:00', 'Other days']);
    const wrapped = await run.answer('Other days');
    expect(wrapped.texts).toEqual(['There are no later free appointments. Here are the first ones again:']);
    expect(labels(wrapped)).toEqual(['Mon 30 Nov, 09:00', 'Mon 7 Dec, 09:00', 'Other days']);
    expect(run.messages[0]!.choices![0]!.id).toBe('2026-11-30T14:00:00.000Z');
  });

  it('fails towards the error port without a calendar service', async () => {
    const failure = await runNode(bookSlot, { config: baseConfig, vars: { name: 'x', email: 'y' }, now }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(NodeRunError);
    expect((failure as NodeRunError).errorPort).toBe('error');
  });
});
