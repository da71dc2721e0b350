import { existsSync, readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectError } from '../api/apiTest.testkit.js';
import { threeQuestionFlow } from '../testing/flowFixtures.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { damageReportFlow, GIF, JPEG, PDF, PNG, startConversation, uploadMultipart, uploadRaw } from './files.testkit.js';
import { publishFlow } from '../testing/publishFlow.js';
import { FILE_QUOTA } from './fileStore.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await publishFlow(server, damageReportFlow('report'));
  await publishFlow(server, damageReportFlow('tiny', { photo: { maxSizeMb: 0.05 } }));
  await publishFlow(server, damageReportFlow('jpeg-only', { photo: { accept: ['image/jpeg'] } }));
  await publishFlow(server, threeQuestionFlow('questions'));
});
afterAll(() => server?.stop());

const as = (response: { status: number; body: any; headers: Headers }) => response;

describe('upload: storing', () => {
  it('stores a multipart upload under the data directory with its sniffed type and a safe name', async () => {
    const { conversationId, token, input } = await startConversation(server, 'report');
    expect(input).toEqual({ type: 'file', accept: ['image/*'], maxSizeMb: 10, maxFiles: 1, choices: [{ id: 'skip', label: 'Überspringen' }] });
    const uploaded = await uploadMultipart(server, conversationId, token, PNG, '../../etc/Schäden.png', 'image/png');
    expect(uploaded.status, JSON.stringify(uploaded.body)).toBe(201);
    expect(uploaded.body).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Schäden.png',
      contentType: 'image/png',
      size: PNG.length,
      url: `/v1/conversations/${conversationId}/files/${uploaded.body.id}`,
    });
    const stored = path.join(server.dataDir, 'files', conversationId, uploaded.body.id);
    expect(readFileSync(stored)).toEqual(PNG);
    expect(readdirSync(path.join(server.dataDir, 'files', conversationId))).toEqual([uploaded.body.id]);
  });

  it('accepts the raw file as the body, named by X-File-Name, and trusts the bytes over the declared type', async () => {
    const { conversationId, token } = await startConversation(server, 'report');
    const uploaded = await uploadRaw(server, conversationId, token, new Uint8Array(GIF), {
      'content-type': 'application/pdf',
      'x-file-name': encodeURIComponent('Kratzer äöü.gif'),
    });
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({ name: 'Kratzer äöü.gif', contentType: 'image/gif', size: GIF.length });
    const byQuery = await uploadRaw(server, conversationId, token, new Uint8Array(JPEG), { 'content-type': 'image/jpeg' });
    expect(byQuery.body).toMatchObject({ name: 'upload.jpg', contentType: 'image/jpeg' });
  });
});

describe('upload: types are decided by the first bytes', () => {
  it('refuses bytes that are no accepted type, whatever the declared type and name say', async () => {
    const { conversationId, token } = await startConversation(server, 'report');
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    expectError(as(await uploadMultipart(server, conversationId, token, html, 'photo.jpg', 'image/jpeg')), 415, 'FILE_TYPE_NOT_ALLOWED');
    const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expectError(as(await uploadRaw(server, conversationId, token, new Uint8Array(svg), { 'content-type': 'image/svg+xml' })), 415, 'FILE_TYPE_NOT_ALLOWED');
  });

  it("refuses a recognised type the question does not accept (a PDF for a photo, a GIF for JPEG only)", async () => {
    const report = await startConversation(server, 'report');
    const pdf = await uploadMultipart(server, report.conversationId, report.token, PDF, 'scan.pdf', 'application/pdf');
    expectError(as(pdf), 415, 'FILE_TYPE_NOT_ALLOWED');
    expect(pdf.body.error.details).toEqual({ accept: ['image/*'] });
    const jpegOnly = await startConversation(server, 'jpeg-only', 'en');
    const gif = await uploadMultipart(server, jpegOnly.conversationId, jpegOnly.token, GIF, 'a.gif');
    expectError(as(gif), 415, 'FILE_TYPE_NOT_ALLOWED');
    expect(gif.body.error.message).toBe('This kind of file is not accepted. Allowed: image/jpeg.');
    expect((await uploadMultipart(server, jpegOnly.conversationId, jpegOnly.token, JPEG, 'a.jpg')).status).toBe(201);
  });
});

describe('upload: size limits', () => {
  const limit = Math.floor(0.05 * 1024 * 1024);

  it('takes a file of exactly the limit and refuses one byte more (raw and multipart)', async () => {
    const { conversationId, token } = await startConversation(server, 'tiny');
    const exact = Buffer.concat([PNG, Buffer.alloc(limit - PNG.length)]);
    expect((await uploadRaw(server, conversationId, token, new Uint8Array(exact))).status).toBe(201);
    const over = Buffer.concat([exact, Buffer.alloc(1)]);
    const raw = await uploadRaw(server, conversationId, token, new Uint8Array(over));
    expectError(as(raw), 413, 'FILE_TOO_LARGE');
    expect(raw.body.error.details).toEqual({ limitBytes: limit });
    expectError(as(await uploadMultipart(server, conversationId, token, over, 'big.png')), 413, 'FILE_TOO_LARGE');
  });

  it('stops a streamed body without a length as soon as it passes the limit', async () => {
    const { conversationId, token } = await startConversation(server, 'tiny');
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= 4 * limit) return controller.close();
        controller.enqueue(sent === 0 ? new Uint8Array(Buffer.concat([PNG, Buffer.alloc(8192 - PNG.length)])) : new Uint8Array(8192));
        sent += 8192;
      },
    });
    expectError(as(await uploadRaw(server, conversationId, token, stream)), 413, 'FILE_TOO_LARGE');
  });

  it('answers 413 from the declared length before the body has arrived', async () => {
    const { conversationId, token } = await startConversation(server, 'report');
    const url = new URL(`${server.url}/v1/conversations/${conversationId}/files`);
    // Declares 200 MB but sends only the first kilobyte: the answer must come without the rest.
    const status = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const request = http.request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-length': String(200 * 1024 * 1024) } }, (response) => {
        let body = '';
        response.on('data', (chunk) => (body += chunk));
        response.on('end', () => {
          request.destroy();
          resolve({ status: response.statusCode!, body });
        });
      });
      request.on('error', reject);
      request.write(Buffer.alloc(1024));
    });
    expect(status.status).toBe(413);
    expect(JSON.parse(status.body).error.code).toBe('FILE_TOO_LARGE');
  });

  it(`refuses more than ${FILE_QUOTA.maxFiles} files per conversation`, async () => {
    const { conversationId, token } = await startConversation(server, 'report');
    for (let index = 0; index < FILE_QUOTA.maxFiles; index++) {
      expect((await uploadRaw(server, conversationId, token, new Uint8Array(PNG))).status).toBe(201);
    }
    const over = await uploadRaw(server, conversationId, token, new Uint8Array(PNG));
    expectError(as(over), 413, 'FILE_QUOTA_EXCEEDED');
    expect(over.body.error.details).toEqual(FILE_QUOTA);
    // The quota is per conversation: another one still uploads.
    const other = await startConversation(server, 'report');
    expect((await uploadRaw(server, other.conversationId, other.token, new Uint8Array(PNG))).status).toBe(201);
  });
});

describe('upload: who and when', () => {
  it('needs the conversation token', async () => {
    const { conversationId } = await startConversation(server, 'report');
    const other = await startConversation(server, 'report');
    expectError(as(await uploadMultipart(server, conversationId, undefined, PNG, 'a.png')), 401, 'CONVERSATION_TOKEN_INVALID');
    expectError(as(await uploadMultipart(server, conversationId, other.token, PNG, 'a.png')), 401, 'CONVERSATION_TOKEN_INVALID');
    expectError(as(await uploadMultipart(server, conversationId, server.adminToken, PNG, 'a.png')), 401, 'CONVERSATION_TOKEN_INVALID');
    expectError(as(await uploadMultipart(server, '00000000-0000-0000-0000-000000000000', other.token, PNG, 'a.png')), 404, 'CONVERSATION_NOT_FOUND');
    expect(existsSync(path.join(server.dataDir, 'files', conversationId))).toBe(false);
  });

  it('only while the bot asks for a file; never after the conversation ended', async () => {
    const { conversationId, token } = await startConversation(server, 'questions');
    expectError(as(await uploadMultipart(server, conversationId, token, PNG, 'a.png')), 409, 'FILE_NOT_EXPECTED');
    for (const [id, text] of [['1', 'Ada'], ['2', 'ada@example.org'], ['3', 'ja']]) {
      await server.request('POST', `/v1/conversations/${conversationId}/messages`, { token, body: { id, text } });
    }
    expectError(as(await uploadMultipart(server, conversationId, token, PNG, 'a.png')), 409, 'CONVERSATION_ENDED');
  });

  it('wants exactly one file per request', async () => {
    const { conversationId, token } = await startConversation(server, 'report');
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PNG)]), 'a.png');
    form.append('second', new Blob([new Uint8Array(PNG)]), 'b.png');
    const two = await fetch(`${server.url}/v1/conversations/${conversationId}/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: form });
    expect(two.status).toBe(400);
    expect((await two.json()).error.code).toBe('FILE_ONE_PER_REQUEST');
    expectError(as(await uploadRaw(server, conversationId, token, new Uint8Array(0))), 400, 'FILE_MISSING');
    const noFile = new FormData();
    noFile.append('note', 'hello');
    const empty = await fetch(`${server.url}/v1/conversations/${conversationId}/files`, { method: 'POST', headers: { authorization: `Bearer ${token}` }, body: noFile });
    expect((await empty.json()).error.code).toBe('FILE_MISSING');
  });
});
