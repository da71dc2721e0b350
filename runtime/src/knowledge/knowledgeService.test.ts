import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/openDatabase.js';
import { KnowledgeRepository } from './knowledgeRepository.js';
import { createKnowledgeService } from './knowledgeService.js';

const entry = (id: string, answer = 'a') => ({ id, question: `Frage ${id}?`, answer });

describe('knowledge repository and cached service', () => {
  let dir: string;
  let database: Database;
  let repository: KnowledgeRepository;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dw-knowledge-'));
    database = await openDatabase({ url: `file:${path.join(dir, 'db.db')}` });
    repository = new KnowledgeRepository(database.client, () => new Date('2026-03-10T10:00:00Z'));
  });
  afterEach(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves the same frozen array until a write invalidates it', async () => {
    await repository.create('kb', 'KB', [entry('a'), entry('b')]);
    const service = createKnowledgeService(repository);
    const first = await service.entries('kb');
    expect(first?.map((e) => e.id)).toEqual(['a', 'b']);
    expect(Object.isFrozen(first)).toBe(true);
    expect(await service.entries('kb')).toBe(first);

    await repository.putEntry('kb', entry('a', 'neu'));
    expect(await service.entries('kb')).toBe(first); // not invalidated yet: the admin routes do that
    service.invalidate('kb');
    const second = await service.entries('kb');
    expect(second).not.toBe(first);
    expect(second?.[0]?.answer).toBe('neu');
  });

  it('does not cache a missing base', async () => {
    const service = createKnowledgeService(repository);
    expect(await service.entries('later')).toBeUndefined();
    await repository.create('later', 'Later', [entry('x')]);
    expect((await service.entries('later'))?.map((e) => e.id)).toEqual(['x']);
  });

  it('loads a base once for concurrent readers', async () => {
    await repository.create('kb', 'KB', [entry('a')]);
    const service = createKnowledgeService(repository);
    const [one, two] = await Promise.all([service.entries('kb'), service.entries('kb')]);
    expect(one).toBe(two);
  });

  it('keeps every concurrent entry write, one revision each', async () => {
    await repository.create('kb', 'KB', []);
    const ids = Array.from({ length: 12 }, (_, i) => `e${i}`);
    await Promise.all(ids.map((id) => repository.putEntry('kb', entry(id))));
    const base = await repository.get('kb');
    expect(base?.revision).toBe(13);
    expect(base?.entries.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect(new Set((await database.client.execute("SELECT position FROM knowledge_entries WHERE knowledge_base_id = 'kb'")).rows.map((r) => r.position)).size).toBe(12);
  });

  it('merges imports by id, keeping positions and creation times', async () => {
    await repository.create('kb', 'KB', [entry('a'), entry('b')]);
    const merged = await repository.importEntries('kb', [entry('b', 'B2'), entry('c')], 'merge');
    expect(merged).toEqual({ revision: 2, created: 1, updated: 1, removed: 0 });
    expect((await repository.get('kb'))?.entries.map((e) => [e.id, e.answer])).toEqual([['a', 'a'], ['b', 'B2'], ['c', 'a']]);
    const replaced = await repository.importEntries('kb', [entry('c')], 'replace');
    expect(replaced).toEqual({ revision: 3, created: 0, updated: 1, removed: 2 });
    expect(await repository.importEntries('missing', [], 'merge')).toBeUndefined();
  });
});
