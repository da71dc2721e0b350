// A separate OS process for the cross-process race test (bookingStore.test.ts): opens the same database file, waits
// for "go" on stdin so every process starts together, tries to book the same slot, prints the outcomes as JSON.
import { createInterface } from 'node:readline';
import { openDatabase } from '../db/openDatabase.js';
import { BookingStore } from './bookingStore.js';

const [url, start, end, attempts, label] = process.argv.slice(2) as [string, string, string, string, string];
const database = await openDatabase({ url, migrate: false, checkpointInWorker: false });
const store = new BookingStore(database.client);
process.stdout.write('ready\n');
await new Promise<void>((resolve) => createInterface({ input: process.stdin }).once('line', () => resolve()));
const outcomes = await Promise.all(
  Array.from({ length: Number(attempts) }, (_, i) =>
    store
      .book({ calendar: 'default', start, end, bufferMinutes: 0, title: 'race', attendee: {}, idempotencyKey: `${label}-${i}`, timeZone: 'Europe/Zurich' })
      .then((result) => ('taken' in result ? 'taken' : 'booked')),
  ),
);
process.stdout.write(`${JSON.stringify(outcomes)}\n`);
await database.close();
