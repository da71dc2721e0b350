import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../api/apiTest.testkit.js';
import { purgeExpiredConversations } from '../retention/purgeExpiredConversations.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { damageReportFlow, download, PDF, PNG, startConversation, uploadMultipart } from './files.testkit.js';
import { publishFlow } from '../testing/publishFlow.js';
import type { EmbeddedFileStore } from './fileStore.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await publishFlow(server, damageReportFlow('report'));
});
afterAll(() => server?.stop());

const asError = (response: Awaited<ReturnType<typeof download>>) => ({ status: response.status, body: response.json(), headers: response.headers });

describe('download', () => {
  it('gives the customer the bytes with type, name, nosniff and no caching', async () => {
    const { conversationId, token } = await startConversation(server, 'report');
    const photo = (await uploadMultipart(server, conversationId, token, PNG, 'Schäden "neu".png')).body;
    const response = await download(server, photo.url, token);
    expect(response.status).toBe(200);
    expect(response.bytes).toEqual(PNG);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('content-length')).toBe(String(PNG.length));
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('private, no-store');
    expect(response.headers.get('content-disposition')).toBe(`inline; filename="Sch_den neu.png"; filename*=UTF-8''Sch%C3%A4den%20neu.png`);
  });

  it('sends PDFs as attachments', async () => {
    await publishFlow(server, damageReportFlow('pdf-first', { photo: { accept: ['application/pdf'] } }));
    const { conversationId, token } = await startConversation(server, 'pdf-first');
    const pdf = (await uploadMultipart(server, conversationId, token, PDF, 'scan.pdf')).body;
    const response = await download(server, pdf.url, token);
    expect(response.headers.get('content-type')).toBe('application/pdf');
    expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="scan.pdf"/);
  });

  it("keeps one conversation's files from another's token, and lets staff open any file", async () => {
    const owner = await startConversation(server, 'report');
    const stranger = await startConversation(server, 'report');
    const photo = (await uploadMultipart(server, owner.conversationId, owner.token, PNG, 'a.png')).body;
    expectError(asError(await download(server, photo.url)), 401, 'CONVERSATION_TOKEN_INVALID');
    expectError(asError(await download(server, photo.url, stranger.token)), 401, 'CONVERSATION_TOKEN_INVALID');
    // The stranger's own conversation path does not reach the owner's file either.
    expectError(asError(await download(server, `/v1/conversations/${stranger.conversationId}/files/${photo.id}`, stranger.token)), 404, 'FILE_NOT_FOUND');
    expect((await download(server, photo.url, server.adminToken)).bytes).toEqual(PNG);
    expect((await download(server, `/v1/files/${photo.id}`, server.adminToken)).bytes).toEqual(PNG);
    expectError(asError(await download(server, `/v1/files/${photo.id}`, owner.token)), 401, 'ADMIN_TOKEN_INVALID');
    expectError(asError(await download(server, `/v1/files/${photo.id}`)), 401, 'ADMIN_TOKEN_INVALID');
    expectError(asError(await download(server, '/v1/files/nope', server.adminToken)), 404, 'FILE_NOT_FOUND');
  });
});

describe('retention', () => {
  it('deletes the files of purged conversations, on disk and in the database', async () => {
    const old = await startConversation(server, 'report');
    const kept = await startConversation(server, 'report');
    const oldFile = (await uploadMultipart(server, old.conversationId, old.token, PNG, 'alt.png')).body;
    const keptFile = (await uploadMultipart(server, kept.conversationId, kept.token, PNG, 'neu.png')).body;
    const { client } = server.runtime.database;
    await client.execute({ sql: 'UPDATE conversations SET updated_at = ? WHERE id = ?', args: ['2020-01-01T00:00:00.000Z', old.conversationId] });

    expect(await purgeExpiredConversations(client)).toBe(1);
    server.runtime.conversations.evict();
    const store = server.runtime.services.files as EmbeddedFileStore;
    expect(await store.sweep()).toBe(1);

    expect(existsSync(path.join(server.dataDir, 'files', old.conversationId))).toBe(false);
    expect((await client.execute({ sql: 'SELECT id FROM files WHERE id = ?', args: [oldFile.id] })).rows).toEqual([]);
    expect((await download(server, `/v1/files/${oldFile.id}`, server.adminToken)).status).toBe(404);
    expect((await download(server, keptFile.url, kept.token)).bytes).toEqual(PNG);
    expect(await store.sweep()).toBe(0);
  });
});
