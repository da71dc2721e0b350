import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { threeQuestionFlow } from '../testing/flowFixtures.js';
import { eventLines, eventSummary, lines, startHarness, type Harness } from './testRuntime.js';

/** Makes any conversation update whose new state mentions POISON fail with an ordinary (non-constraint) SQL error. */
const POISON_UPDATES = `CREATE TRIGGER poison_updates BEFORE UPDATE ON conversations WHEN NEW.state LIKE '%POISON%'
  BEGIN SELECT json('{not json'); END`;

async function conversationRow(h: Harness, id: string) {
  return (await h.query('SELECT status, state, turn, ended_at FROM conversations WHERE id = ?', [id]))[0]!;
}

async function turnRows(h: Harness, id: string) {
  return h.query('SELECT seq, kind, client_message_id, response FROM turns WHERE conversation_id = ? ORDER BY seq', [id]);
}

describe('a turn commits atomically', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
    await h.publish(threeQuestionFlow('tq'));
  });
  afterEach(() => h.destroy());

  it('has the turn row, its events and the new conversation state in the database when a message is acknowledged', async () => {
    const started = await h.start('tq', { locale: 'en' });
    const id = started.conversationId;
    expect(await conversationRow(h, id)).toMatchObject({ status: 'awaiting_input', turn: 0 });
    expect((await turnRows(h, id)).map((t) => [t.seq, t.kind])).toEqual([[0, 'start']]);
    expect(eventSummary((await h.adminTranscript(id)).events)).toEqual([
      [0, 'conversation_started', null],
      [0, 'node_entered', 'name'],
      [0, 'message', 'name'],
    ]);

    const answers = [
      { id: 'a1', text: 'Ada', waiting: 'email', reply: ['user:Ada', 'bot:Your email, Ada?'] },
      { id: 'a2', text: 'ada@example.com', waiting: 'news', reply: ['user:ada@example.com', 'bot:Newsletter?'] },
      { id: 'a3', text: 'yes', waiting: undefined, reply: ['user:yes', 'bot:Thanks!'] },
    ];
    for (const [index, answer] of answers.entries()) {
      const seq = index + 1;
      const reply = await h.send(id, started.token, { id: answer.id, text: answer.text });
      expect(reply.status).toBe(200);
      expect(lines(reply.body.messages)).toEqual(answer.reply);
      // Acknowledged means durable: read straight from the database right after the 200.
      const conversation = await conversationRow(h, id);
      expect(conversation.turn).toBe(seq);
      expect(conversation.status).toBe(reply.body.status);
      expect(JSON.parse(String(conversation.state)).waiting?.nodeId).toBe(answer.waiting);
      const turns = await turnRows(h, id);
      expect(turns.map((t) => t.seq)).toEqual([...Array(seq + 1).keys()]);
      expect(turns[seq]!.client_message_id).toBe(`u:${answer.id}`);
      const transcript = await h.adminTranscript(id);
      expect(eventLines(transcript.events, seq)).toEqual(answer.reply);
      expect(transcript.events.filter((e) => e.turn === seq).map((e) => e.type)).toContain('node_left');
    }
    const final = await conversationRow(h, id);
    expect(final).toMatchObject({ status: 'ended', turn: 3 });
    expect(final.ended_at).not.toBeNull();
    expect(JSON.parse(String(final.state)).vars).toEqual({ name: 'Ada', email: 'ada@example.com', news: true });
  });

  it('leaves nothing of a turn whose commit fails, and the next message continues from the previous state', async () => {
    const started = await h.start('tq', { locale: 'en' });
    const id = started.conversationId;
    await h.database.client.execute(POISON_UPDATES);
    const before = await h.dbSnapshot();

    // The turn row is inserted before the conversation update fails: the whole transaction must roll back.
    const failed = await h.send(id, started.token, { id: 'p1', text: 'POISON' });
    expect(failed.status).toBe(500);
    expect(failed.body.error.code).toBe('INTERNAL');
    expect(await h.dbSnapshot()).toEqual(before);

    // "POISON" was a valid name. Had the cached state advanced, "Ada" would now be taken as the e-mail answer.
    // The failed id was not remembered either: reusing it with another body is a fresh message, not a 409.
    const next = await h.send(id, started.token, { id: 'p1', text: 'Ada' });
    expect(next.status).toBe(200);
    expect(lines(next.body.messages)).toEqual(['user:Ada', 'bot:Your email, Ada?']);
    expect((await turnRows(h, id)).map((t) => [t.seq, t.client_message_id])).toEqual([[0, null], [1, 'u:p1']]);
    expect(eventLines((await h.adminTranscript(id)).events)).toEqual(['bot:What is your name?', 'user:Ada', 'bot:Your email, Ada?']);
  });

  it('stores no conversation at all when the commit of its start fails', async () => {
    await h.publish(threeQuestionFlow('tq-poisoned'));
    await h.database.client.execute(`CREATE TRIGGER poison_starts BEFORE INSERT ON turns
      WHEN NEW.conversation_id IN (SELECT id FROM conversations WHERE flow_id = 'tq-poisoned') BEGIN SELECT json('{not json'); END`);
    const before = await h.dbSnapshot();
    const failed = await h.request('POST', '/v1/bots/tq-poisoned/conversations', { body: { locale: 'en' } });
    expect(failed.status).toBe(500);
    expect(await h.dbSnapshot()).toEqual(before);
  });

  it('does not take down turns of other conversations committed alongside a failing one', async () => {
    const others = await Promise.all([1, 2, 3, 4, 5].map(() => h.start('tq', { locale: 'en' })));
    const victim = await h.start('tq', { locale: 'en' });
    await h.database.client.execute(POISON_UPDATES);
    const victimTurns = await turnRows(h, victim.conversationId);
    const victimRow = await conversationRow(h, victim.conversationId);
    // Straight through the service so the turns finish close together and can share a group commit.
    const results = await Promise.allSettled([
      h.conversations.send(victim.conversationId, victim.token, { id: 'x', text: 'POISON' }),
      ...others.map((o, i) => h.conversations.send(o.conversationId, o.token, { id: 'x', text: `Name${i}` })),
    ]);
    expect(results[0]!.status).toBe('rejected');
    for (const [i, result] of results.slice(1).entries()) {
      expect(result.status).toBe('fulfilled');
      const value = (result as PromiseFulfilledResult<{ messages: { role: string; text: string }[] }>).value;
      expect(lines(value.messages)).toEqual([`user:Name${i}`, `bot:Your email, Name${i}?`]);
      expect((await conversationRow(h, others[i]!.conversationId)).turn).toBe(1);
      expect((await turnRows(h, others[i]!.conversationId)).map((t) => t.seq)).toEqual([0, 1]);
    }
    expect(await turnRows(h, victim.conversationId)).toEqual(victimTurns);
    expect(await conversationRow(h, victim.conversationId)).toEqual(victimRow);
  });

  it('is not half-written when it hits a unique violation, and the conversation recovers once that clears', async () => {
    const started = await h.start('tq', { locale: 'en' });
    const id = started.conversationId;
    // A stray row occupying the next turn number (a copy of turn 0) makes every commit of turn 1 violate the key.
    const columns = (await h.query(`SELECT name FROM pragma_table_info('turns')`)).map((c) => String(c.name));
    const values = columns.map((c) => (c === 'seq' ? '1' : c === 'client_message_id' ? `'u:stray'` : `"${c}"`));
    await h.database.client.execute({
      sql: `INSERT INTO turns (${columns.map((c) => `"${c}"`).join(',')}) SELECT ${values.join(',')} FROM turns WHERE conversation_id = ? AND seq = 0`,
      args: [id],
    });
    const before = await h.dbSnapshot();
    const failed = await h.send(id, started.token, { id: 'm1', text: 'Grace' });
    expect(failed.status).toBe(500);
    expect(await h.dbSnapshot()).toEqual(before);

    await h.database.client.execute({ sql: 'DELETE FROM turns WHERE conversation_id = ? AND seq = 1', args: [id] });
    const next = await h.send(id, started.token, { id: 'm1', text: 'Ada' });
    expect(next.status).toBe(200);
    expect(lines(next.body.messages)).toEqual(['user:Ada', 'bot:Your email, Ada?']);
    expect((await turnRows(h, id)).map((t) => [t.seq, t.client_message_id])).toEqual([[0, null], [1, 'u:m1']]);
  });

  it('detects a turn committed meanwhile by another runtime process and reruns the message on the fresh state', async () => {
    const started = await h.start('tq', { locale: 'en' });
    const id = started.conversationId;
    expect((await h.send(id, started.token, { id: 'm1', text: 'Ada' })).status).toBe(200);
    // A second process answers the e-mail question; this process's cache still has the e-mail question open.
    const peer = await h.openPeer();
    try {
      const peerReply = await peer.conversations.send(id, started.token, { id: 'm2', text: 'ada@example.com' });
      expect(lines(peerReply.messages)).toEqual(['user:ada@example.com', 'bot:Newsletter?']);
    } finally {
      peer.close();
    }
    // "ja" is no e-mail address: on the stale state it would be a retry; on the fresh one it answers the newsletter.
    const reply = await h.send(id, started.token, { id: 'm3', text: 'ja' });
    expect(reply.status).toBe(200);
    expect(lines(reply.body.messages)).toEqual(['user:ja', 'bot:Thanks!']);
    expect((await turnRows(h, id)).map((t) => [t.seq, t.client_message_id])).toEqual([[0, null], [1, 'u:m1'], [2, 'u:m2'], [3, 'u:m3']]);
    expect(await conversationRow(h, id)).toMatchObject({ status: 'ended', turn: 3 });
    expect(eventLines((await h.adminTranscript(id)).events, 3)).toEqual(['user:ja', 'bot:Thanks!']);
  });
});
