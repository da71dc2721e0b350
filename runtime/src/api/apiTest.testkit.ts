import { createHash } from 'node:crypto';
import path from 'node:path';
import { createClient, type Client } from '@libsql/client';
import { expect } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import type { TestServer } from '../testing/testServer.js';

export type ApiResponse = Awaited<ReturnType<TestServer['request']>>;

/** Asserts the contract's error shape: `{ error: { code, message, details? } }` and nothing else. */
export function expectError(response: ApiResponse, status: number, code?: string): void {
  const summary = `${response.status} ${JSON.stringify(response.body)?.slice(0, 500)}`;
  expect(response.status, summary).toBe(status);
  expect(response.headers.get('content-type') ?? '', summary).toMatch(/^application\/json/);
  expect(typeof response.body, summary).toBe('object');
  expect(Object.keys(response.body), summary).toEqual(['error']);
  const error = response.body.error;
  expect(Object.keys(error).filter((key) => !['code', 'message', 'details'].includes(key)), summary).toEqual([]);
  expect(error.code, summary).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  if (code !== undefined) expect(error.code, summary).toBe(code);
  expect(typeof error.message, summary).toBe('string');
  expect(error.message.length, summary).toBeGreaterThan(0);
}

export interface DbSnapshot {
  counts: Record<string, number>;
  hash: string;
}

/**
 * A second libSQL client on the server's database file, restricted to reading (`query_only`), that sums up every
 * table as row counts plus a content hash. WAL mode lets it read next to the running server.
 */
export class DbInspector {
  readonly #client: Client;

  constructor(dataDir: string) {
    this.#client = createClient({ url: `file:${path.join(dataDir, 'dialogwerk.db')}`, concurrency: 1 });
  }

  async snapshot(): Promise<DbSnapshot> {
    await this.#client.execute('PRAGMA query_only = ON');
    const tables = await this.#client.execute(
      `SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`,
    );
    const counts: Record<string, number> = {};
    const hash = createHash('sha256');
    for (const row of tables.rows) {
      const name = String(row.name);
      const rows = await this.#client.execute(`SELECT * FROM "${name.replace(/"/g, '""')}" ORDER BY rowid`);
      counts[name] = rows.rows.length;
      hash.update(`${name}\n`);
      for (const r of rows.rows) hash.update(`${JSON.stringify(rows.columns.map((column) => r[column]), (_k, v) => (typeof v === 'bigint' ? String(v) : v instanceof ArrayBuffer ? Buffer.from(v).toString('hex') : v))}\n`);
    }
    return { counts, hash: hash.digest('hex') };
  }

  async count(sql: string, args: (string | number)[] = []): Promise<number> {
    const result = await this.#client.execute({ sql, args });
    return Number(Object.values(result.rows[0] ?? {})[0] ?? 0);
  }

  close(): void {
    this.#client.close();
  }
}

/** Runs `action` and asserts the database looks exactly as before it. */
export async function expectDbUnchanged<T>(db: DbInspector, action: () => Promise<T>): Promise<T> {
  const before = await db.snapshot();
  const result = await action();
  const after = await db.snapshot();
  expect(after.counts).toEqual(before.counts);
  expect(after.hash).toBe(before.hash);
  return result;
}

/** A flow whose first node says something and then has nowhere to go: every conversation is handed off at once. */
export function handoffFlow(id: string): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id,
    name: 'Hand off at once',
    locales: ['en', 'de'],
    start: 'hello',
    variables: { topic: { type: 'string' } },
    nodes: [
      { id: 'hello', type: 'message', version: 1, position: { x: 0, y: 0 }, config: { text: { en: 'Hello.', de: 'Hallo.' } } },
      { id: 'topic', type: 'ask', version: 1, position: { x: 0, y: 100 }, config: { text: { en: 'What is it about?', de: 'Worum geht es?' }, variable: 'topic' } },
      { id: 'bye', type: 'end', version: 1, position: { x: 0, y: 200 }, config: { text: { en: 'Bye.', de: 'Tschüss.' } } },
    ],
    edges: [
      { id: 'e1', from: { node: 'topic', port: 'next' }, to: 'bye' },
      { id: 'e2', from: { node: 'topic', port: 'invalid' }, to: 'bye' },
    ],
  };
}

/** A flow that ends right after its greeting. */
export function endingFlow(id: string): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id,
    name: 'Ends at once',
    locales: ['en', 'de'],
    start: 'bye',
    variables: {},
    nodes: [{ id: 'bye', type: 'end', version: 1, position: { x: 0, y: 0 }, config: { text: 'Goodbye.' } }],
    edges: [],
  };
}
