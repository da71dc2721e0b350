import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { publishFlow } from '../testing/publishFlow.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import type { DomainEvent } from './domainEvents.js';

/** A rating at the end: the `end` node records `csat`, which must land in `domain_events` and reach subscribers. */
function ratingFlow(id = 'rating'): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id,
    name: 'Rating',
    locales: ['de', 'en'],
    start: 'bye',
    nodes: [{ id: 'bye', type: 'end', version: 1, position: { x: 0, y: 0 }, config: { text: 'Danke!', csat: true } }],
    edges: [],
  };
}

let server: TestServer;

async function rate(flowId: string, rating: string, messageId = 'm1') {
  const started = await server.request('POST', `/v1/bots/${flowId}/conversations`, { body: {} });
  expect(started.status).toBe(201);
  const reply = await server.request('POST', `/v1/conversations/${started.body.conversationId}/messages`, {
    body: { id: messageId, text: rating }, token: started.body.token,
  });
  expect(reply.status).toBe(200);
  return { conversationId: started.body.conversationId as string, token: started.body.token as string };
}

async function storedEvents() {
  const result = await server.runtime.database.client.execute('SELECT * FROM domain_events ORDER BY id');
  return result.rows;
}

beforeEach(async () => {
  server = await startTestServer();
  await publishFlow(server, ratingFlow());
});

afterEach(async () => {
  await server.stop();
});

describe('domain events', () => {
  it('stores what a node records with the turn, with flow, version, node and test flag', async () => {
    const { conversationId } = await rate('rating', '4');
    const rows = await storedEvents();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      conversation_id: conversationId, flow_id: 'rating', flow_version: 1, is_test: 0, node_id: 'bye', type: 'csat', workspace_id: 'default',
    });
    expect(JSON.parse(String(rows[0]!.data))).toEqual({ rating: 4 });
  });

  it('stores an event once when the client retries the message', async () => {
    const { conversationId, token } = await rate('rating', '5');
    const retry = await server.request('POST', `/v1/conversations/${conversationId}/messages`, { body: { id: 'm1', text: '5' }, token });
    expect(retry.status).toBe(200);
    expect(await storedEvents()).toHaveLength(1);
  });

  it('delivers committed events to a subscriber in order, only the types it asked for', async () => {
    const received: DomainEvent[] = [];
    server.runtime.events.subscribe({ name: 'test-crm', types: ['csat'], handler: (event) => void received.push(event) });
    await rate('rating', '2');
    await rate('rating', '5');
    await server.runtime.events.drain();
    expect(received.map((event) => event.data.rating)).toEqual([2, 5]);
    expect(received[0]).toMatchObject({ type: 'csat', flowId: 'rating', isTest: false, nodeId: 'bye' });
    expect(received[1]!.id).toBeGreaterThan(received[0]!.id);
  });

  it('does not replay history to a new subscriber, and continues from its stored cursor', async () => {
    await rate('rating', '1');
    const first: number[] = [];
    server.runtime.events.subscribe({ name: 'late', types: '*', handler: (event) => void first.push(Number(event.data.rating)) });
    await server.runtime.events.drain();
    expect(first).toEqual([]);
    await rate('rating', '3');
    await server.runtime.events.drain();
    expect(first).toEqual([3]);
    const cursor = await server.runtime.database.client.execute(`SELECT value FROM settings WHERE key = 'events.cursor.late'`);
    const [last] = (await storedEvents()).slice(-1);
    expect(Number(cursor.rows[0]!.value)).toBe(Number(last!.id));
  });

  it('retries a failing handler and then delivers the event', async () => {
    let calls = 0;
    const delivered: number[] = [];
    server.runtime.events.subscribe({
      name: 'flaky',
      types: ['csat'],
      handler: (event) => {
        calls += 1;
        if (calls === 1) throw new Error('CRM unavailable');
        delivered.push(Number(event.data.rating));
      },
    });
    await rate('rating', '4');
    for (let i = 0; i < 100 && delivered.length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(delivered).toEqual([4]);
    expect(calls).toBe(2);
  });

  it('refuses two subscribers with the same name (their cursors would clash)', () => {
    server.runtime.events.subscribe({ name: 'crm', types: '*', handler: () => undefined });
    expect(() => server.runtime.events.subscribe({ name: 'crm', types: '*', handler: () => undefined })).toThrow(/exists already/);
  });
});
