import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { lines, startHarness, type Harness } from './testRuntime.js';

const at = (y: number) => ({ x: 0, y });
const RETRY_EMAIL_EN = 'That does not look like an email address. Please enter it like this: name@example.com';
const APOLOGY_EN = 'Sorry, something went wrong on my side. I am connecting you with our team.';
const CSAT_EN = 'How satisfied were you with this conversation? (1 = not at all, 5 = very)';
const CSAT_RETRY_EN = 'Please give a number from 1 to 5.';
const RATINGS = ['1', '2', '3', '4', '5'].map((id) => ({ id, label: id }));

function flow(id: string, parts: Pick<FlowDocumentInput, 'start' | 'nodes' | 'edges' | 'variables'>): FlowDocumentInput {
  return { format: 'dialogwerk.flow/1', id, name: id, locales: ['en', 'de'], ...parts };
}

const emailFlow = (id: string, ask: Record<string, unknown>, invalidConnected: boolean) =>
  flow(id, {
    start: 'email',
    variables: { email: { type: 'string' } },
    nodes: [
      { id: 'email', type: 'ask', version: 1, position: at(0), config: { text: 'Email?', variable: 'email', input: 'email', ...ask } },
      { id: 'gaveUp', type: 'message', version: 1, position: at(1), config: { text: 'Giving up' } },
      { id: 'bye', type: 'end', version: 1, position: at(2), config: { text: 'Got {{email}}' } },
    ],
    edges: [
      { id: 'e1', from: { node: 'email', port: 'next' }, to: 'bye' },
      ...(invalidConnected ? [{ id: 'e2', from: { node: 'email', port: 'invalid' }, to: 'gaveUp' }] : []),
      { id: 'e3', from: { node: 'gaveUp', port: 'next' }, to: 'bye' },
    ],
  });

describe('the ask node over the chat API', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.publish(emailFlow('email-default', {}, true));
    await h.publish(emailFlow('email-custom', { retryText: { en: 'Once more, please', de: 'Bitte nochmal' }, maxRetries: 1 }, true));
    await h.publish(emailFlow('email-unconnected', { maxRetries: 0 }, false));
    await h.publish(flow('choice', {
      start: 'topic',
      variables: { topic: { type: 'string' } },
      nodes: [
        {
          id: 'topic', type: 'ask', version: 1, position: at(0),
          config: {
            text: { en: 'Topic?', de: 'Thema?' }, variable: 'topic', input: 'choice',
            choices: [{ id: 'invoice', label: { en: 'Invoice', de: 'Rechnung' } }, { id: 'delivery', label: { en: 'Delivery', de: 'Lieferung' } }],
          },
        },
        { id: 'inv', type: 'message', version: 1, position: at(1), config: { text: 'invoice path ({{topic}})' } },
        { id: 'del', type: 'message', version: 1, position: at(2), config: { text: 'delivery path ({{topic}})' } },
      ],
      edges: [
        { id: 'e1', from: { node: 'topic', port: 'invoice' }, to: 'inv' },
        { id: 'e2', from: { node: 'topic', port: 'delivery' }, to: 'del' },
        { id: 'e3', from: { node: 'inv', port: 'next' }, to: 'topic' },
        { id: 'e4', from: { node: 'del', port: 'next' }, to: 'topic' },
      ],
    }));
    await h.publish(flow('yesno', {
      start: 'q',
      variables: { agree: { type: 'boolean' } },
      nodes: [
        { id: 'q', type: 'ask', version: 1, position: at(0), config: { text: { en: 'Agree?', de: 'Einverstanden?' }, variable: 'agree', input: 'yesno' } },
        { id: 'y', type: 'message', version: 1, position: at(1), config: { text: 'yes path' } },
        { id: 'n', type: 'message', version: 1, position: at(2), config: { text: 'no path' } },
      ],
      edges: [
        { id: 'e1', from: { node: 'q', port: 'yes' }, to: 'y' },
        { id: 'e2', from: { node: 'q', port: 'no' }, to: 'n' },
        { id: 'e3', from: { node: 'y', port: 'next' }, to: 'q' },
        { id: 'e4', from: { node: 'n', port: 'next' }, to: 'q' },
      ],
    }));
    await h.publish(flow('csat', {
      start: 'hi',
      variables: {},
      nodes: [
        { id: 'hi', type: 'message', version: 1, position: at(0), config: { text: 'Hi' } },
        { id: 'end', type: 'end', version: 1, position: at(1), config: { text: { en: 'Goodbye', de: 'Auf Wiedersehen' }, csat: true } },
      ],
      edges: [{ id: 'e1', from: { node: 'hi', port: 'next' }, to: 'end' }],
    }));
  });
  afterAll(() => h.destroy());

  const say = async (c: { conversationId: string; token: string }, id: string, body: { text?: string; choice?: string }) => {
    const reply = await h.send(c.conversationId, c.token, { id, ...body });
    expect(reply.status).toBe(200);
    return reply.body;
  };

  describe('validation', () => {
    it('re-asks on an invalid answer with the question still open, and takes `invalid` after maxRetries (default 2)', async () => {
      const c = await h.start('email-default', { locale: 'en' });
      expect(c.input).toEqual({ type: 'email' });
      for (const id of ['1', '2']) {
        const retry = await say(c, id, { text: 'no address' });
        expect(lines(retry.messages)).toEqual(['user:no address', `bot:${RETRY_EMAIL_EN}`]);
        expect(retry.status).toBe('awaiting_input');
        expect(retry.input).toEqual({ type: 'email' });
      }
      const third = await say(c, '3', { text: 'still no address' });
      expect(lines(third.messages)).toEqual(['user:still no address', 'bot:Giving up', 'bot:Got ']);
      expect(third.status).toBe('ended');
      const { events } = await h.adminTranscript(c.conversationId);
      expect(events.filter((e) => e.type === 'node_left' && e.nodeId === 'email').map((e) => e.port)).toEqual(['invalid']);
    });

    it('takes `next` with the value once a valid answer follows a re-ask', async () => {
      const c = await h.start('email-default', { locale: 'en' });
      await say(c, '1', { text: 'nope' });
      const valid = await say(c, '2', { text: 'ada@example.com' });
      expect(lines(valid.messages)).toEqual(['user:ada@example.com', 'bot:Got ada@example.com']);
    });

    it("uses the node's retryText and maxRetries", async () => {
      const c = await h.start('email-custom', { locale: 'de' });
      expect(lines((await say(c, '1', { text: 'x' })).messages)).toEqual(['user:x', 'bot:Bitte nochmal']);
      expect(lines((await say(c, '2', { text: 'y' })).messages)).toEqual(['user:y', 'bot:Giving up', 'bot:Got ']);
    });

    it('leads to the fallback when `invalid` is taken but not connected', async () => {
      const c = await h.start('email-unconnected', { locale: 'en' });
      const reply = await say(c, '1', { text: 'x' });
      expect(lines(reply.messages)).toEqual(['user:x', `bot:${APOLOGY_EN}`]);
      expect(reply.status).toBe('handed_off');
      const { events } = await h.adminTranscript(c.conversationId);
      expect(events.filter((e) => e.type === 'fallback')).toEqual([
        expect.objectContaining({ nodeId: 'email', data: expect.objectContaining({ reason: 'port_unconnected' }) }),
      ]);
      expect(await h.query('SELECT node_id, status FROM handoffs WHERE conversation_id = ?', [c.conversationId])).toEqual([
        { node_id: 'email', status: 'open' },
      ]);
    });
  });

  describe('choice questions', () => {
    it('offer their choices and take the port of the chosen id, by id, label in any locale, or id as text', async () => {
      const c = await h.start('choice', { locale: 'en' });
      expect(c.messages[0]).toMatchObject({ text: 'Topic?', choices: [{ id: 'invoice', label: 'Invoice' }, { id: 'delivery', label: 'Delivery' }] });
      expect(c.input).toEqual({ type: 'choice', choices: [{ id: 'invoice', label: 'Invoice' }, { id: 'delivery', label: 'Delivery' }] });
      expect(lines((await say(c, '1', { choice: 'delivery' })).messages)).toEqual(['user:Delivery', 'bot:delivery path (delivery)', 'bot:Topic?']);
      expect(lines((await say(c, '2', { text: 'invoice' })).messages)).toEqual(['user:invoice', 'bot:invoice path (invoice)', 'bot:Topic?']);
      expect(lines((await say(c, '3', { text: 'Lieferung' })).messages)).toEqual(['user:Lieferung', 'bot:delivery path (delivery)', 'bot:Topic?']);
      expect(lines((await say(c, '4', { text: 'delivery' })).messages)).toEqual(['user:delivery', 'bot:delivery path (delivery)', 'bot:Topic?']);
    });

    it('re-ask with the choices on an answer that matches none', async () => {
      const c = await h.start('choice', { locale: 'de' });
      const retry = await say(c, '1', { text: 'Reklamation' });
      expect(lines(retry.messages)).toEqual(['user:Reklamation', 'bot:Bitte wählen Sie eine der Möglichkeiten.']);
      expect(retry.messages[1].choices).toEqual([{ id: 'invoice', label: 'Rechnung' }, { id: 'delivery', label: 'Lieferung' }]);
      expect(retry.input).toEqual({ type: 'choice', choices: [{ id: 'invoice', label: 'Rechnung' }, { id: 'delivery', label: 'Lieferung' }] });
      expect(lines((await say(c, '2', { choice: 'invoice' })).messages)).toEqual(['user:Rechnung', 'bot:invoice path (invoice)', 'bot:Thema?']);
    });
  });

  describe('yes/no questions', () => {
    it('understand ja/nein, yes/no and the choice ids yes/no', async () => {
      const c = await h.start('yesno', { locale: 'de' });
      expect(c.input).toEqual({ type: 'yesno', choices: [{ id: 'yes', label: 'Ja' }, { id: 'no', label: 'Nein' }] });
      const cases: [string, { text?: string; choice?: string }, string, string][] = [
        ['1', { text: 'ja' }, 'ja', 'yes path'],
        ['2', { text: 'nein' }, 'nein', 'no path'],
        ['3', { choice: 'yes' }, 'Ja', 'yes path'],
        ['4', { choice: 'no' }, 'Nein', 'no path'],
        ['5', { text: 'Yes' }, 'Yes', 'yes path'],
        ['6', { text: 'no' }, 'no', 'no path'],
      ];
      for (const [id, body, shown, path] of cases) {
        expect(lines((await say(c, id, body)).messages)).toEqual([`user:${shown}`, `bot:${path}`, 'bot:Einverstanden?']);
      }
      const state = JSON.parse(String((await h.query('SELECT state FROM conversations WHERE id = ?', [c.conversationId]))[0]!.state));
      expect(state.vars.agree).toBe(false);
    });

    it('re-ask on anything else', async () => {
      const c = await h.start('yesno', { locale: 'de' });
      expect(lines((await say(c, '1', { text: 'vielleicht' })).messages)).toEqual(['user:vielleicht', 'bot:Bitte antworten Sie mit Ja oder Nein.']);
    });
  });

  describe('end with csat', () => {
    const csatEvents = async (conversationId: string) =>
      (await h.adminTranscript(conversationId)).events.filter((e) => e.type === 'csat').map((e) => ({ nodeId: e.nodeId, data: e.data }));

    it('asks for a rating first, records a typed rating and then says the end text', async () => {
      const c = await h.start('csat', { locale: 'en' });
      expect(lines(c.messages)).toEqual(['bot:Hi', `bot:${CSAT_EN}`]);
      expect(c.messages[1].choices).toEqual(RATINGS);
      expect(c.status).toBe('awaiting_input');
      expect(c.input).toEqual({ type: 'choice', choices: RATINGS });
      const reply = await say(c, '1', { text: '4' });
      expect(lines(reply.messages)).toEqual(['user:4', 'bot:Goodbye']);
      expect(reply.status).toBe('ended');
      expect(await csatEvents(c.conversationId)).toEqual([{ nodeId: 'end', data: { rating: 4 } }]);
    });

    it('records a rating given as a choice', async () => {
      const c = await h.start('csat', { locale: 'de' });
      const reply = await say(c, '1', { choice: '5' });
      expect(lines(reply.messages)).toEqual(['user:5', 'bot:Auf Wiedersehen']);
      expect(await csatEvents(c.conversationId)).toEqual([{ nodeId: 'end', data: { rating: 5 } }]);
    });

    it('asks once more after an invalid rating and records a valid second answer', async () => {
      const c = await h.start('csat', { locale: 'en' });
      const retry = await say(c, '1', { text: 'great' });
      expect(lines(retry.messages)).toEqual(['user:great', `bot:${CSAT_RETRY_EN}`]);
      expect(retry.status).toBe('awaiting_input');
      expect(lines((await say(c, '2', { text: '2' })).messages)).toEqual(['user:2', 'bot:Goodbye']);
      expect(await csatEvents(c.conversationId)).toEqual([{ nodeId: 'end', data: { rating: 2 } }]);
    });

    it('ends without a rating after a second invalid answer, with the end text', async () => {
      const c = await h.start('csat', { locale: 'en' });
      await say(c, '1', { text: 'great' });
      const last = await say(c, '2', { text: 'super' });
      expect(lines(last.messages)).toEqual(['user:super', 'bot:Goodbye']);
      expect(last.status).toBe('ended');
      expect(last.input).toBeUndefined();
      expect(await csatEvents(c.conversationId)).toEqual([]);
      expect((await h.send(c.conversationId, c.token, { id: '3', text: '5' })).status).toBe(409);
    });
  });
});
