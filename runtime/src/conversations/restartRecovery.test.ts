import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { lines } from './testRuntime.js';
import { publishFlow } from '../testing/publishFlow.js';

const at = (y: number) => ({ x: 0, y });

/** Name, city, a sensitive PIN and a confirmation, then a greeting that needs all three. */
function restartFlow(): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id: 'restart',
    name: 'Restart',
    locales: ['de', 'en'],
    start: 'name',
    variables: { name: { type: 'string' }, city: { type: 'string' }, pin: { type: 'string' }, confirmed: { type: 'boolean' } },
    nodes: [
      { id: 'name', type: 'ask', version: 1, position: at(0), config: { text: { de: 'Name?', en: 'Name?' }, variable: 'name' } },
      { id: 'city', type: 'ask', version: 1, position: at(1), config: { text: { de: 'Ort?', en: 'City?' }, variable: 'city' } },
      { id: 'pin', type: 'ask', version: 1, position: at(2), sensitive: true, config: { text: { de: 'PIN?', en: 'PIN?' }, variable: 'pin' } },
      { id: 'confirm', type: 'ask', version: 1, position: at(3), config: { text: { de: 'Bestätigen?', en: 'Confirm?' }, variable: 'confirmed', input: 'yesno' } },
      { id: 'check', type: 'condition', version: 1, position: at(4), config: { rules: [{ port: 'ok', var: 'pin', op: 'eq', value: 'Zebra-4711' }] } },
      { id: 'good', type: 'message', version: 1, position: at(5), config: { text: { de: 'Hallo {{name}} aus {{city}}, PIN korrekt', en: 'Hello {{name}} from {{city}}, PIN correct' } } },
      { id: 'bad', type: 'message', version: 1, position: at(6), config: { text: { de: 'PIN falsch', en: 'Wrong PIN' } } },
      { id: 'bye', type: 'end', version: 1, position: at(7), config: { text: { de: 'Tschüss', en: 'Bye' } } },
    ],
    edges: [
      { id: 'e1', from: { node: 'name', port: 'next' }, to: 'city' },
      { id: 'e2', from: { node: 'city', port: 'next' }, to: 'pin' },
      { id: 'e3', from: { node: 'pin', port: 'next' }, to: 'confirm' },
      { id: 'e4', from: { node: 'confirm', port: 'yes' }, to: 'check' },
      { id: 'e5', from: { node: 'confirm', port: 'no' }, to: 'bye' },
      { id: 'e6', from: { node: 'check', port: 'ok' }, to: 'good' },
      { id: 'e7', from: { node: 'check', port: 'else' }, to: 'bad' },
      { id: 'e8', from: { node: 'good', port: 'next' }, to: 'bye' },
      { id: 'e9', from: { node: 'bad', port: 'next' }, to: 'bye' },
    ],
  };
}

describe('after a restart on the same database file', () => {
  let dataDir: string;
  let server: TestServer | undefined;
  afterEach(async () => {
    await server?.stop();
    server = undefined;
    rmSync(dataDir, { recursive: true, force: true });
  });

  const send = (conversation: { conversationId: string; token: string }, id: string, text: string) =>
    server!.request('POST', `/v1/conversations/${conversation.conversationId}/messages`, { body: { id, text }, token: conversation.token });

  it('every conversation continues where it was: waiting node, variables, locale, retry count, sealed secrets, handoff', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dialogwerk-restart-'));
    server = await startTestServer({ dataDir });
    await publishFlow(server, restartFlow());
    const start = async (locale: string) => (await server!.request('POST', '/v1/bots/restart/conversations', { body: { locale } })).body;

    // A (German) has given name, city and its PIN and is asked to confirm.
    const a = await start('de');
    for (const [id, text] of [['a1', 'Ada'], ['a2', 'Zürich'], ['a3', 'Zebra-4711']]) expect((await send(a, id!, text!)).status).toBe(200);
    // B (English) gave a name and one empty answer to the city question: one of two re-asks is used up.
    const b = await start('en');
    expect((await send(b, 'b1', 'Grace')).status).toBe(200);
    expect(lines((await send(b, 'b2', '')).body.messages)).toEqual(['user:', 'bot:Please answer with some text.']);
    // C used up all re-asks on the name and was handed off to staff by the fallback.
    const c = await start('en');
    for (const id of ['c1', 'c2']) expect((await send(c, id, '')).status).toBe(200);
    expect((await send(c, 'c3', '')).body.status).toBe('handed_off');

    const rowsBefore = (await server.runtime.database.client.execute('SELECT id, state, turn, status, locale FROM conversations ORDER BY id')).rows;
    await server.stop();
    server = await startTestServer({ dataDir });
    expect((await server.runtime.database.client.execute('SELECT id, state, turn, status, locale FROM conversations ORDER BY id')).rows).toEqual(rowsBefore);

    // A: the confirmation runs the condition on the decrypted PIN and greets with name and city, in German.
    const aReply = await send(a, 'a4', 'ja');
    expect(aReply.status).toBe(200);
    expect(lines(aReply.body.messages)).toEqual(['user:ja', 'bot:Hallo Ada aus Zürich, PIN korrekt', 'bot:Tschüss']);
    expect(aReply.body.status).toBe('ended');

    // B: one re-ask is left, then the next empty answer takes `invalid`, which is unconnected: the fallback.
    expect(lines((await send(b, 'b3', '')).body.messages)).toEqual(['user:', 'bot:Please answer with some text.']);
    const bLast = await send(b, 'b4', '');
    expect(bLast.body.status).toBe('handed_off');
    expect(lines(bLast.body.messages)).toEqual(['user:', 'bot:Sorry, something went wrong on my side. I am connecting you with our team.']);

    // C: still handed off; the customer's message is stored for staff and not answered by the bot.
    const cReply = await send(c, 'c4', 'Hallo?');
    expect(cReply.status).toBe(200);
    expect(cReply.body.status).toBe('handed_off');
    expect(lines(cReply.body.messages)).toEqual(['user:Hallo?']);
    const open = await server.request('GET', '/v1/handoffs?status=open', { token: server.adminToken });
    expect(open.body.items.map((item: { conversationId: string }) => item.conversationId).sort()).toEqual([b.conversationId, c.conversationId].sort());
  });

  it('a conversation restarted twice in a row still has its turn numbering and transcript intact', async () => {
    dataDir = mkdtempSync(path.join(os.tmpdir(), 'dialogwerk-restart-'));
    server = await startTestServer({ dataDir });
    await publishFlow(server, restartFlow());
    const a = (await server.request('POST', '/v1/bots/restart/conversations', { body: { locale: 'en' } })).body;
    const script = [['m1', 'Ada'], ['m2', 'Bern'], ['m3', 'Wrong-0000'], ['m4', 'yes']] as const;
    for (const [id, text] of script) {
      await server.stop();
      server = await startTestServer({ dataDir });
      expect((await send(a, id, text)).status).toBe(200);
    }
    const transcript = await server.request('GET', `/v1/conversations/${a.conversationId}`, { token: a.token });
    expect(transcript.body.status).toBe('ended');
    expect(lines(transcript.body.messages)).toEqual([
      'bot:Name?', 'user:Ada', 'bot:City?', 'user:Bern', 'bot:PIN?', 'user:•••', 'bot:Confirm?', 'user:yes', 'bot:Wrong PIN', 'bot:Bye',
    ]);
    const turns = await server.runtime.database.client.execute({ sql: 'SELECT seq FROM turns WHERE conversation_id = ? ORDER BY seq', args: [a.conversationId] });
    expect(turns.rows.map((row) => Number(row.seq))).toEqual([0, 1, 2, 3, 4]);
  });
});
