import type { FlowDocumentInput } from '@dialogwerk/nodes';
import type { FlowAdmin } from '../testing/publishFlow.js';

/**
 * Name question, then book_slot in a far-future week (2031-06-02 is a Monday) with `slots` one-hour slots on that
 * Monday from 09:00 Zurich time, so tests do not depend on today's date.
 */
export function bookingFlow(id: string, slots = 1): FlowDocumentInput {
  const close = `${String(9 + slots).padStart(2, '0')}:00`;
  return {
    format: 'dialogwerk.flow/1',
    id,
    name: 'Booking',
    locales: ['de', 'en'],
    start: 'name',
    variables: { name: { type: 'string', pii: true }, start: { type: 'string' }, bookingId: { type: 'string' } },
    settings: { officeHours: { timezone: 'Europe/Zurich', weekly: { mon: [['09:00', close]] } } },
    nodes: [
      { id: 'name', type: 'ask', version: 1, position: { x: 0, y: 0 }, config: { text: { de: 'Wie heissen Sie?', en: 'Your name?' }, variable: 'name', input: 'text' } },
      {
        id: 'book',
        type: 'book_slot',
        version: 1,
        position: { x: 0, y: 100 },
        config: {
          durationMinutes: 60,
          earliestDate: '2031-06-02',
          horizonDays: 7,
          title: 'Beratung {{name}}',
          attendee: { name: 'name' },
          save: { start: 'start', bookingId: 'bookingId' },
        },
      },
      { id: 'done', type: 'end', version: 1, position: { x: 0, y: 200 }, config: { text: { de: 'Bis bald!', en: 'See you!' } } },
      { id: 'none', type: 'end', version: 1, position: { x: 200, y: 200 }, config: { text: { de: 'Leider ist nichts frei.', en: 'Nothing is free.' } } },
      { id: 'broken', type: 'end', version: 1, position: { x: 400, y: 200 }, config: { text: { de: 'Fehler.', en: 'Error.' } } },
    ],
    edges: [
      { id: 'e1', from: { node: 'name', port: 'next' }, to: 'book' },
      { id: 'e2', from: { node: 'name', port: 'invalid' }, to: 'none' },
      { id: 'e3', from: { node: 'book', port: 'booked' }, to: 'done' },
      { id: 'e4', from: { node: 'book', port: 'no_slot' }, to: 'none' },
      { id: 'e5', from: { node: 'book', port: 'error' }, to: 'broken' },
    ],
  };
}

export type Requester = FlowAdmin;

/** `TestServer.request` for any runtime, e.g. a separate `dialogwerk serve` process. */
export function requester(baseUrl: string, adminToken: string): Requester {
  return {
    adminToken,
    request: async (method, route, options = {}) => {
      const headers: Record<string, string> = { ...options.headers };
      if (options.token) headers.authorization = `Bearer ${options.token}`;
      if (options.body !== undefined) headers['content-type'] = 'application/json';
      const response = await fetch(`${baseUrl}${route}`, { method, headers, body: options.body === undefined ? options.rawBody : JSON.stringify(options.body) });
      const text = await response.text();
      return { status: response.status, body: text ? JSON.parse(text) : undefined, headers: response.headers };
    },
  };
}

/** Starts a conversation and answers the name question; returns what the booking node offered. */
export async function reachOffer(server: Pick<Requester, 'request'>, flowId: string, name: string, locale = 'de') {
  const started = await server.request('POST', `/v1/bots/${flowId}/conversations`, { body: { locale } });
  const { conversationId, token } = started.body as { conversationId: string; token: string };
  const offer = await server.request('POST', `/v1/conversations/${conversationId}/messages`, { token, body: { id: 'name', text: name } });
  return { conversationId, token, offer: offer.body as { status: string; messages: { text: string; choices?: { id: string; label: string }[]; attachments?: { url: string }[] }[] } };
}
