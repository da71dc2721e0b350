/**
 * Diagnostic (not part of `npm run bench`): where the SQLite time of a group commit goes.
 *
 *   node bin/run-ts.js bench/diagnostics/commitPath.ts [turnsPerBatch=2] [batches=3000]
 *
 * Builds a database with the runtime's migrations and 1,000 conversations, then commits batches of turns with the
 * runtime's own `statementsFor()` (INSERT into turns, UPDATE conversations … FROM VALUES), timed per phase on the
 * raw `libsql` connection, in four variants: statements prepared per batch (as @libsql/client does) or cached,
 * and the WAL auto-checkpoint on (SQLite default, 1000 pages, runs inside COMMIT) or off. The last line times the
 * same batches through @libsql/client's `batch(…, 'write')`, which is what TurnCommitter calls.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../runtime/src/db/openDatabase.js';
import { statementsFor, type TurnWrite } from '../../runtime/src/engine/turnCommitter.js';

interface RawStatement {
  run(args: unknown): unknown;
}
interface RawDatabase {
  pragma(sql: string): unknown;
  exec(sql: string): unknown;
  prepare(sql: string): RawStatement;
  close(): void;
}

const require = createRequire(import.meta.url);
const Database = require('libsql') as new (file: string) => RawDatabase;

const turnsPerBatch = Number(process.argv[2] ?? 2);
const batches = Math.min(Number(process.argv[3] ?? 3000), 20_000);
const conversations = Array.from({ length: 1000 }, () => randomUUID());
const now = new Date().toISOString();
const state = JSON.stringify({
  status: 'awaiting_input', locale: 'de', vars: { name: 'Ada', email: 'ada@example.com', news: true }, startedAt: now,
  waiting: { nodeId: 'name', input: { type: 'text' }, state: { attempts: 0 } },
});
// a turn-log row of the size the three-question flow writes (about 610 characters of events)
const events = JSON.stringify(Array.from({ length: 4 }, (_, i) => ({ type: 'message', nodeId: 'name', message: { id: randomUUID(), role: 'bot', text: `Frage ${i}`, createdAt: now }, createdAt: now })));

async function freshDatabase(): Promise<{ file: string; remove(): void }> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'commit-path-'));
  const file = path.join(dir, 'dialogwerk.db');
  const db = await openDatabase({ url: `file:${file}` });
  await db.client.batch(
    statementsFor(conversations.map((id) => ({
      insert: { id, workspaceId: 'default', flowId: 'f', flowVersionId: 1, flowVersion: 1, isTest: false, status: 'awaiting_input', locale: 'de', tokenHash: 'h'.repeat(64), state, turn: 0, createdAt: now },
      turn: { workspaceId: 'default', conversationId: id, seq: 0, kind: 'start', clientMessageId: null, requestHash: null, response: '{}', events, createdAt: now },
    }))),
    'write',
  );
  db.close();
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

function batchWrites(seqs: Map<string, number>, cursor: { next: number }): TurnWrite[] {
  const at = new Date().toISOString();
  return Array.from({ length: turnsPerBatch }, () => {
    const id = conversations[cursor.next++ % conversations.length]!;
    const seq = seqs.get(id) ?? 1;
    seqs.set(id, seq + 1);
    return {
      update: { id, status: 'awaiting_input', state, turn: seq, updatedAt: at, endedAt: null },
      turn: { workspaceId: 'default', conversationId: id, seq, kind: 'message', clientMessageId: `u:m${seq}`, requestHash: 'r'.repeat(64), response: '{"status":"awaiting_input","input":{"type":"text"}}', events, createdAt: at },
    };
  });
}

const perTurn = (ms: number) => ((ms * 1000) / (batches * turnsPerBatch)).toFixed(1).padStart(6);

for (const cached of [false, true]) {
  for (const autocheckpoint of [1000, 0]) {
    const { file, remove } = await freshDatabase();
    const raw = new Database(file);
    raw.pragma('journal_mode = WAL');
    raw.pragma('synchronous = NORMAL');
    raw.pragma(`wal_autocheckpoint = ${autocheckpoint}`);
    const cache = new Map<string, RawStatement>();
    const time = { prepare: 0, run: 0, commit: 0 };
    const seqs = new Map<string, number>();
    const cursor = { next: 0 };
    for (let b = 0; b < batches; b++) {
      const statements = statementsFor(batchWrites(seqs, cursor));
      raw.exec('BEGIN IMMEDIATE');
      for (const statement of statements) {
        const sql = typeof statement === 'string' ? statement : statement.sql;
        const args = typeof statement === 'string' ? [] : statement.args;
        let t = performance.now();
        let prepared = cached ? cache.get(sql) : undefined;
        if (!prepared) {
          prepared = raw.prepare(sql);
          if (cached) cache.set(sql, prepared);
        }
        time.prepare += performance.now() - t;
        t = performance.now();
        prepared.run(args);
        time.run += performance.now() - t;
      }
      const t = performance.now();
      raw.exec('COMMIT');
      time.commit += performance.now() - t;
    }
    raw.close();
    remove();
    console.log(
      `${turnsPerBatch} turns/commit, statements ${cached ? 'cached  ' : 'prepared'}, autocheckpoint ${String(autocheckpoint).padStart(4)}: µs per turn ` +
        `prepare ${perTurn(time.prepare)}  run ${perTurn(time.run)}  commit ${perTurn(time.commit)}  total ${perTurn(time.prepare + time.run + time.commit)}`,
    );
  }
}

{
  const { file, remove } = await freshDatabase();
  const db = await openDatabase({ url: `file:${file}` });
  const seqs = new Map<string, number>();
  const cursor = { next: 0 };
  let total = 0;
  for (let b = 0; b < batches; b++) {
    const statements = statementsFor(batchWrites(seqs, cursor));
    const t = performance.now();
    await db.client.batch(statements, 'write');
    total += performance.now() - t;
  }
  db.close();
  remove();
  console.log(`${turnsPerBatch} turns/commit through @libsql/client batch(…, 'write') (what TurnCommitter does): µs per turn ${perTurn(total)}`);
}
