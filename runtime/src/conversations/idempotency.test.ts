import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { threeQuestionFlow } from '../testing/flowFixtures.js';
import { lines, startHarness, type Harness } from './testRuntime.js';

describe('client message ids make retries idempotent', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.publish(threeQuestionFlow('tq'));
  });
  afterEach(() => h.destroy());

  it('answers a retry with the byte-identical response and changes nothing', async () => {
    const c = await h.start('tq', { locale: 'en' });
    const first = await h.send(c.conversationId, c.token, { id: 'm1', text: 'Ada' });
    expect(first.status).toBe(200);
    const second = await h.send(c.conversationId, c.token, { id: 'm2', text: 'ada@example.com' });
    expect(second.body.input).toEqual({ type: 'yesno', choices: [{ id: 'yes', label: 'Yes' }, { id: 'no', label: 'No' }] });
    const before = await h.dbSnapshot();

    const retrySecond = await h.send(c.conversationId, c.token, { id: 'm2', text: 'ada@example.com' });
    expect(retrySecond.status).toBe(200);
    expect(retrySecond.text).toBe(second.text);
    // An older message retried after newer ones still gets its own original response, not the current state.
    const retryFirst = await h.send(c.conversationId, c.token, { id: 'm1', text: 'Ada' });
    expect(retryFirst.text).toBe(first.text);
    expect(lines(retryFirst.body.messages)).toEqual(['user:Ada', 'bot:Your email, Ada?']);
    expect(await h.dbSnapshot()).toEqual(before);

    // The conversation itself moved on exactly once per id.
    const next = await h.send(c.conversationId, c.token, { id: 'm3', choice: 'no' });
    expect(lines(next.body.messages)).toEqual(['user:No', 'bot:Thanks!']);
    const transcript = await h.request('GET', `/v1/conversations/${c.conversationId}`, { token: c.token });
    expect(lines(transcript.body.messages)).toEqual([
      'bot:What is your name?', 'user:Ada', 'bot:Your email, Ada?', 'user:ada@example.com', 'bot:Newsletter?', 'user:No', 'bot:Thanks!',
    ]);
  });

  it('refuses the same id with a different body with 409 MESSAGE_ID_REUSED and no effect', async () => {
    const c = await h.start('tq', { locale: 'en' });
    await h.send(c.conversationId, c.token, { id: 'm1', text: 'Ada' });
    const before = await h.dbSnapshot();
    for (const body of [{ id: 'm1', text: 'Grace' }, { id: 'm1', choice: 'Ada' }, { id: 'm1', text: 'Ada ' }]) {
      const reused = await h.send(c.conversationId, c.token, body);
      expect(reused.status).toBe(409);
      expect(reused.body.error.code).toBe('MESSAGE_ID_REUSED');
    }
    expect(await h.dbSnapshot()).toEqual(before);
  });

  it('processes concurrent duplicates once and answers all of them identically', async () => {
    const c = await h.start('tq', { locale: 'en' });
    const replies = await Promise.all(Array.from({ length: 8 }, () => h.send(c.conversationId, c.token, { id: 'dup', text: 'Ada' })));
    expect(replies.map((reply) => reply.status)).toEqual(Array(8).fill(200));
    expect(new Set(replies.map((reply) => reply.text)).size).toBe(1);
    expect((await h.query('SELECT seq FROM turns WHERE conversation_id = ? ORDER BY seq', [c.conversationId])).map((r) => r.seq)).toEqual([0, 1]);
  });

  it('keeps ids per conversation: the same id elsewhere is a new message', async () => {
    const a = await h.start('tq', { locale: 'en' });
    const b = await h.start('tq', { locale: 'en' });
    expect(lines((await h.send(a.conversationId, a.token, { id: 'same', text: 'Ada' })).body.messages)).toEqual(['user:Ada', 'bot:Your email, Ada?']);
    const other = await h.send(b.conversationId, b.token, { id: 'same', text: 'Grace' });
    expect(other.status).toBe(200);
    expect(lines(other.body.messages)).toEqual(['user:Grace', 'bot:Your email, Grace?']);
  });

  it('replays the message that ended a conversation, while new messages to it are 409 CONVERSATION_ENDED', async () => {
    const c = await h.start('tq', { locale: 'en' });
    await h.send(c.conversationId, c.token, { id: 'm1', text: 'Ada' });
    await h.send(c.conversationId, c.token, { id: 'm2', text: 'ada@example.com' });
    const ending = await h.send(c.conversationId, c.token, { id: 'm3', text: 'nein' });
    expect(ending.body.status).toBe('ended');
    const before = await h.dbSnapshot();
    expect((await h.send(c.conversationId, c.token, { id: 'm3', text: 'nein' })).text).toBe(ending.text);
    const late = await h.send(c.conversationId, c.token, { id: 'm4', text: 'hello?' });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CONVERSATION_ENDED');
    expect(await h.dbSnapshot()).toEqual(before);
  });

  it('holds across a restart: same bytes for a retry, 409 for a reused id, no second effect', async () => {
    const c = await h.start('tq', { locale: 'de' });
    const first = await h.send(c.conversationId, c.token, { id: 'm1', text: 'Ada' });
    const second = await h.send(c.conversationId, c.token, { id: 'm2', text: 'ada@example.com' });
    h = await h.restart();
    const before = await h.dbSnapshot();
    expect((await h.send(c.conversationId, c.token, { id: 'm2', text: 'ada@example.com' })).text).toBe(second.text);
    expect((await h.send(c.conversationId, c.token, { id: 'm1', text: 'Ada' })).text).toBe(first.text);
    const reused = await h.send(c.conversationId, c.token, { id: 'm1', text: 'Grace' });
    expect(reused.status).toBe(409);
    expect(reused.body.error.code).toBe('MESSAGE_ID_REUSED');
    expect(await h.dbSnapshot()).toEqual(before);
    const next = await h.send(c.conversationId, c.token, { id: 'm3', text: 'ja' });
    expect(lines(next.body.messages)).toEqual(['user:ja', 'bot:Danke!']);
  });
});
