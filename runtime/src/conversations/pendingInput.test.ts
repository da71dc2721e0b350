import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { publishFlow } from '../testing/publishFlow.js';

/**
 * Which message an understanding node works on: the one that reached the node before it when that node handed it on
 * (intent → fallback → faq), never an answer an `ask` already used.
 */
function flow(): FlowDocumentInput {
  const at = (y: number) => ({ x: 0, y });
  return {
    format: 'dialogwerk.flow/1',
    id: 'pending',
    name: 'Pending input',
    locales: ['de'],
    start: 'more',
    variables: { more: { type: 'boolean' } },
    nodes: [
      { id: 'more', type: 'ask', version: 1, position: at(0), config: { text: 'Haben Sie eine Frage?', variable: 'more', input: 'yesno' } },
      {
        id: 'topic', type: 'intent', version: 1, position: at(100),
        config: {
          text: 'Worum geht es?',
          intents: [{ id: 'termin', examples: ['Ich möchte einen Termin', 'Termin vereinbaren', 'Wann haben Sie einen Termin frei?'] }],
        },
      },
      {
        id: 'faq', type: 'faq', version: 1, position: at(200),
        config: { entries: [{ question: 'Wann haben Sie geöffnet?', alternatives: ['Öffnungszeiten'], answer: 'Mo–Fr 8–17 Uhr.' }] },
      },
      { id: 'booking', type: 'end', version: 1, position: at(300), config: { text: 'Zum Termin.' } },
      { id: 'answered', type: 'end', version: 1, position: at(300), config: { text: 'Gern geschehen.' } },
      { id: 'unknown', type: 'end', version: 1, position: at(300), config: { text: 'Unbekannt.' } },
      { id: 'none', type: 'end', version: 1, position: at(300), config: { text: 'Tschüss.' } },
    ],
    edges: [
      { id: 'e1', from: { node: 'more', port: 'yes' }, to: 'topic' },
      { id: 'e2', from: { node: 'more', port: 'no' }, to: 'none' },
      { id: 'e3', from: { node: 'more', port: 'invalid' }, to: 'none' },
      { id: 'e4', from: { node: 'topic', port: 'termin' }, to: 'booking' },
      { id: 'e5', from: { node: 'topic', port: 'fallback' }, to: 'faq' },
      { id: 'e6', from: { node: 'faq', port: 'answered' }, to: 'answered' },
      { id: 'e7', from: { node: 'faq', port: 'no_match' }, to: 'unknown' },
    ],
  };
}

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
  const document = flow();
  await publishFlow(server, document);
});

afterAll(async () => {
  await server.stop();
});

async function talk(...texts: string[]) {
  const started = await server.request('POST', '/v1/bots/pending/conversations', { body: {} });
  let last = started.body;
  for (const [index, text] of texts.entries()) {
    const reply = await server.request('POST', `/v1/conversations/${started.body.conversationId}/messages`, {
      body: { id: `m${index}`, text }, token: started.body.token,
    });
    expect(reply.status).toBe(200);
    last = reply.body;
  }
  return last.messages.filter((message: { role: string }) => message.role === 'bot').map((message: { text: string }) => message.text);
}

describe('pending input between nodes', () => {
  it('does not hand an answer an ask used to the next understanding node: the intent asks its own question', async () => {
    expect(await talk('ja')).toEqual(['Worum geht es?']);
  });

  it('hands the message an intent could not place on to the faq, which answers it', async () => {
    expect(await talk('ja', 'Wann habt ihr offen? Öffnungszeiten?')).toEqual(['Mo–Fr 8–17 Uhr.', 'Gern geschehen.']);
  });

  it('routes a recognised message at the intent', async () => {
    expect(await talk('ja', 'Ich möchte gern einen Termin vereinbaren')).toEqual(['Zum Termin.']);
  });
});
