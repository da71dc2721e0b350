import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../api/apiTest.testkit.js';
import { openApiDocument } from '../api/openApiDocument.js';
import { schemaViolations } from '../api/openApiSchemaCheck.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { damageReportFlow, download, PDF, PNG, startConversation, uploadMultipart } from './files.testkit.js';
import { publishFlow } from '../testing/publishFlow.js';
import type { EmbeddedFileStore } from './fileStore.js';

const doc = openApiDocument('test');
const documented = (schema: unknown, body: unknown) => schemaViolations(doc, schema as never, body);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await publishFlow(server, damageReportFlow('report'));
  await publishFlow(server, damageReportFlow('secret', { sensitive: true }));
});
afterAll(() => server?.stop());

const send = (conversationId: string, token: string, body: Record<string, unknown>) =>
  server.request('POST', `/v1/conversations/${conversationId}/messages`, { token, body });

async function variables(conversationId: string): Promise<Record<string, unknown>> {
  const rows = await server.runtime.database.client.execute({ sql: 'SELECT state FROM conversations WHERE id = ?', args: [conversationId] });
  return JSON.parse(String(rows.rows[0]!.state)).vars;
}

describe('ask with input file through the chat API', () => {
  it('uploads, answers with the file ids, stores the references and shows the files in the transcript', async () => {
    const { conversationId, token, messages } = await startConversation(server, 'report');
    expect(messages.map((message) => message.text)).toEqual(['Ein Foto vom Schaden?']);
    const upload = await uploadMultipart(server, conversationId, token, PNG, 'foto.png', 'image/png');
    const photo = upload.body;
    const paths = (doc as { paths: Record<string, any> }).paths;
    expect(documented(paths['/v1/conversations/{conversationId}/files'].post.responses['201'].content['application/json'].schema, photo)).toEqual([]);

    const answered = await send(conversationId, token, { id: 'm1', files: [photo.id] });
    expect(answered.status, JSON.stringify(answered.body)).toBe(200);
    expect(documented({ $ref: '#/components/schemas/TurnResponse' }, answered.body)).toEqual([]);
    const [user, next] = answered.body.messages;
    expect(user).toMatchObject({ role: 'user', text: '📎 foto.png', attachments: [{ name: 'foto.png', url: photo.url, contentType: 'image/png' }] });
    expect(next.text).toBe('Belege?');
    expect(answered.body.input).toEqual({ type: 'file', accept: ['image/*', 'application/pdf'], maxSizeMb: 10, maxFiles: 3 });

    // The customer opens the attachment with the conversation token.
    const fetched = await download(server, user.attachments[0].url, token);
    expect(fetched.status).toBe(200);
    expect(fetched.bytes).toEqual(PNG);

    const receipt = (await uploadMultipart(server, conversationId, token, PDF, 'Quittung.pdf')).body;
    const second = (await uploadMultipart(server, conversationId, token, PNG, 'Rechnung.png')).body;
    const docs = await send(conversationId, token, { id: 'm2', files: [receipt.id, second.id] });
    expect(docs.body.messages[0]).toMatchObject({ text: '📎 Quittung.pdf\n📎 Rechnung.png', attachments: [{ name: 'Quittung.pdf', contentType: 'application/pdf' }, { name: 'Rechnung.png' }] });
    expect(docs.body.messages[1].text).toBe('Name?');

    const vars = await variables(conversationId);
    expect(vars.photo).toEqual(photo);
    expect(vars.docs).toEqual([receipt, second]);

    const transcript = await server.request('GET', `/v1/conversations/${conversationId}`, { token });
    expect(transcript.body.messages.filter((message: { role: string }) => message.role === 'user').map((message: { attachments?: unknown[] }) => message.attachments?.length)).toEqual([1, 2]);
  });

  it('re-asks for an unknown or foreign file id, then takes the valid one', async () => {
    const { conversationId, token } = await startConversation(server, 'report', 'en');
    const other = await startConversation(server, 'report');
    const foreign = (await uploadMultipart(server, other.conversationId, other.token, PNG, 'fremd.png')).body;

    const unknown = await send(conversationId, token, { id: 'm1', files: ['no-such-file'] });
    expect(unknown.body.messages.map((message: { text: string }) => message.text)).toEqual(['📎 ?', 'I did not receive that file. Please upload it again.']);
    expect(unknown.body.messages[0].attachments).toBeUndefined();
    expect(unknown.body.input.type).toBe('file');
    const stolen = await send(conversationId, token, { id: 'm2', files: [foreign.id] });
    expect(stolen.body.messages.map((message: { text: string }) => message.text)).toEqual(['📎 ?', 'I did not receive that file. Please upload it again.']);

    const own = (await uploadMultipart(server, conversationId, token, PNG, 'mine.png')).body;
    const valid = await send(conversationId, token, { id: 'm3', files: [own.id] });
    expect(valid.body.messages[1].text).toBe('Receipts?');
    expect((await variables(conversationId)).photo).toEqual(own);
  });

  it('re-asks when a file does not fit the question (an image where only PDFs go)', async () => {
    await publishFlow(server, damageReportFlow('pdf-docs', { docs: { accept: ['application/pdf'] } }));
    const { conversationId, token } = await startConversation(server, 'pdf-docs');
    const photo = (await uploadMultipart(server, conversationId, token, PNG, 'foto.png')).body;
    await send(conversationId, token, { id: 'm1', files: [photo.id] });
    // The photo was uploaded for the first question; using it for the PDF question is refused by the node.
    const reused = await send(conversationId, token, { id: 'm2', files: [photo.id] });
    expect(reused.body.messages[1].text).toBe('Diese Dateiart kann ich nicht annehmen. Erlaubt: PDF.');
  });

  it('skips an optional question by the skip button or by saying so', async () => {
    const byButton = await startConversation(server, 'report');
    const skipped = await send(byButton.conversationId, byButton.token, { id: 'm1', choice: 'skip' });
    expect(skipped.body.messages.map((message: { text: string }) => message.text)).toEqual(['Überspringen', 'Belege?']);
    const byText = await startConversation(server, 'report');
    const said = await send(byText.conversationId, byText.token, { id: 'm1', text: 'Ich habe kein Foto' });
    expect(said.body.messages[1].text).toBe('Belege?');
    expect(await variables(byText.conversationId)).toEqual({});
  });

  it('makes the files part of the idempotency key', async () => {
    const { conversationId, token } = await startConversation(server, 'report');
    const a = (await uploadMultipart(server, conversationId, token, PNG, 'a.png')).body;
    const b = (await uploadMultipart(server, conversationId, token, PNG, 'b.png')).body;
    const first = await send(conversationId, token, { id: 'm1', files: [a.id] });
    const replay = await send(conversationId, token, { id: 'm1', files: [a.id] });
    expect(replay.body).toEqual(first.body);
    expectError(await send(conversationId, token, { id: 'm1', files: [b.id] }), 409, 'MESSAGE_ID_REUSED');
    expectError(await send(conversationId, token, { id: 'm2', text: 'x', files: [b.id] }), 400, 'INVALID_BODY');
    expectError(await send(conversationId, token, { id: 'm3', files: ['../etc/passwd'] }), 400, 'INVALID_BODY');
  });
});

describe('ask with input file at a sensitive node', () => {
  it('seals the file on disk, hides the answer in the transcript, and drops the file once the conversation ended', async () => {
    const { conversationId, token } = await startConversation(server, 'secret');
    const uploaded = (await uploadMultipart(server, conversationId, token, PNG, 'ausweis.png')).body;
    const onDisk = readFileSync(path.join(server.dataDir, 'files', conversationId, uploaded.id));
    expect(onDisk.includes(PNG.subarray(1, 8))).toBe(false);
    expect(onDisk.toString('utf8')).toMatch(/^v1\./);
    // While the conversation needs it, the customer and staff can open it.
    expect((await download(server, uploaded.url, token)).bytes).toEqual(PNG);
    expect((await download(server, `/v1/files/${uploaded.id}`, server.adminToken)).bytes).toEqual(PNG);

    const answered = await send(conversationId, token, { id: 'm1', files: [uploaded.id] });
    expect(answered.body.messages[0].text).toBe('•••');
    expect(answered.body.messages[0].attachments).toBeUndefined();
    const transcript = await server.request('GET', `/v1/conversations/${conversationId}`, { token: server.adminToken });
    expect(JSON.stringify(transcript.body)).not.toContain('ausweis');
    expect(JSON.stringify(await variables(conversationId))).not.toContain(uploaded.id);

    const receipt = (await uploadMultipart(server, conversationId, token, PDF, 'r.pdf')).body;
    await send(conversationId, token, { id: 'm3', files: [receipt.id] });
    const ended = await send(conversationId, token, { id: 'm4', text: 'Ada' });
    expect(ended.body.status).toBe('ended');
    expectError(await download(server, uploaded.url, token).then((r) => ({ status: r.status, body: r.json(), headers: r.headers })), 404, 'FILE_NOT_FOUND');
    expect((await download(server, `/v1/files/${uploaded.id}`, server.adminToken)).status).toBe(404);
    // Not sensitive: the receipt stays available.
    expect((await download(server, receipt.url, token)).status).toBe(200);
    // The next sweep deletes the sealed file; the receipt waits for retention.
    expect(await (server.runtime.services.files as EmbeddedFileStore).sweep()).toBe(1);
    expect(existsSync(path.join(server.dataDir, 'files', conversationId, uploaded.id))).toBe(false);
    expect(existsSync(path.join(server.dataDir, 'files', conversationId, receipt.id))).toBe(true);
  });
});
