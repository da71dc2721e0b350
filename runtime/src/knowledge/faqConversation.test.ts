import path from 'node:path';
import { createClient } from '@libsql/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { publishFlow } from '../testing/publishFlow.js';

const at = (y: number) => ({ x: 0, y });

/** A bike shop: the faq node answers from the shared knowledge base, unknown questions get an apology, both loop back. */
function faqFlow(faqConfig: Record<string, unknown>): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id: 'velo-faq',
    name: 'Veloladen FAQ',
    locales: ['de', 'en'],
    start: 'faq',
    variables: {},
    nodes: [
      { id: 'faq', type: 'faq', version: 1, position: at(0), config: { text: { de: 'Ihre Frage?', en: 'Your question?' }, ...faqConfig } },
      { id: 'sorry', type: 'message', version: 1, position: at(1), config: { text: { de: 'Dazu weiss ich leider nichts.', en: 'Sorry, I do not know.' } } },
    ],
    edges: [
      { id: 'e1', from: { node: 'faq', port: 'answered' }, to: 'faq' },
      { id: 'e2', from: { node: 'faq', port: 'no_match' }, to: 'sorry' },
      { id: 'e3', from: { node: 'sorry', port: 'next' }, to: 'faq' },
    ],
  };
}

const knowledgeBase = {
  id: 'velo',
  name: 'Veloladen',
  entries: [
    {
      id: 'hours',
      question: { de: 'Wann haben Sie geöffnet?', en: 'What are your opening hours?' },
      alternatives: { de: ['Öffnungszeiten', 'Habt ihr am Samstag offen?'] },
      answer: { de: 'Mo–Sa 8–18 Uhr.', en: 'Mon–Sat 8am–6pm.' },
    },
    { id: 'parking', question: { de: 'Wo kann ich parkieren?', en: 'Where can I park?' }, answer: { de: 'Im Hof.', en: 'In the yard.' } },
    { id: 'repair', question: { de: 'Reparieren Sie auch Velos?', en: 'Do you repair bikes?' }, answer: 'Ja, alle Marken.' },
  ],
};

describe('the faq node with a shared knowledge base over the chat API', () => {
  let server: TestServer;
  let conversation: { conversationId: string; token: string };
  const send = async (id: string, text: string) => {
    const response = await server.request('POST', `/v1/conversations/${conversation.conversationId}/messages`, { body: { id, text }, token: conversation.token });
    expect(response.status).toBe(200);
    return (response.body as { messages: { role: string; text: string }[] }).messages.filter((m) => m.role === 'bot').map((m) => m.text);
  };

  beforeAll(async () => {
    server = await startTestServer();
    expect((await server.request('POST', '/v1/knowledge-bases', { body: knowledgeBase, token: server.adminToken })).status).toBe(201);
    await publishFlow(server, faqFlow({ knowledgeBase: 'velo' }));
    const started = await server.request('POST', '/v1/bots/velo-faq/conversations', { body: { locale: 'de' } });
    expect(started.status).toBe(201);
    expect(started.body.messages.map((m: { text: string }) => m.text)).toEqual(['Ihre Frage?']);
    conversation = started.body;
  });
  afterAll(() => server?.stop());

  it('answers a German question with a typo from the knowledge base', async () => {
    expect(await send('m1', 'Öffnugszeiten am Samstag?')).toEqual(['Mo–Sa 8–18 Uhr.', 'Ihre Frage?']);
  });

  it('takes no_match on an unrelated question', async () => {
    expect(await send('m2', 'Wer hat die Fussball-WM 2014 gewonnen?')).toEqual(['Dazu weiss ich leider nichts.', 'Ihre Frage?']);
  });

  it('reflects an entry edit at once, without republishing the flow', async () => {
    const edit = await server.request('PUT', '/v1/knowledge-bases/velo/entries/hours', {
      body: { ...knowledgeBase.entries[0], answer: { de: 'Neu: Mo–Fr 9–19 Uhr.', en: 'New: Mon–Fri 9am–7pm.' } },
      token: server.adminToken,
    });
    expect(edit.status).toBe(200);
    expect(await send('m3', 'Wann habt ihr geöffnet?')).toEqual(['Neu: Mo–Fr 9–19 Uhr.', 'Ihre Frage?']);
    await server.request('PUT', '/v1/knowledge-bases/velo/entries/bikes', {
      body: { question: 'Verkaufen Sie E-Bikes?', answer: 'Ja, ab 2000 CHF.' },
      token: server.adminToken,
    });
    expect(await send('m4', 'Verkauft ihr E-Bikes?')).toEqual(['Ja, ab 2000 CHF.', 'Ihre Frage?']);
  });

  it('records faq.answered and faq.no_match as domain events', async () => {
    const db = createClient({ url: `file:${path.join(server.dataDir, 'dialogwerk.db')}` });
    try {
      const rows = (await db.execute({
        sql: "SELECT type, node_id, data FROM domain_events WHERE conversation_id = ? AND type LIKE 'faq.%' ORDER BY id",
        args: [conversation.conversationId],
      })).rows.map((row) => ({ type: String(row.type), node: row.node_id, data: JSON.parse(String(row.data)) }));
      expect(rows.map((row) => [row.type, row.data.entryId ?? null])).toEqual([
        ['faq.answered', 'hours'],
        ['faq.no_match', null],
        ['faq.answered', 'hours'],
        ['faq.answered', 'bikes'],
      ]);
      expect(rows[1]!.data).toMatchObject({ utterance: 'Wer hat die Fussball-WM 2014 gewonnen?', threshold: 0.5 });
      expect(rows[1]!.data.score).toBeLessThan(0.5);
      expect(rows[0]!.data.score).toBeGreaterThanOrEqual(0.5);
    } finally {
      db.close();
    }
  });

  it('answers the question an intent node fell back with, without asking again', async () => {
    const flow: FlowDocumentInput = {
      format: 'dialogwerk.flow/1', id: 'velo-triage', name: 'Triage', locales: ['de', 'en'], start: 'topic', variables: {},
      nodes: [
        { id: 'topic', type: 'intent', version: 1, position: at(0), config: { text: 'Wie kann ich helfen?', intents: [{ id: 'book', examples: ['Ich möchte einen Termin buchen', 'Termin vereinbaren'] }] } },
        { id: 'booking', type: 'message', version: 1, position: at(1), config: { text: 'Gerne, wann?' } },
        { id: 'faq', type: 'faq', version: 1, position: at(2), config: { knowledgeBase: 'velo' } },
        { id: 'sorry', type: 'message', version: 1, position: at(3), config: { text: 'Dazu weiss ich leider nichts.' } },
      ],
      edges: [
        { id: 'e1', from: { node: 'topic', port: 'book' }, to: 'booking' },
        { id: 'e2', from: { node: 'topic', port: 'fallback' }, to: 'faq' },
        { id: 'e3', from: { node: 'faq', port: 'answered' }, to: 'topic' },
        { id: 'e4', from: { node: 'faq', port: 'no_match' }, to: 'sorry' },
        { id: 'e5', from: { node: 'sorry', port: 'next' }, to: 'topic' },
        { id: 'e6', from: { node: 'booking', port: 'next' }, to: 'topic' },
      ],
    };
    await publishFlow(server, flow);
    const started = await server.request('POST', '/v1/bots/velo-triage/conversations', { body: { locale: 'de' } });
    const talk = async (id: string, text: string) => {
      const reply = await server.request('POST', `/v1/conversations/${started.body.conversationId}/messages`, { body: { id, text }, token: started.body.token });
      return (reply.body as { messages: { role: string; text: string }[] }).messages.filter((m) => m.role === 'bot').map((m) => m.text);
    };
    expect(await talk('t1', 'Wo kann ich mein Velo parkieren?')).toEqual(['Im Hof.', 'Wie kann ich helfen?']);
    expect(await talk('t2', 'Wer hat die Fussball-WM gewonnen?')).toEqual(['Dazu weiss ich leider nichts.', 'Wie kann ich helfen?']);
  });

  it('refuses a faq node without entries and knowledge base with a 422 in the caller\'s language', async () => {
    const refused = await server.request('PUT', '/v1/flows/velo-faq', {
      body: faqFlow({}),
      token: server.adminToken,
      headers: { 'accept-language': 'de' },
    });
    expect(refused.status).toBe(422);
    const problem = refused.body.error.details.find((d: { code: string }) => d.code === 'FLOW_NODE_CONFIG_INVALID');
    expect(problem).toMatchObject({ nodeId: 'faq' });
    expect(problem.message).toContain('Eine FAQ braucht Einträge oder eine Wissensdatenbank');
    expect(problem.messages.en).toContain('an FAQ needs entries or a knowledge base');
  });
});
