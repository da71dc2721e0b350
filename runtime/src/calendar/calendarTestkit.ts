import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bookSlotNode, coreNodes } from '@dialogwerk/nodes';
import { openDatabase, type Database } from '../db/openDatabase.js';
import { BookingStore } from './bookingStore.js';
import { embeddedCalendar } from './embeddedCalendar.js';

/** The book_slot node with its server behaviour, as the engine registers it. */
export const bookSlot = coreNodes.find((node) => node.type === 'book_slot') as unknown as typeof bookSlotNode;

/** A migrated libSQL file in a temp directory with the embedded calendar on top; `close()` removes it. */
export async function openTestCalendar(clock: () => Date = () => new Date()) {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dialogwerk-calendar-'));
  const url = `file:${path.join(dir, 'calendar.db')}`;
  const database: Database = await openDatabase({ url });
  const store = new BookingStore(database.client, clock);
  return {
    url,
    database,
    store,
    calendar: embeddedCalendar(store),
    close: async () => {
      await database.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
