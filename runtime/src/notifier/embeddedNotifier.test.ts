import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/openDatabase.js';
import { createLogger } from '../logging/logger.js';
import { embeddedNotifier } from './embeddedNotifier.js';
import { NotificationStore } from './notificationStore.js';

describe('embedded notifier', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dialogwerk-notifier-'));
  let database: Database;
  let store: NotificationStore;
  beforeAll(async () => {
    database = await openDatabase({ url: `file:${path.join(dir, 'notes.db')}` });
    store = new NotificationStore(database.client, () => new Date('2026-11-24T08:00:00Z'));
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('stores one note per topic and dedupe key, even when 20 arrive at once', async () => {
    const notifier = embeddedNotifier(store, createLogger({ level: 'silent' }));
    const note = { topic: 'sales', subject: { de: 'Knapp', en: 'Low' }, text: 'x', dedupeKey: 'stock.low:A:2026-11-24' };
    const results = await Promise.all(Array.from({ length: 20 }, () => notifier.notify(note)));
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    expect(new Set(results.map((result) => result.id)).size).toBe(1);
    expect((await notifier.notify({ ...note, topic: 'support' })).duplicate).toBe(false);
    expect((await notifier.notify({ ...note, dedupeKey: undefined })).duplicate).toBe(false);
    expect((await notifier.notify({ ...note, dedupeKey: undefined })).duplicate).toBe(false);
    const sales = await store.list({ topic: 'sales', limit: 10 });
    expect(sales).toHaveLength(3);
    expect(sales[2]).toMatchObject({ subject: { de: 'Knapp', en: 'Low' }, text: { de: 'x', en: 'x' }, data: {}, createdAt: '2026-11-24T08:00:00.000Z', readAt: null });
  });

  it('pages newest first and keeps the first read time', async () => {
    const all = await store.list({ limit: 2 });
    const rest = await store.list({ limit: 10, before: Number(all[1]!.id) });
    expect([...all, ...rest].map((note) => Number(note.id))).toEqual([...[...all, ...rest].map((note) => Number(note.id))].sort((a, b) => b - a));
    expect(all.length + rest.length).toBe(4);
    const first = await store.markRead(Number(all[0]!.id));
    const later = new NotificationStore(database.client, () => new Date('2026-12-01T00:00:00Z'));
    expect((await later.markRead(Number(all[0]!.id)))!.readAt).toBe(first!.readAt);
    expect(await store.list({ unread: true, limit: 10 })).toHaveLength(3);
    expect(await store.markRead(424242)).toBeUndefined();
  });
});
