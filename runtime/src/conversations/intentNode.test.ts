import path from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { publishFlow } from '../testing/publishFlow.js';

const at = (y: number) => ({ x: 0, y });

/** A German shop: intent → one message per intent, and a fallback message (no faq behind it), all looping back. */
function shopFlow(): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id: 'velo-shop',
    name: 'Veloladen',
    locales: ['de', 'en'],
    start: 'topic',
    variables: {},
    nodes: [
      {
        id: 'topic', type: 'intent', version: 1, position: at(0),
        config: {
          text: { de: 'Grüezi! Wie kann ich helfen?', en: 'Hello! How can I help?' },
          intents: [
            {
              id: 'opening_hours', label: { de: 'Öffnungszeiten', en: 'Opening hours' },
              examples: { de: ['Wann haben Sie geöffnet?', 'Was sind Ihre Öffnungszeiten?', 'Haben Sie am Samstag offen?', 'Bis wann ist heute offen?'], en: ['When are you open?'] },
            },
            {
              id: 'parking', label: { de: 'Parkieren', en: 'Parking' },
              examples: ['Wo kann ich parken?', 'Gibt es Parkplätze?', 'Wo stelle ich mein Fahrrad ab?', 'Kann ich mit dem Auto kommen?'],
            },
            {
              id: 'repair', label: { de: 'Reparatur', en: 'Repair' },
              examples: ['Mein Fahrrad ist kaputt', 'Können Sie mein Rad reparieren?', 'Ich habe einen Platten', 'Reparatur Termin'],
            },
          ],
        },
      },
      { id: 'hours', type: 'message', version: 1, position: at(1), config: { text: 'Mo–Sa 8–18 Uhr.' } },
      { id: 'park', type: 'message', version: 1, position: at(2), config: { text: 'Velos und Autos parkieren im Hof.' } },
      { id: 'fix', type: 'message', version: 1, position: at(3), config: { text: 'Bringen Sie das Velo vorbei.' } },
      { id: 'sorry', type: 'message', version: 1, position: at(4), config: { text: 'Das habe ich leider nicht verstanden.' } },
    ],
    edges: [
      { id: 'e1', from: { node: 'topic', port: 'opening_hours' }, to: 'hours' },
      { id: 'e2', from: { node: 'topic', port: 'parking' }, to: 'park' },
      { id: 'e3', from: { node: 'topic', port: 'repair' }, to: 'fix' },
      { id: 'e4', from: { node: 'topic', port: 'fallback' }, to: 'sorry' },
      { id: 'e5', from: { node: 'hours', port: 'next' }, to: 'topic' },
      { id: 'e6', from: { node: 'park', port: 'next' }, to: 'topic' },
      { id: 'e7', from: { node: 'fix', port: 'next' }, to: 'topic' },
      { id: 'e8', from: { node: 'sorry', port: 'next' }, to: 'topic' },
    ],
  };
}

describe('the intent node over the chat API', () => {
  let server: TestServer;
  let conversation: { conversationId: string; token: string };
  const send = async (id: string, text: string) => {
    const response = await server.request('POST', `/v1/conversations/${conversation.conversationId}/messages`, {
      body: { id, text }, token: conversation.token,
    });
    expect(response.status).toBe(200);
    return response.body as { status: string; messages: { role: string; text: string }[] };
  };
  const botTexts = (reply: { messages: { role: string; text: string }[] }) => reply.messages.filter((m) => m.role === 'bot').map((m) => m.text);

  beforeAll(async () => {
    server = await startTestServer();
    await publishFlow(server, shopFlow());
    const started = await server.request('POST', '/v1/bots/velo-shop/conversations', { body: { locale: 'de' } });
    expect(started.status).toBe(201);
    expect(started.body.messages.map((m: { text: string }) => m.text)).toEqual(['Grüezi! Wie kann ich helfen?']);
    expect(started.body.input).toEqual({ type: 'text' });
    conversation = started.body;
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('routes German text with a typo', async () => {
    const reply = await send('m1', 'Öffnugszeiten am Samstag?');
    expect(botTexts(reply)).toEqual(['Mo–Sa 8–18 Uhr.', 'Grüezi! Wie kann ich helfen?']);
    expect(reply.status).toBe('awaiting_input');
  });

  it('routes Swiss spellings (Velo, parkieren)', async () => {
    expect(botTexts(await send('m2', 'Wo kann ich mein Velo parkieren?'))).toEqual(['Velos und Autos parkieren im Hof.', 'Grüezi! Wie kann ich helfen?']);
    expect(botTexts(await send('m3', 'Mein Velo ist kaputt, könnt ihr das flicken?'))[0]).toBe('Bringen Sie das Velo vorbei.');
  });

  it('takes fallback on an unrelated question and stores it as intent.no_match with the utterance', async () => {
    const question = 'Wer hat die Fussball-WM 2014 gewonnen?';
    expect(botTexts(await send('m4', question))).toEqual(['Das habe ich leider nicht verstanden.', 'Grüezi! Wie kann ich helfen?']);

    // Read the database file the server writes, like a review screen or an export would.
    const db = createClient({ url: `file:${path.join(server.dataDir, 'dialogwerk.db')}` });
    try {
      const rows = (await db.execute({
        sql: 'SELECT type, node_id, flow_id, flow_version, data FROM domain_events WHERE conversation_id = ? ORDER BY id',
        args: [conversation.conversationId],
      })).rows.map((row) => ({
        type: String(row.type), node_id: row.node_id, flow_id: row.flow_id, flow_version: Number(row.flow_version),
        data: JSON.parse(String(row.data)) as Record<string, unknown>,
      }));
      expect(rows.map((r) => [r.type, r.data.intent ?? null])).toEqual([
        ['intent.matched', 'opening_hours'],
        ['intent.matched', 'parking'],
        ['intent.matched', 'repair'],
        ['intent.no_match', null],
      ]);
      const noMatch = rows[3]!;
      expect(noMatch).toMatchObject({ node_id: 'topic', flow_id: 'velo-shop', flow_version: 1 });
      expect(noMatch.data).toMatchObject({ utterance: question, locale: 'de', threshold: 0.5, via: 'embedded' });
      expect(noMatch.data.confidence).toBeLessThan(0.5);
      expect(rows[0]!.data).not.toHaveProperty('utterance');
    } finally {
      db.close();
    }
  });
});
