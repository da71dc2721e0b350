import { readRuntimeConfig, type RuntimeConfig } from '../config/runtimeConfig.js';
import { openDatabase, type Database } from '../db/openDatabase.js';

/** Opens the server's database (DATA_DIR / DATABASE_URL, migrated like on `serve`) for one task, then closes it. */
export async function withDatabase<T>(task: (database: Database, config: RuntimeConfig) => Promise<T>): Promise<T> {
  const config = readRuntimeConfig();
  const database = await openDatabase({ url: config.databaseUrl, synchronous: config.synchronous });
  try {
    return await task(database, config);
  } finally {
    database.close();
  }
}
