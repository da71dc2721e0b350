// Worker thread: checkpoints the WAL on its own connection, so the copy into the database file and its fsync never
// run on the server's event loop (libSQL's local client is synchronous). Plain JavaScript because workers do not
// inherit the TypeScript loader of the main thread.
import { parentPort, workerData } from 'node:worker_threads';
import { createClient } from '@libsql/client';

const client = createClient({ url: workerData.url, concurrency: 1 });
await client.execute('PRAGMA busy_timeout=5000');
await client.execute('PRAGMA wal_autocheckpoint=0');

let running = false;
async function checkpoint(mode) {
  if (running) return;
  running = true;
  try {
    const result = await client.execute(`PRAGMA wal_checkpoint(${mode})`);
    const row = result.rows[0];
    parentPort.postMessage({ type: 'checkpointed', busy: Number(row?.[0] ?? 0), log: Number(row?.[1] ?? 0), done: Number(row?.[2] ?? 0) });
  } catch (error) {
    parentPort.postMessage({ type: 'error', message: String(error?.message ?? error) });
  } finally {
    running = false;
  }
}

const timer = setInterval(() => void checkpoint('PASSIVE'), workerData.intervalMs);
parentPort.on('message', async (message) => {
  if (message === 'stop') {
    clearInterval(timer);
    while (running) await new Promise((resolve) => setTimeout(resolve, 5));
    client.close();
    parentPort.postMessage({ type: 'stopped' });
  }
});
parentPort.postMessage({ type: 'ready' });
