import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from './openDatabase.js';

const run = promisify(execFile);
const dirs: string[] = [];
const databases: Database[] = [];

function tempDir() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-wal-'));
  dirs.push(dir);
  return dir;
}

afterEach(async () => {
  for (const database of databases.splice(0)) await database.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('WAL checkpoints on a worker thread', () => {
  it('turns off checkpoints inside commits and folds the WAL back in the background', async () => {
    const dir = tempDir();
    const database = await openDatabase({ url: `file:${path.join(dir, 'db.db')}` });
    databases.push(database);
    const autocheckpoint = await database.client.execute('PRAGMA wal_autocheckpoint');
    expect(Number(autocheckpoint.rows[0]![0])).toBe(0);
    for (let i = 0; i < 50; i++) {
      await database.executeWriteBatch([
        { sql: 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)', args: [`k${i}`, 'x'.repeat(2000), 'now'] },
      ]);
    }
    let report = await database.checkpointer!.nextCheckpoint();
    for (let i = 0; i < 5 && report.done < report.log; i++) report = await database.checkpointer!.nextCheckpoint();
    expect(report.log).toBeGreaterThan(0);
    expect(report.done).toBe(report.log);
  });

  it('leaves every committed row in the database file after close, with the WAL emptied', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'db.db');
    const first = await openDatabase({ url: `file:${file}` });
    await first.executeWriteBatch([{ sql: "INSERT INTO settings (key, value, updated_at) VALUES ('a', '1', 'now')", args: [] }]);
    await first.close();
    expect(statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0).toBe(0);
    const second = await openDatabase({ url: `file:${file}` });
    databases.push(second);
    const rows = await second.client.execute("SELECT value FROM settings WHERE key = 'a'");
    expect(rows.rows.map((row) => row.value)).toEqual(['1']);
  });

  it('never keeps a process alive: a script that does not close the database still exits', async () => {
    const dir = tempDir();
    const fixture = path.resolve(import.meta.dirname, 'fixtures/openWithoutClosing.ts');
    const { stdout } = await run(process.execPath, ['bin/run-ts.js', fixture, path.join(dir, 'db.db')], {
      cwd: path.resolve(import.meta.dirname, '../../..'),
      timeout: 20_000,
    });
    expect(stdout.trim()).toBe('written');
  });
});

describe('prepared batch executor', () => {
  it('commits all statements of a batch or none of them', async () => {
    const dir = tempDir();
    const database = await openDatabase({ url: `file:${path.join(dir, 'db.db')}` });
    databases.push(database);
    const insert = (key: string) => ({ sql: 'INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)', args: [key, 'v', 'now'] });
    await database.executeWriteBatch([insert('one'), insert('two')]);
    await expect(database.executeWriteBatch([insert('three'), insert('one')])).rejects.toThrow(/UNIQUE|PRIMARY KEY|constraint/i);
    const keys = await database.client.execute('SELECT key FROM settings ORDER BY key');
    expect(keys.rows.map((row) => row.key)).toEqual(['one', 'two']);
    await database.executeWriteBatch([insert('three')]);
    expect((await database.client.execute('SELECT count(*) AS n FROM settings')).rows[0]!.n).toBe(3);
  });
});
