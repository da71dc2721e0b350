import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { purgeExpiredConversations } from '../retention/purgeExpiredConversations.js';
import { threeQuestionFlow } from '../testing/flowFixtures.js';
import { startHarness, type Harness } from './testRuntime.js';

const DAY = 86_400_000;
const T0 = new Date('2026-03-01T12:00:00.000Z').getTime();

/** One question whose answer leads nowhere: answering it hands the conversation off (a handoff row to purge too). */
function shortFlow(): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id: 'short',
    name: 'Short retention',
    locales: ['en'],
    start: 'q',
    variables: { answer: { type: 'string' } },
    settings: { retentionDays: 30 },
    nodes: [{ id: 'q', type: 'ask', version: 1, position: { x: 0, y: 0 }, config: { text: 'Q?', variable: 'answer' } }],
    edges: [],
  };
}

describe('retention', () => {
  let h: Harness;
  let clock = T0;
  beforeEach(async () => {
    clock = T0;
    h = await startHarness({ now: () => new Date(clock) });
    await h.publish(shortFlow());
    await h.publish(threeQuestionFlow('long'));
  });
  afterEach(() => h.destroy());

  const count = async (table: string, conversationId: string) =>
    Number((await h.query(`SELECT count(*) AS n FROM ${table} WHERE ${table === 'conversations' ? 'id' : 'conversation_id'} = ?`, [conversationId]))[0]!.n);

  async function footprint(conversationId: string) {
    return {
      conversations: await count('conversations', conversationId),
      turns: await count('turns', conversationId),
      handoffs: await count('handoffs', conversationId),
    };
  }

  it("deletes conversations older than their flow's retentionDays with their turns and handoffs; newer ones stay", async () => {
    const shortOld = await h.start('short');
    expect((await h.send(shortOld.conversationId, shortOld.token, { id: '1', text: 'anything' })).body.status).toBe('handed_off');
    const longOld = await h.start('long', { locale: 'en' });
    await h.send(longOld.conversationId, longOld.token, { id: '1', text: 'Ada' });
    const shortActive = await h.start('short');

    clock = T0 + 20 * DAY;
    const shortNew = await h.start('short');
    // Started at T0, but active on day 20: retention counts from the last activity.
    await h.send(shortActive.conversationId, shortActive.token, { id: '1', text: 'still here' });

    expect(await footprint(shortOld.conversationId)).toEqual({ conversations: 1, turns: 2, handoffs: 1 });
    const flowsBefore = await h.query('SELECT id, published_version FROM flows ORDER BY id');

    // Day 35: the 30-day flow's cutoff is day 5; the default 90 days keep everything of the other flow.
    expect(await purgeExpiredConversations(h.database.client, new Date(T0 + 35 * DAY))).toBe(1);
    h.conversations.evict();
    expect(await footprint(shortOld.conversationId)).toEqual({ conversations: 0, turns: 0, handoffs: 0 });
    for (const kept of [shortNew, shortActive, longOld]) expect((await footprint(kept.conversationId)).conversations).toBe(1);
    expect((await footprint(longOld.conversationId)).turns).toBe(2);
    expect(await h.query('SELECT id, published_version FROM flows ORDER BY id')).toEqual(flowsBefore);

    const gone = await h.request('GET', `/v1/conversations/${shortOld.conversationId}`, { token: shortOld.token });
    expect(gone.status).toBe(404);
    expect((await h.send(shortOld.conversationId, shortOld.token, { id: '2', text: 'hello?' })).status).toBe(404);
    const kept = await h.request('GET', `/v1/conversations/${longOld.conversationId}`, { token: longOld.token });
    expect(kept.status).toBe(200);
    expect(kept.body.messages.map((m: { text: string }) => m.text)).toEqual(['What is your name?', 'Ada', 'Your email, Ada?']);

    // Day 95: the default 90 days are over for the conversation last active on day 0; day 20 is over 30 days ago.
    expect(await purgeExpiredConversations(h.database.client, new Date(T0 + 95 * DAY))).toBe(3);
    for (const purged of [longOld, shortNew, shortActive]) {
      expect(await footprint(purged.conversationId)).toEqual({ conversations: 0, turns: 0, handoffs: 0 });
    }
    expect(await h.query('SELECT id FROM conversations')).toEqual([]);
  });

  it('deletes the domain events and test leads of expired conversations, keeping real leads and contacts', async () => {
    const real = await h.start('short');
    const test = await h.start('short');
    await h.query(`UPDATE conversations SET is_test = 1 WHERE id = ?`, [test.conversationId]);
    const at = new Date(T0).toISOString();
    for (const [conversation, isTest] of [[real, 0], [test, 1]] as const) {
      const id = conversation.conversationId;
      await h.query(
        `INSERT INTO domain_events (conversation_id, flow_id, is_test, node_id, type, data, created_at) VALUES (?, 'short', ?, 'q', 'lead.captured', '{}', ?)`,
        [id, isTest, at],
      );
      await h.query(`INSERT INTO callback_resolutions (event_id, done_at) SELECT id, ? FROM domain_events WHERE conversation_id = ?`, [at, id]);
      await h.query(`INSERT INTO contacts (id, conversation_id, flow_id, data, is_test, created_at, updated_at) VALUES (?, ?, 'short', '{}', ?, ?, ?)`, [
        `c-${id}`, id, isTest, at, at,
      ]);
      await h.query(
        `INSERT INTO leads (id, contact_id, conversation_id, flow_id, node_id, is_test, fields, created_at, updated_at) VALUES (?, ?, ?, 'short', 'q', ?, '{}', ?, ?)`,
        [`l-${id}`, `c-${id}`, id, isTest, at, at],
      );
    }
    expect(await purgeExpiredConversations(h.database.client, new Date(T0 + 35 * DAY))).toBe(2);
    expect(await h.query('SELECT count(*) AS n FROM domain_events')).toEqual([{ n: 0 }]);
    expect(await h.query('SELECT count(*) AS n FROM callback_resolutions')).toEqual([{ n: 0 }]);
    expect(await h.query('SELECT id FROM leads')).toEqual([{ id: `l-${real.conversationId}` }]);
    expect(await h.query('SELECT id FROM contacts')).toEqual([{ id: `c-${real.conversationId}` }]);
  });

  it('deletes nothing while every conversation is within its retention', async () => {
    const a = await h.start('short');
    const b = await h.start('long', { locale: 'de' });
    const before = await h.dbSnapshot();
    expect(await purgeExpiredConversations(h.database.client, new Date(T0 + 29 * DAY))).toBe(0);
    expect(await h.dbSnapshot()).toEqual(before);
    expect((await footprint(a.conversationId)).conversations).toBe(1);
    expect((await footprint(b.conversationId)).conversations).toBe(1);
  });
});

describe('retention purge racing a turn in flight', () => {
  it('leaves no orphaned turn-log row when the conversation is deleted while its turn runs', async () => {
    const { mkdtempSync, rmSync } = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const { validateFlow } = await import('@dialogwerk/nodes');
    const { readRuntimeConfig } = await import('../config/runtimeConfig.js');
    const { createRuntime } = await import('../server/createRuntime.js');
    const { threeQuestionFlow } = await import('../testing/flowFixtures.js');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-purge-race-'));
    const rt = await createRuntime({
      ...readRuntimeConfig({}), dataDir: dir, databaseUrl: `file:${path.join(dir, 'db.db')}`, logLevel: 'silent', exampleFlows: false, adminToken: 't',
    });
    try {
      const flow = validateFlow(threeQuestionFlow('race'), rt.registry).flow!;
      await rt.flows.saveDraft(flow);
      await rt.flows.publish('race', flow, null, null);
      const started = await rt.conversations.start({ flowId: 'race' });
      // The purge's delete lands after the turn has loaded its state and before it commits.
      const reply = rt.conversations.send(started.conversationId, started.token, {
        id: 'm1',
        text: 'Ada',
      });
      await rt.database.client.batch(
        [
          { sql: 'DELETE FROM turns WHERE conversation_id = ?', args: [started.conversationId] },
          { sql: 'DELETE FROM conversations WHERE id = ?', args: [started.conversationId] },
        ],
        'write',
      );
      await reply;
      const orphans = await rt.database.client.execute({ sql: 'SELECT count(*) AS n FROM turns WHERE conversation_id = ?', args: [started.conversationId] });
      expect(Number(orphans.rows[0]!.n)).toBe(0);
    } finally {
      await rt.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
