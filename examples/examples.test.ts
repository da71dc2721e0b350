import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../runtime/src/testing/testServer.js';

/** The example templates as `npm start` serves them: seeded, with their data, and keeping sensitive answers private. */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer({ exampleFlows: true });
});

afterAll(async () => {
  await server.stop();
});

async function converse(flowId: string, texts: string[]) {
  const started = await server.request('POST', `/v1/bots/${flowId}/conversations`, { body: { locale: 'de' } });
  expect(started.status).toBe(201);
  const replies = [];
  for (const [index, text] of texts.entries()) {
    const reply = await server.request('POST', `/v1/conversations/${started.body.conversationId}/messages`, {
      body: { id: `m${index}`, text }, token: started.body.token,
    });
    expect(reply.status).toBe(200);
    replies.push(reply.body);
  }
  return { ...started.body, replies };
}

describe('example templates', () => {
  it('publishes every example flow on a fresh database', async () => {
    const files = readdirSync(path.join(import.meta.dirname, 'flows')).filter((file) => file.endsWith('.json'));
    expect(files.length).toBeGreaterThanOrEqual(5);
    for (const file of files) {
      const { id } = JSON.parse(readFileSync(path.join(import.meta.dirname, 'flows', file), 'utf8')) as { id: string };
      const flow = await server.request('GET', `/v1/flows/${id}`, { token: server.adminToken });
      expect(flow.status, id).toBe(200);
      expect(flow.body.publishedVersion, id).toBe(1);
    }
  });

  it('imports the shop example\'s products, so its stock check works right after npm start', async () => {
    const { replies } = await converse('online-shop', ['Ist die Siebträgermaschine Lina lieferbar?']);
    const texts = replies[0].messages.map((message: { text: string }) => message.text);
    expect(texts.some((text: string) => /^Siebträgermaschine Lina Dualboiler ist noch verfügbar, aber nur noch 2 Stück\. Preis: 1\.249,00\s€\.$/u.test(text))).toBe(true);
  });

  it('never writes the practice example\'s sensitive answers to the database in clear', async () => {
    const reason = 'Hautausschlag am linken Arm seit Dienstag';
    const { conversationId, token, replies } = await converse('arztpraxis', ['Ich brauche einen Termin', 'nein', 'Rita Meier', '03.07.1962', reason]);
    expect(replies.at(-1).messages[0]).toMatchObject({ role: 'user', text: '•••' });
    const transcript = await server.request('GET', `/v1/conversations/${conversationId}`, { token });
    expect(JSON.stringify(transcript.body)).not.toContain('Hautausschlag');
    expect(JSON.stringify(transcript.body)).not.toContain('1962');
    await server.runtime.conversations.committer.drain();
    await server.runtime.database.client.execute('PRAGMA wal_checkpoint(TRUNCATE)');
    const files = readdirSync(server.dataDir).filter((file) => file.startsWith('dialogwerk.db'));
    for (const file of files) {
      const bytes = readFileSync(path.join(server.dataDir, file));
      expect(bytes.includes(Buffer.from('Hautausschlag')), file).toBe(false);
      expect(bytes.includes(Buffer.from('1962-07-03')), file).toBe(false);
      expect(bytes.includes(Buffer.from('Rita Meier')), `${file} keeps the (non-sensitive) name`).toBe(file === 'dialogwerk.db');
    }
  });
});
