import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';

/**
 * Saving and validating answer with the ports of every node whose ports depend on its config, so the builder draws
 * what the node's own `ports(config)` says (also for plugin nodes whose config shape it cannot guess).
 */

let server: TestServer;

const flow = (choices: { id: string; label: string }[], intentText?: unknown) => ({
  format: 'dialogwerk.flow/1',
  id: 'ports-demo',
  name: 'Ports',
  locales: ['de'],
  start: 'topic',
  nodes: [
    { id: 'topic', type: 'ask', version: 1, position: { x: 0, y: 0 }, config: { text: 'Worum geht es?', variable: 'topic', input: 'choice', choices } },
    { id: 'hello', type: 'message', version: 1, position: { x: 0, y: 100 }, config: { text: 'Hallo' } },
    { id: 'broken', type: 'ask', version: 1, position: { x: 0, y: 200 }, config: { text: intentText, variable: 'x' } },
    { id: 'bye', type: 'end', version: 1, position: { x: 0, y: 300 }, config: {} },
  ],
  edges: [],
});

describe('ports in save and validation answers', () => {
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => server?.stop());

  it('lists the config-dependent ports of readable nodes on save, and leaves out static and unreadable ones', async () => {
    const saved = await server.request('PUT', '/v1/flows/ports-demo?allowErrors=true', {
      token: server.adminToken,
      body: flow([{ id: 'offer', label: 'Angebot' }, { id: 'repair', label: 'Reparatur' }]),
    });
    expect(saved.status).toBe(200);
    expect(saved.body.ports.topic.map((port: { id: string }) => port.id)).toEqual(['offer', 'repair', 'invalid']);
    expect(saved.body.ports.topic[0].label).toEqual({ de: 'Angebot', en: 'Angebot' });
    expect(saved.body.ports).not.toHaveProperty('hello');
    expect(saved.body.ports).not.toHaveProperty('broken');
  });

  it('answers the same ports when the stored draft or a posted document is validated', async () => {
    await server.request('PUT', '/v1/flows/ports-demo?allowErrors=true', { token: server.adminToken, body: flow([{ id: 'a', label: 'A' }], 'Frage?') });
    const stored = await server.request('POST', '/v1/flows/ports-demo/validate', { token: server.adminToken });
    expect(Object.keys(stored.body.ports).sort()).toEqual(['broken', 'topic']);
    expect(stored.body.ports.topic.map((port: { id: string }) => port.id)).toEqual(['a', 'invalid']);
    const posted = await server.request('POST', '/v1/validate', { token: server.adminToken, body: flow([{ id: 'b', label: 'B' }]) });
    expect(posted.body.ports.topic.map((port: { id: string }) => port.id)).toEqual(['b', 'invalid']);
  });
});
