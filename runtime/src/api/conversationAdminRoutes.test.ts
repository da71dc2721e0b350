import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { ADMIN_TOKEN, startHarness, type Harness } from '../conversations/testRuntime.js';
import { REDACTED } from '../engine/redaction.js';
import { createLogger } from '../logging/logger.js';
import { SecretBox } from '../security/secretBox.js';
import { adminAuth, tokenMatcher } from './adminAuth.js';
import type { AppEnv } from './appEnv.js';
import { conversationAdminRoutes } from './conversationAdminRoutes.js';
import { errorResponse } from './errorResponse.js';
import { openApiDocument } from './openApiDocument.js';
import { schemaViolations } from './openApiSchemaCheck.js';
import type { JsonSchema } from './openApiTypes.js';

const PIN = 'Zebra-4711-Geheim';
const at = (y: number) => ({ x: 0, y });

/** A choice, a sensitive PIN, a yes/no and an end: the transcript's state after each turn is checked. */
function pinFlow(): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id: 'pin-check',
    name: 'PIN check',
    locales: ['de'],
    start: 'topic',
    variables: { topic: { type: 'string' }, pin: { type: 'string' }, ok: { type: 'boolean' } },
    nodes: [
      {
        id: 'topic', type: 'ask', version: 1, position: at(0),
        config: { text: 'Worum geht es?', variable: 'topic', input: 'choice', choices: [{ id: 'offer', label: 'Angebot' }, { id: 'other', label: 'Anderes' }] },
      },
      { id: 'pin', type: 'ask', version: 1, position: at(1), sensitive: true, config: { text: 'Ihre PIN?', variable: 'pin' } },
      { id: 'confirm', type: 'ask', version: 1, position: at(2), config: { text: 'Fertig?', variable: 'ok', input: 'yesno' } },
      { id: 'bye', type: 'end', version: 1, position: at(3), config: { text: 'Tschüss' } },
    ],
    edges: [
      { id: 'e1', from: { node: 'topic', port: 'offer' }, to: 'pin' },
      { id: 'e2', from: { node: 'topic', port: 'other' }, to: 'pin' },
      { id: 'e3', from: { node: 'topic', port: 'invalid' }, to: 'pin' },
      { id: 'e4', from: { node: 'pin', port: 'next' }, to: 'confirm' },
      { id: 'e5', from: { node: 'confirm', port: 'yes' }, to: 'bye' },
      { id: 'e6', from: { node: 'confirm', port: 'no' }, to: 'bye' },
    ],
  };
}

const documented = (() => {
  const doc = openApiDocument('test') as { paths: Record<string, { get: { responses: Record<string, { content: { 'application/json': { schema: JsonSchema } } }> } }> };
  return { doc, schema: doc.paths['/v1/conversations/{conversationId}/transcript']!.get.responses['200']!.content['application/json'].schema };
})();

/** The admin transcript routes alone, over the harness's database, on their own port: wired with the given key. */
async function serveRoutes(h: Harness, box: SecretBox): Promise<{ url: string; close: () => Promise<void> }> {
  const app = new Hono<AppEnv>();
  const matcher = tokenMatcher(() => ADMIN_TOKEN);
  app.use('*', async (c, next) => {
    c.set('isAdminToken', matcher);
    await next();
  });
  const log = createLogger({ level: 'silent' });
  app.onError((error, c) => errorResponse(error, c, log));
  app.use('*', adminAuth());
  app.route('/v1', conversationAdminRoutes(h.database.client, { box }));
  const server = await new Promise<ServerType>((resolve, reject) => {
    const instance = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(instance));
    instance.once('error', reject);
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function transcriptAt(url: string, conversationId: string): Promise<{ text: string; body: any }> {
  const response = await fetch(`${url}/v1/conversations/${conversationId}/transcript`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
  expect(response.status).toBe(200);
  const text = await response.text();
  const body = JSON.parse(text);
  expect(schemaViolations(documented.doc, documented.schema, body)).toEqual([]);
  return { text, body };
}

describe('GET /v1/conversations/{id}/transcript: state', () => {
  let h: Harness;
  let keyed: { url: string; close: () => Promise<void> };
  let otherKey: { url: string; close: () => Promise<void> };

  beforeAll(async () => {
    h = await startHarness();
    await h.publish(pinFlow());
    keyed = await serveRoutes(h, SecretBox.fromKeyFile(path.join(h.dataDir, 'secret.key')));
    otherKey = await serveRoutes(h, SecretBox.fromPassphrase('not the key the state was sealed with'));
  });

  afterAll(async () => {
    await keyed?.close();
    await otherKey?.close();
    await h?.destroy();
  });

  it('says where the conversation waits and what it knows after every turn, masking sensitive answers', async () => {
    const c = await h.start('pin-check');
    let view = await transcriptAt(h.url, c.conversationId);
    expect(view.body.state).toEqual({ waitingNodeId: 'topic', variables: {} });
    // Only added: the fields that were there before are still there.
    expect(view.body).toMatchObject({ conversationId: c.conversationId, flowId: 'pin-check', status: 'awaiting_input', locale: 'de' });
    expect(view.body.events.some((event: { type: string; nodeId: string }) => event.type === 'node_entered' && event.nodeId === 'topic')).toBe(true);

    expect((await h.send(c.conversationId, c.token, { id: 'm1', choice: 'offer' })).status).toBe(200);
    view = await transcriptAt(h.url, c.conversationId);
    expect(view.body.state).toEqual({ waitingNodeId: 'pin', variables: { topic: 'offer' } });

    expect((await h.send(c.conversationId, c.token, { id: 'm2', text: PIN })).status).toBe(200);
    const plain = await transcriptAt(h.url, c.conversationId);
    const masked = await transcriptAt(keyed.url, c.conversationId);
    expect(masked.body.state).toEqual({ waitingNodeId: 'confirm', variables: { topic: 'offer', pin: REDACTED } });
    // The runtime itself wires its key into the route, so its own answer masks too.
    expect(plain.body.state).toEqual(masked.body.state);
    for (const text of [plain.text, masked.text]) expect(text).not.toContain('4711');

    // With a key that cannot open the sealed answers, their names are left out instead of failing.
    const wrongKey = await transcriptAt(otherKey.url, c.conversationId);
    expect(wrongKey.body.state).toEqual({ waitingNodeId: 'confirm', variables: { topic: 'offer' } });

    expect((await h.send(c.conversationId, c.token, { id: 'm3', choice: 'yes' })).status).toBe(200);
    const ended = await transcriptAt(keyed.url, c.conversationId);
    expect(ended.body.status).toBe('ended');
    expect(ended.body.state).toEqual({ waitingNodeId: null, variables: { topic: 'offer', ok: true } });
  });

  it('still answers 404 for an unknown conversation', async () => {
    const response = await fetch(`${keyed.url}/v1/conversations/nope/transcript`, { headers: { authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(response.status).toBe(404);
    expect((await response.json()).error.code).toBe('CONVERSATION_NOT_FOUND');
  });
});
