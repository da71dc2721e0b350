import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { loopingThreeQuestionFlow, threeQuestionFlow } from '../testing/flowFixtures.js';
import { gate } from '../engine/testNodes.js';
import { eventLines, lines, startHarness, type Harness } from './testRuntime.js';

/** Asks, then passes a test gate (which holds the turn until the test opens it), then echoes the answer and asks again. */
function gatedFlow(id: string, gateName: string): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id,
    name: 'Gated',
    locales: ['en'],
    start: 'q',
    variables: { answer: { type: 'string' } },
    nodes: [
      { id: 'q', type: 'ask', version: 1, position: { x: 0, y: 0 }, config: { text: 'Q?', variable: 'answer' } },
      { id: 'g', type: 'test/gate', version: 1, position: { x: 0, y: 1 }, config: { gate: gateName } },
      { id: 'echo', type: 'message', version: 1, position: { x: 0, y: 2 }, config: { text: 'after {{answer}}' } },
    ],
    edges: [
      { id: 'e1', from: { node: 'q', port: 'next' }, to: 'g' },
      { id: 'e2', from: { node: 'g', port: 'next' }, to: 'echo' },
      { id: 'e3', from: { node: 'echo', port: 'next' }, to: 'q' },
    ],
  };
}

/**
 * What the looping three-question flow must answer to its k-th message when every message is an e-mail address:
 * valid as name and as e-mail, never as yes/no, so the news question is re-asked twice and then loops back.
 */
function expectedReply(k: number, text: string): string[] {
  switch ((k - 1) % 5) {
    case 0:
      return [`user:${text}`, `bot:Your email, ${text}?`];
    case 1:
      return [`user:${text}`, 'bot:Newsletter?'];
    case 2:
    case 3:
      return [`user:${text}`, 'bot:Please answer yes or no.'];
    default:
      return [`user:${text}`, 'bot:What is your name?'];
  }
}

describe('messages to one conversation are processed one at a time', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.publish(loopingThreeQuestionFlow('loop'));
    await h.publish(threeQuestionFlow('tq'));
    await h.publish(gatedFlow('gated-a', 'parallel'));
    await h.publish(gatedFlow('gated-b', 'fifo'));
  });
  afterAll(() => h.destroy());

  it('30 concurrent POSTs: all 200, none lost, turns 1..30 without gaps, each reply built on the previous turn', async () => {
    const started = await h.start('loop', { locale: 'en' });
    const texts = Array.from({ length: 30 }, (_, i) => `user${String(i).padStart(2, '0')}@example.com`);
    const replies = await Promise.all(texts.map((text, i) => h.send(started.conversationId, started.token, { id: `msg-${i}`, text })));
    expect(replies.map((reply) => reply.status)).toEqual(texts.map(() => 200));

    const turns = await h.query('SELECT seq, client_message_id FROM turns WHERE conversation_id = ? ORDER BY seq', [started.conversationId]);
    expect(turns.map((turn) => turn.seq)).toEqual(Array.from({ length: 31 }, (_, i) => i));
    expect(turns.slice(1).map((turn) => turn.client_message_id).sort()).toEqual(texts.map((_, i) => `u:msg-${i}`).sort());
    expect((await h.query('SELECT turn FROM conversations WHERE id = ?', [started.conversationId]))[0]!.turn).toBe(30);

    // The order the server processed them in, read from the transcript: one user message per turn.
    const { events } = await h.adminTranscript(started.conversationId);
    const processed: string[] = [];
    for (let k = 1; k <= 30; k++) {
      const turnLines = eventLines(events, k);
      const user = turnLines.filter((line) => line.startsWith('user:'));
      expect(user).toHaveLength(1);
      const text = user[0]!.slice('user:'.length);
      processed.push(text);
      // Each turn's replies follow its own message and match both the POST's response and the flow's logic.
      expect(turnLines).toEqual(expectedReply(k, text));
      expect(lines(replies[texts.indexOf(text)]!.body.messages)).toEqual(turnLines);
    }
    expect([...processed].sort()).toEqual([...texts].sort());

    const transcript = await h.request('GET', `/v1/conversations/${started.conversationId}`, { token: started.token });
    expect(lines(transcript.body.messages)).toEqual([
      'bot:What is your name?',
      ...processed.flatMap((text, i) => expectedReply(i + 1, text)),
    ]);
  });

  it('keeps the arrival order while a turn is held up, and lets other conversations progress meanwhile', async () => {
    const held = await h.start('gated-a');
    const other = await h.start('tq', { locale: 'en' });
    const parallel = gate('parallel');
    const arrived = parallel.arrived.promise;
    let firstSettled = false;
    const first = h.send(held.conversationId, held.token, { id: '1', text: 'one' }).finally(() => (firstSettled = true));
    expect(await arrived).toBe(1);
    const second = h.send(held.conversationId, held.token, { id: '2', text: 'two' });

    // Another conversation goes through a whole turn while the first one is stuck at the gate.
    const otherReply = await h.send(other.conversationId, other.token, { id: 'x', text: 'Bob' });
    expect(lines(otherReply.body.messages)).toEqual(['user:Bob', 'bot:Your email, Bob?']);
    expect(firstSettled).toBe(false);
    // The second message to the held conversation has not started its turn.
    expect(parallel.entered).toBe(1);

    parallel.open();
    expect(lines((await first).body.messages)).toEqual(['user:one', 'bot:after one', 'bot:Q?']);
    expect(lines((await second).body.messages)).toEqual(['user:two', 'bot:after two', 'bot:Q?']);
    expect(parallel.entered).toBe(2);
  });

  it('processes queued messages in the order they were handed to the service', async () => {
    const started = await h.start('gated-b');
    const fifo = gate('fifo');
    const arrived = fifo.arrived.promise;
    const results = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'].map((text) =>
      h.conversations.send(started.conversationId, started.token, { id: text, text }),
    );
    await arrived;
    fifo.open();
    const replies = await Promise.all(results);
    expect(replies.map((reply) => lines(reply.messages))).toEqual(
      ['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'].map((text) => [`user:${text}`, `bot:after ${text}`, 'bot:Q?']),
    );
    const turns = await h.query('SELECT seq, client_message_id FROM turns WHERE conversation_id = ? ORDER BY seq', [started.conversationId]);
    expect(turns.map((turn) => [turn.seq, turn.client_message_id])).toEqual([
      [0, null], ...['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6', 'm7'].map((text, i) => [i + 1, `u:${text}`]),
    ]);
  });
});
