import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NodeRegistry, coreNodes, validateFlow, type FlowDocument } from '@dialogwerk/nodes';
import { openDatabase, type Database } from '../db/openDatabase.js';
import { threeQuestionFlow } from '../testing/flowFixtures.js';
import { FlowRepository } from './flowRepository.js';

const registry = new NodeRegistry(coreNodes);
const flow = (id: string): FlowDocument => validateFlow(threeQuestionFlow(id), registry).flow!;

describe('FlowRepository', () => {
  let dir: string;
  let database: Database;
  let flows: FlowRepository;
  beforeEach(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'dw-flows-'));
    database = await openDatabase({ url: `file:${path.join(dir, 'db.db')}` });
    flows = new FlowRepository(database.db);
  });
  afterEach(() => {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('numbers published versions per flow and finds the published one', async () => {
    await flows.saveDraft(flow('a'));
    expect(await flows.publish('a', flow('a'), 'first', 'tester')).toBe(1);
    expect(await flows.publish('a', flow('a'), null, null)).toBe(2);
    expect((await flows.publishedVersionId('a'))?.version).toBe(2);
    expect((await flows.versions('a')).map((v) => [v.version, v.note])).toEqual([[2, null], [1, 'first']]);
  });

  it('starts a fresh history when a deleted flow id is used again, while old versions stay loadable', async () => {
    await flows.saveDraft(flow('reused'));
    await flows.publish('reused', flow('reused'), 'old', null);
    const oldVersionId = (await flows.publishedVersionId('reused'))!.versionId;
    expect(await flows.delete('reused')).toBe(true);
    expect(await flows.versions('reused')).toEqual([]);
    expect((await flows.versionById(oldVersionId))?.document.id).toBe('reused');
    await flows.saveDraft(flow('reused'));
    expect(await flows.publish('reused', flow('reused'), 'new', null)).toBe(1);
    expect((await flows.versions('reused')).map((v) => v.note)).toEqual(['new']);
  });

  it('reuses one test snapshot for an unchanged draft and makes a new one after a change', async () => {
    const first = await flows.testSnapshot('t', flow('t'));
    expect(await flows.testSnapshot('t', flow('t'))).toBe(first);
    const changed = { ...flow('t'), name: 'Changed' };
    expect(await flows.testSnapshot('t', changed)).not.toBe(first);
  });
});
