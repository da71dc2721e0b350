import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openTestCalendar } from './calendarTestkit.js';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
let env: Awaited<ReturnType<typeof openTestCalendar>>;
beforeEach(async () => {
  env = await openTestCalendar(() => new Date('2026-11-24T10:00:00Z'));
});
afterEach(() => env.close());

const request = (start: string, end: string, extra: Partial<Parameters<typeof env.store.book>[0]> = {}) =>
  env.store.book({ calendar: 'default', start, end, bufferMinutes: 0, title: 'T', attendee: {}, idempotencyKey: `${start}-${Math.random()}`, timeZone: 'Europe/Zurich', ...extra });
const booked = (result: Awaited<ReturnType<typeof request>>) => !('taken' in result);

describe('BookingStore.book', () => {
  it('refuses overlaps, allows touching bookings, and keeps calendars apart', async () => {
    expect(booked(await request('2030-01-07T09:00:00Z', '2030-01-07T10:00:00Z'))).toBe(true);
    expect(booked(await request('2030-01-07T09:00:00Z', '2030-01-07T10:00:00Z'))).toBe(false);
    expect(booked(await request('2030-01-07T09:30:00Z', '2030-01-07T10:30:00Z'))).toBe(false);
    expect(booked(await request('2030-01-07T08:30:00Z', '2030-01-07T09:01:00Z'))).toBe(false);
    expect(booked(await request('2030-01-07T08:00:00Z', '2030-01-07T11:00:00Z'))).toBe(false);
    expect(booked(await request('2030-01-07T08:00:00Z', '2030-01-07T09:00:00Z'))).toBe(true);
    expect(booked(await request('2030-01-07T10:00:00Z', '2030-01-07T11:00:00Z'))).toBe(true);
    expect(booked(await request('2030-01-07T09:00:00Z', '2030-01-07T10:00:00Z', { calendar: 'room-2' }))).toBe(true);
    expect((await env.store.calendars()).map((c) => c.id)).toEqual(['default', 'room-2']);
  });

  it('counts the buffer of the earlier and of the new booking', async () => {
    expect(booked(await request('2030-01-07T09:00:00Z', '2030-01-07T10:00:00Z', { bufferMinutes: 15 }))).toBe(true);
    expect(booked(await request('2030-01-07T10:00:00Z', '2030-01-07T10:30:00Z'))).toBe(false);
    expect(booked(await request('2030-01-07T10:15:00Z', '2030-01-07T10:45:00Z'))).toBe(true);
    expect(booked(await request('2030-01-07T08:00:00Z', '2030-01-07T08:50:00Z', { bufferMinutes: 15 }))).toBe(false);
    expect(booked(await request('2030-01-07T08:00:00Z', '2030-01-07T08:45:00Z', { bufferMinutes: 15 }))).toBe(true);
  });

  it('returns the earlier booking for a repeated idempotency key, and books anew once that one was cancelled', async () => {
    const first = await request('2030-01-07T09:00:00Z', '2030-01-07T10:00:00Z', { idempotencyKey: 'turn-1' });
    const again = await request('2030-01-07T09:00:00Z', '2030-01-07T10:00:00Z', { idempotencyKey: 'turn-1' });
    expect(again).toEqual({ booking: (first as { booking: unknown }).booking, replayed: true });
    const id = (first as { booking: { id: string } }).booking.id;
    const cancelled = await env.store.cancel(id);
    expect(cancelled).toMatchObject({ status: 'cancelled', sequence: 1, cancelledAt: '2026-11-24T10:00:00.000Z' });
    expect(await env.store.cancel(id)).toBeUndefined();
    const fresh = await request('2030-01-07T09:00:00Z', '2030-01-07T10:00:00Z', { idempotencyKey: 'turn-1' });
    expect(booked(fresh) && (fresh as { booking: { id: string } }).booking.id).not.toBe(id);
    expect((await env.store.list({ limit: 10, offset: 0 })).total).toBe(2);
  });

  it('keeps test bookings from blocking customers, while tests see every booking', async () => {
    const slot = ['2030-01-07T09:00:00Z', '2030-01-07T10:00:00Z'] as const;
    expect(booked(await request(...slot, { test: true }))).toBe(true);
    expect(booked(await request(...slot, { test: true }))).toBe(false);
    expect(await env.store.busy('default', slot[0], slot[1])).toEqual([]);
    expect(booked(await request(...slot))).toBe(true);
    expect(await env.store.busy('default', slot[0], slot[1])).toHaveLength(1);
    expect(await env.store.busy('default', slot[0], slot[1], true)).toHaveLength(2);
    expect(booked(await request('2030-01-07T10:00:00Z', '2030-01-07T11:00:00Z'))).toBe(true);
    expect(booked(await request('2030-01-07T10:00:00Z', '2030-01-07T11:00:00Z', { test: true }))).toBe(false);
    expect((await env.store.feed('default', '2030-01-01T00:00:00Z')).map((b) => b.test)).toEqual([false, false]);
    expect((await env.store.list({ limit: 10, offset: 0, test: true })).total).toBe(1);
  });

  it('lets only one of many separate OS processes book the same slot at the same moment', async () => {
    const processes = 4;
    const attemptsEach = 5;
    const children = Array.from({ length: processes }, (_, index) =>
      spawn(
        process.execPath,
        ['bin/run-ts.js', 'runtime/src/calendar/bookingRaceWorker.ts', env.url, '2030-01-07T09:00:00.000Z', '2030-01-07T10:00:00.000Z', String(attemptsEach), `p${index}`],
        { cwd: repositoryRoot, stdio: ['pipe', 'pipe', 'inherit'] },
      ),
    );
    const lines = children.map((child) => {
      let buffer = '';
      const ready = new Promise<void>((resolve) => child.stdout!.on('data', (chunk: Buffer) => ((buffer += chunk), buffer.includes('ready') && resolve())));
      const done = new Promise<string[]>((resolve, reject) =>
        child.on('exit', (code) => (code === 0 ? resolve(JSON.parse(buffer.split('\n').filter(Boolean).at(-1)!)) : reject(new Error(`worker exited ${code}`)))),
      );
      return { ready, done };
    });
    await Promise.all(lines.map((line) => line.ready));
    for (const child of children) child.stdin!.end('go\n');
    const outcomes = (await Promise.all(lines.map((line) => line.done))).flat();
    expect(outcomes).toHaveLength(processes * attemptsEach);
    expect(outcomes.filter((outcome) => outcome === 'booked')).toHaveLength(1);
    const rows = await env.database.client.execute("SELECT COUNT(*) AS n FROM bookings WHERE status = 'booked'");
    expect(Number(rows.rows[0]!.n)).toBe(1);
  }, 60_000);
});
