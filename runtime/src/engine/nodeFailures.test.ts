import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { ADMIN_TOKEN, eventLines, lines, startHarness, type Harness, type TranscriptEventView } from '../conversations/testRuntime.js';
import { gate, lateSignals } from './testNodes.js';

const APOLOGY_EN = 'Sorry, something went wrong on my side. I am connecting you with our team.';
const at = (y: number) => ({ x: 0, y });

/** Asks, then runs the node under test; `error` leads to a recovery message when connected, `next` to a success message. */
function failureFlow(id: string, node: { type: string; config?: Record<string, unknown> }, errorConnected: boolean): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id,
    name: id,
    locales: ['en'],
    start: 'q',
    variables: { answer: { type: 'string' } },
    nodes: [
      { id: 'q', type: 'ask', version: 1, position: at(0), config: { text: 'Go?', variable: 'answer' } },
      { id: 'n', type: node.type, version: 1, position: at(1), config: node.config ?? {} },
      { id: 'ok', type: 'message', version: 1, position: at(2), config: { text: 'took next' } },
      { id: 'recover', type: 'message', version: 1, position: at(3), config: { text: 'recovered' } },
      { id: 'bye', type: 'end', version: 1, position: at(4), config: { text: 'bye' } },
    ],
    edges: [
      { id: 'e1', from: { node: 'q', port: 'next' }, to: 'n' },
      { id: 'e2', from: { node: 'n', port: 'next' }, to: 'ok' },
      ...(errorConnected ? [{ id: 'e3', from: { node: 'n', port: 'error' }, to: 'recover' }] : []),
      { id: 'e4', from: { node: 'ok', port: 'next' }, to: 'bye' },
      { id: 'e5', from: { node: 'recover', port: 'next' }, to: 'bye' },
    ],
  };
}

const failures = [
  { name: 'throws an Error', type: 'test/throws', config: { kind: 'error' }, reason: 'node_error', message: 'kaputt' },
  { name: 'throws a string', type: 'test/throws', config: { kind: 'string' }, reason: 'node_error', message: 'a plain string was thrown' },
  { name: 'rejects with undefined', type: 'test/throws', config: { kind: 'undefined' }, reason: 'node_error', message: undefined },
  { name: 'never settles (timeoutMs 50)', type: 'test/hangs', config: {}, reason: 'node_timeout', message: 'node did not finish within 50 ms' },
  { name: 'rejects after its deadline', type: 'test/rejects_late', config: {}, reason: 'node_timeout', message: 'node did not finish within 50 ms' },
  { name: 'returns an undeclared port', type: 'test/bad_port', config: {}, reason: 'node_error', message: 'run() returned undeclared port "nowhere"' },
];

function ofType(events: TranscriptEventView[], type: string) {
  return events.filter((event) => event.type === type);
}

describe('a failing node', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    for (const [index, failure] of failures.entries()) {
      await h.publish(failureFlow(`err-${index}`, failure, true));
      await h.publish(failureFlow(`fb-${index}`, failure, false));
    }
  });
  afterAll(() => h.destroy());

  describe.each(failures.map((failure, index) => ({ ...failure, index })))('that $name', ({ index, reason, message }) => {
    it('continues on its error port when that is connected', async () => {
      const c = await h.start(`err-${index}`);
      const reply = await h.send(c.conversationId, c.token, { id: '1', text: 'go' });
      expect(reply.status).toBe(200);
      expect(lines(reply.body.messages)).toEqual(['user:go', 'bot:recovered', 'bot:bye']);
      expect(reply.body.status).toBe('ended');
      const { events } = await h.adminTranscript(c.conversationId);
      const errors = ofType(events, 'node_error');
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ turn: 1, nodeId: 'n', port: 'error', data: { reason } });
      if (message !== undefined) expect(errors[0]!.data!.message).toBe(message);
      expect(events.filter((e) => e.type === 'node_left' && e.nodeId === 'n').map((e) => e.port)).toEqual(['error']);
      expect(ofType(events, 'fallback')).toEqual([]);
      expect(await h.query('SELECT id FROM handoffs WHERE conversation_id = ?', [c.conversationId])).toEqual([]);
      // The log names who provides the failing type, so an operator knows whose code (core or which plugin) failed.
      const logged = h.logs.map((line) => JSON.parse(line)).filter((entry) => entry.msg?.startsWith('node failed') && entry.flowId === `err-${index}`);
      expect(logged.at(-1)).toMatchObject({ nodeId: 'n', source: 'test', reason });
    });

    it('leads to the fallback when its error port is not connected', async () => {
      const c = await h.start(`fb-${index}`);
      const reply = await h.send(c.conversationId, c.token, { id: '1', text: 'go' });
      expect(reply.status).toBe(200);
      expect(reply.body.status).toBe('handed_off');
      expect(lines(reply.body.messages)).toEqual(['user:go', `bot:${APOLOGY_EN}`]);
      expect(reply.body.input).toBeUndefined();
      const { events, status } = await h.adminTranscript(c.conversationId);
      expect(status).toBe('handed_off');
      expect(ofType(events, 'node_error')).toEqual([expect.objectContaining({ nodeId: 'n', data: expect.objectContaining({ reason }) })]);
      expect(ofType(events, 'fallback')).toEqual([expect.objectContaining({ nodeId: 'n', data: expect.objectContaining({ reason }) })]);
      const types = events.filter((e) => e.turn === 1).map((e) => e.type);
      expect(types.indexOf('node_error')).toBeLessThan(types.indexOf('fallback'));
      const handoffs = await h.query('SELECT node_id, reason, status FROM handoffs WHERE conversation_id = ?', [c.conversationId]);
      const reasonText = reason === 'node_timeout'
        ? 'Node "n" took too long; the bot could not continue.'
        : 'Technical error in node "n"; the bot could not continue.';
      expect(handoffs).toEqual([{ node_id: 'n', reason: reasonText, status: 'open' }]);
      const open = await h.request('GET', '/v1/handoffs?status=open', { token: ADMIN_TOKEN });
      expect(open.body.items.map((item: { conversationId: string }) => item.conversationId)).toContain(c.conversationId);
      // Handed off: the next customer message is stored for staff, the bot stays silent.
      const after = await h.send(c.conversationId, c.token, { id: '2', text: 'hello?' });
      expect(after.body).toMatchObject({ status: 'handed_off' });
      expect(lines(after.body.messages)).toEqual(['user:hello?']);
    });
  });

  it('that rejects late does not disturb the conversation once the rejection finally arrives', async () => {
    const index = failures.findIndex((failure) => failure.type === 'test/rejects_late');
    const c = await h.start(`err-${index}`);
    await h.send(c.conversationId, c.token, { id: '1', text: 'go' });
    await lateSignals.rejected.promise;
    const transcript = await h.request('GET', `/v1/conversations/${c.conversationId}`, { token: c.token });
    expect(transcript.body.status).toBe('ended');
    expect(lines(transcript.body.messages)).toEqual(['bot:Go?', 'user:go', 'bot:recovered', 'bot:bye']);
  });
});

describe('a node that keeps running after its deadline', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(() => h.destroy());

  /** q → zombie (times out, error port) → optional held gate → show x → q2 → show x → end. */
  function zombieFlow(id: string, zombieGate: string, holdGate?: string): FlowDocumentInput {
    const hold = holdGate ? [{ id: 'hold', type: 'test/gate', version: 1, position: at(2), config: { gate: holdGate } }] : [];
    const afterZombie = holdGate ? 'hold' : 'show1';
    return {
      format: 'dialogwerk.flow/1',
      id,
      name: id,
      locales: ['en'],
      start: 'q',
      variables: { answer: { type: 'string' }, x: { type: 'string' } },
      nodes: [
        { id: 'q', type: 'ask', version: 1, position: at(0), config: { text: 'Go?', variable: 'answer' } },
        { id: 'z', type: 'test/zombie', version: 1, position: at(1), config: { gate: zombieGate, variable: 'x' } },
        ...hold,
        { id: 'show1', type: 'message', version: 1, position: at(3), config: { text: 'first x=[{{x}}]' } },
        { id: 'q2', type: 'ask', version: 1, position: at(4), config: { text: 'Second?', variable: 'answer' } },
        { id: 'show2', type: 'message', version: 1, position: at(5), config: { text: 'second x=[{{x}}]' } },
        { id: 'bye', type: 'end', version: 1, position: at(6), config: {} },
      ],
      edges: [
        { id: 'e1', from: { node: 'q', port: 'next' }, to: 'z' },
        { id: 'e2', from: { node: 'z', port: 'next' }, to: afterZombie },
        { id: 'e3', from: { node: 'z', port: 'error' }, to: afterZombie },
        ...(holdGate ? [{ id: 'e4', from: { node: 'hold', port: 'next' }, to: 'show1' }] : []),
        { id: 'e5', from: { node: 'show1', port: 'next' }, to: 'q2' },
        { id: 'e6', from: { node: 'q2', port: 'next' }, to: 'show2' },
        { id: 'e7', from: { node: 'show2', port: 'next' }, to: 'bye' },
      ],
    };
  }

  async function expectNoTrace(conversationId: string) {
    const { events } = await h.adminTranscript(conversationId);
    expect(eventLines(events).some((line) => line.includes('zombie'))).toBe(false);
    expect(ofType(events, 'zombie_event')).toEqual([]);
    const state = JSON.parse(String((await h.query('SELECT state FROM conversations WHERE id = ?', [conversationId]))[0]!.state));
    expect(state.vars).toEqual({ answer: 'two' });
  }

  it('cannot change the turn that is still running after it timed out', async () => {
    await h.publish(zombieFlow('zombie-mid', 'zombie-mid', 'hold-mid'));
    const c = await h.start('zombie-mid');
    const hold = gate('hold-mid');
    const held = hold.arrived.promise;
    const first = h.send(c.conversationId, c.token, { id: '1', text: 'go' });
    // The zombie timed out and the turn moved on to the next gate; now the zombie wakes up inside that same turn.
    await held;
    gate('zombie-mid').open();
    await gate('zombie-mid').done.promise;
    hold.open();
    expect(lines((await first).body.messages)).toEqual(['user:go', 'bot:first x=[]', 'bot:Second?']);
    const second = await h.send(c.conversationId, c.token, { id: '2', text: 'two' });
    expect(lines(second.body.messages)).toEqual(['user:two', 'bot:second x=[]']);
    await expectNoTrace(c.conversationId);
  });

  it('cannot change the conversation after its turn was committed', async () => {
    await h.publish(zombieFlow('zombie-late', 'zombie-late'));
    const c = await h.start('zombie-late');
    const first = await h.send(c.conversationId, c.token, { id: '1', text: 'go' });
    expect(lines(first.body.messages)).toEqual(['user:go', 'bot:first x=[]', 'bot:Second?']);
    gate('zombie-late').open();
    await gate('zombie-late').done.promise;
    const second = await h.send(c.conversationId, c.token, { id: '2', text: 'two' });
    expect(lines(second.body.messages)).toEqual(['user:two', 'bot:second x=[]']);
    await expectNoTrace(c.conversationId);
  });
});

describe('the loop guard', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ maxStepsPerTurn: 25 });
  });
  afterAll(() => h.destroy());

  /** A non-waiting cycle the validator would refuse, stored directly as a published version. */
  function loopFlow(id: string, settings: Record<string, unknown>, startWithQuestion: boolean): FlowDocumentInput {
    return {
      format: 'dialogwerk.flow/1',
      id,
      name: id,
      locales: ['en'],
      start: startWithQuestion ? 'q' : 'a',
      variables: { answer: { type: 'string' } },
      settings,
      nodes: [
        { id: 'q', type: 'ask', version: 1, position: at(0), config: { text: 'Go?', variable: 'answer' } },
        { id: 'a', type: 'test/noop', version: 1, position: at(1), config: {} },
        { id: 'b', type: 'test/noop', version: 1, position: at(2), config: {} },
      ],
      edges: [
        { id: 'e1', from: { node: 'q', port: 'next' }, to: 'a' },
        { id: 'e2', from: { node: 'a', port: 'next' }, to: 'b' },
        { id: 'e3', from: { node: 'b', port: 'next' }, to: 'a' },
      ],
    };
  }

  it('is refused by the validator, so these flows are stored bypassing it', async () => {
    const put = await h.request('PUT', '/v1/flows/loop-check', { body: loopFlow('loop-check', {}, false), token: ADMIN_TOKEN });
    expect(put.status).toBe(422);
  });

  it("stops a turn after the flow's maxStepsPerTurn with the fallback", async () => {
    await h.publishUnchecked(loopFlow('loop-10', { maxStepsPerTurn: 10, fallbackText: 'Custom apology' }, false));
    const started = await h.start('loop-10');
    expect(started.status).toBe('handed_off');
    expect(lines(started.messages)).toEqual(['bot:Custom apology']);
    const { events } = await h.adminTranscript(started.conversationId);
    expect(events.filter((e) => e.type === 'node_entered').map((e) => e.nodeId)).toEqual(['a', 'b', 'a', 'b', 'a', 'b', 'a', 'b', 'a', 'b']);
    expect(ofType(events, 'fallback')).toEqual([
      expect.objectContaining({ nodeId: 'a', data: expect.objectContaining({ reason: 'loop_guard' }) }),
    ]);
    expect(await h.query('SELECT node_id, reason, status FROM handoffs WHERE conversation_id = ?', [started.conversationId])).toEqual([
      { node_id: 'a', reason: 'The flow was going round in circles (at node "a") and was stopped.', status: 'open' },
    ]);
  });

  it("uses the runtime's default step limit when the flow sets none, also in a message turn", async () => {
    await h.publishUnchecked(loopFlow('loop-default', {}, true));
    const started = await h.start('loop-default');
    const reply = await h.send(started.conversationId, started.token, { id: '1', text: 'go' });
    expect(reply.status).toBe(200);
    expect(reply.body.status).toBe('handed_off');
    expect(lines(reply.body.messages)).toEqual(['user:go', `bot:${APOLOGY_EN}`]);
    const { events } = await h.adminTranscript(started.conversationId);
    // The resumed question is step 1 of 25; the loop gets the other 24.
    expect(events.filter((e) => e.turn === 1 && e.type === 'node_entered')).toHaveLength(24);
    expect(ofType(events, 'fallback')).toEqual([expect.objectContaining({ turn: 1, data: expect.objectContaining({ reason: 'loop_guard' }) })]);
  });
});
