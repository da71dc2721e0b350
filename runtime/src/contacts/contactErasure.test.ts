import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { expectError } from '../api/apiTest.testkit.js';
import { download, PNG, startConversation, uploadMultipart } from '../files/files.testkit.js';
import { publishFlow } from '../testing/publishFlow.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';

const node = (id: string, type: string, config: Record<string, unknown>) => ({ id, type, version: 1, position: { x: 0, y: 0 }, config });
const edge = (from: string, port: string, to: string) => ({ id: `${from}-${port}`, from: { node: from, port }, to });

/** A damage report that stays open after the lead: photo, email, lead with the photo, then one more question. */
function reportFlow(id: string): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1', id, name: 'Schaden', locales: ['de', 'en'], start: 'photo',
    variables: { photo: { type: 'file' }, email: { type: 'string', pii: true }, note: { type: 'string' } },
    nodes: [
      node('photo', 'ask', { text: 'Foto?', variable: 'photo', input: 'file', files: { accept: ['image/*'], maxFiles: 1 } }),
      node('email', 'ask', { text: 'E-Mail?', variable: 'email', input: 'email' }),
      node('lead', 'capture_lead', { fields: { email: 'email', files: 'photo' } }),
      node('note', 'ask', { text: 'Noch etwas?', variable: 'note' }),
      node('bye', 'end', { text: 'Danke!' }),
    ],
    edges: [
      edge('photo', 'next', 'email'), edge('photo', 'invalid', 'bye'), edge('email', 'next', 'lead'), edge('email', 'invalid', 'bye'),
      edge('lead', 'captured', 'note'), edge('note', 'next', 'bye'), edge('note', 'invalid', 'bye'),
    ],
  };
}

describe('erasing a contact over HTTP', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
    await publishFlow(server, reportFlow('report'));
  });
  afterAll(() => server?.stop());

  it('ends the customer\'s access at once and deletes the conversation\'s uploaded files', async () => {
    const { conversationId, token } = await startConversation(server, 'report');
    const photo = (await uploadMultipart(server, conversationId, token, PNG, 'schaden.png', 'image/png')).body as { id: string; url: string };
    const send = (id: string, body: Record<string, unknown>) =>
      server.request('POST', `/v1/conversations/${conversationId}/messages`, { token, body: { id, ...body } });
    expect((await send('m1', { files: [photo.id] })).status).toBe(200);
    const asked = await send('m2', { text: 'erika@example.ch' });
    expect(asked.body.messages.at(-1).text).toBe('Noch etwas?');

    // Before: the conversation is live in the cache, the file on disk and downloadable by customer and staff.
    expect((await server.request('GET', `/v1/conversations/${conversationId}`, { token })).status).toBe(200);
    expect((await download(server, photo.url, token)).status).toBe(200);
    expect((await download(server, `/v1/files/${photo.id}`, server.adminToken)).status).toBe(200);
    const onDisk = path.join(server.dataDir, 'files', conversationId, photo.id);
    expect(existsSync(onDisk)).toBe(true);

    const contacts = await server.request('GET', '/v1/contacts?q=erika', { token: server.adminToken });
    expect(contacts.body.total).toBe(1);
    const erased = await server.request('DELETE', `/v1/contacts/${contacts.body.items[0].id}`, { token: server.adminToken });
    expect(erased.status).toBe(200);
    expect(erased.body.conversations).toEqual([conversationId]);

    // After: the customer's token opens nothing, the turn cannot continue, and the file is gone everywhere.
    expectError(await server.request('GET', `/v1/conversations/${conversationId}`, { token }), 404);
    expectError(await send('m3', { text: 'Hallo?' }), 404);
    expect((await download(server, photo.url, token)).status).toBe(404);
    expect((await download(server, `/v1/files/${photo.id}`, server.adminToken)).status).toBe(404);
    expect(existsSync(onDisk)).toBe(false);
    expect(existsSync(path.join(server.dataDir, 'files', conversationId))).toBe(false);
    const rows = await server.runtime.database.client.execute({ sql: 'SELECT COUNT(*) AS n FROM files WHERE conversation_id = ?', args: [conversationId] });
    expect(Number(rows.rows[0]!.n)).toBe(0);
  });

  it('leaves other conversations and their files alone', async () => {
    const kept = await startConversation(server, 'report');
    const file = (await uploadMultipart(server, kept.conversationId, kept.token, PNG, 'andere.png', 'image/png')).body as { id: string; url: string };
    const other = await startConversation(server, 'report');
    const photo = (await uploadMultipart(server, other.conversationId, other.token, PNG, 'weg.png', 'image/png')).body as { id: string };
    const send = (id: string, body: Record<string, unknown>) =>
      server.request('POST', `/v1/conversations/${other.conversationId}/messages`, { token: other.token, body: { id, ...body } });
    await send('m1', { files: [photo.id] });
    await send('m2', { text: 'hans@example.ch' });
    const contacts = await server.request('GET', '/v1/contacts?q=hans', { token: server.adminToken });
    expect((await server.request('DELETE', `/v1/contacts/${contacts.body.items[0].id}`, { token: server.adminToken })).status).toBe(200);

    expect((await server.request('GET', `/v1/conversations/${kept.conversationId}`, { token: kept.token })).status).toBe(200);
    const fetched = await download(server, file.url, kept.token);
    expect(fetched.status).toBe(200);
    expect(fetched.bytes).toEqual(PNG);
  });
});
