import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateFlow } from '@dialogwerk/nodes';
import { readRuntimeConfig } from '../config/runtimeConfig.js';
import { createRuntime, type Runtime } from '../server/createRuntime.js';
import { loopingThreeQuestionFlow } from '../testing/flowFixtures.js';
import { REMEMBERED_CLIENT_IDS } from './conversationService.js';

const answers = ['Ada', 'ada@example.com', 'ja'];
const runtimes: Runtime[] = [];
let dir: string | undefined;

async function runtime(): Promise<Runtime> {
  dir ??= mkdtempSync(path.join(os.tmpdir(), 'dw-long-'));
  const config = { ...readRuntimeConfig({}), dataDir: dir, databaseUrl: `file:${path.join(dir, 'db.db')}`, logLevel: 'silent' as const, exampleFlows: false, adminToken: 't' };
  const created = await createRuntime(config);
  runtimes.push(created);
  return created;
}

afterEach(async () => {
  for (const created of runtimes.splice(0)) await created.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('idempotency in conversations longer than the in-memory id window', () => {
  it('replays the first message byte for byte after hundreds of later ones, in the same process and after a restart', async () => {
    const rt = await runtime();
    const flow = validateFlow(loopingThreeQuestionFlow('long'), rt.registry).flow!;
    await rt.flows.saveDraft(flow);
    await rt.flows.publish('long', flow, null, null);
    const started = await rt.conversations.start({ flowId: 'long' });
    const total = REMEMBERED_CLIENT_IDS + 20;
    const first = await rt.conversations.send(started.conversationId, started.token, { id: 'm0', text: answers[0] });
    for (let i = 1; i < total; i++) {
      await rt.conversations.send(started.conversationId, started.token, { id: `m${i}`, text: answers[i % 3] });
    }
    expect(await rt.conversations.send(started.conversationId, started.token, { id: 'm0', text: answers[0] })).toEqual(first);
    await expect(rt.conversations.send(started.conversationId, started.token, { id: 'm0', text: 'other' })).rejects.toMatchObject({ code: 'MESSAGE_ID_REUSED' });
    await rt.close();
    runtimes.length = 0;

    const restarted = await runtime();
    expect(await restarted.conversations.send(started.conversationId, started.token, { id: 'm0', text: answers[0] })).toEqual(first);
    const transcript = await restarted.conversations.transcript(started.conversationId);
    expect(transcript.messages.filter((m) => m.role === 'user')).toHaveLength(total);
  });
});
