import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type Client } from '@libsql/client';
import { drizzle, type LibSQLDatabase } from 'drizzle-orm/libsql';
import { migrate } from 'drizzle-orm/libsql/migrator';
import * as schema from './schema/index.js';
import { startWalCheckpointer, type WalCheckpointer } from './walCheckpointer.js';
import { clientBatchExecutor, filePathOf, openPreparedBatchExecutor, type BatchExecutor } from './preparedBatchExecutor.js';

export type Db = LibSQLDatabase<typeof schema>;

export interface Database {
  client: Client;
  db: Db;
  url: string;
  /** Present for file databases: checkpoints the WAL on a worker thread. */
  checkpointer?: WalCheckpointer;
  /** Commits a batch of statements in one write transaction: prepared statements on file databases, the client elsewhere. */
  executeWriteBatch: BatchExecutor;
  /** Stops the checkpointer, folds the WAL into the database file and closes the connection. */
  close(): Promise<void>;
}

export type SynchronousMode = 'OFF' | 'NORMAL' | 'FULL' | 'EXTRA';

const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../drizzle');

/**
 * Opens the database with the settings the engine relies on. `concurrency: 1` keeps the local client on a single
 * connection, because PRAGMAs like `synchronous` apply per connection and a pool would silently open new ones
 * with stock settings. WAL with `synchronous=NORMAL` survives process crashes (SIGKILL); only power loss can drop
 * the last commits, and `FULL` is there for those who want that too.
 */
export async function openDatabase(options: {
  url: string;
  synchronous?: SynchronousMode;
  migrate?: boolean;
  /** Checkpoint the WAL on a worker thread (default for file databases) instead of inside commits. */
  checkpointInWorker?: boolean;
}): Promise<Database> {
  const file = filePathOf(options.url);
  if (file) mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const client = createClient({ url: options.url, concurrency: 1 });
  if (file) {
    await client.execute('PRAGMA journal_mode=WAL');
    await client.execute(`PRAGMA synchronous=${options.synchronous ?? 'NORMAL'}`);
    await client.execute('PRAGMA busy_timeout=5000');
  }
  const db = drizzle(client, { schema });
  if (options.migrate !== false) await migrate(db, { migrationsFolder });
  let checkpointer: WalCheckpointer | undefined;
  if (file && options.checkpointInWorker !== false) {
    await client.execute('PRAGMA wal_autocheckpoint=0');
    checkpointer = await startWalCheckpointer(options.url);
  }
  const prepared = file ? openPreparedBatchExecutor(file, { synchronous: options.synchronous ?? 'NORMAL' }) : undefined;
  const executeWriteBatch: BatchExecutor = prepared?.execute ?? clientBatchExecutor(client);
  let closing: Promise<void> | undefined;
  const close = () =>
    (closing ??= (async () => {
      prepared?.close();
      await checkpointer?.stop();
      if (file) await client.execute('PRAGMA wal_checkpoint(TRUNCATE)').catch(() => undefined);
      client.close();
    })());
  return { client, db, url: options.url, checkpointer, executeWriteBatch, close };
}
