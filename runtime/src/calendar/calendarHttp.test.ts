import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApiDocument } from '../api/openApiDocument.js';
import { schemaViolations } from '../api/openApiSchemaCheck.js';
import type { JsonSchema } from '../api/openApiTypes.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { bookingFlow, reachOffer } from './bookingFlow.testkit.js';
import { publishFlow } from '../testing/publishFlow.js';
import { parseIcs } from './icsParse.testkit.js';

const doc = openApiDocument('test') as { paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }> }>> };
/** The body matches what the OpenAPI document promises for this route and status. */
const documented = (method: string, path: string, status: number, body: unknown) =>
  schemaViolations(doc, doc.paths[path]![method]!.responses[String(status)]!.content!['application/json']!.schema, body);

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await publishFlow(server, bookingFlow('salon', 2));
});
afterAll(() => server?.stop());

const admin = (method: string, route: string) => server.request(method, route, { token: server.adminToken });
const get = async (url: string) => {
  const response = await fetch(new URL(url, server.url));
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
};

describe('built-in calendar over HTTP', () => {
  it('books through a flow, then shows the booking in the admin API, the feed and its own .ics file', async () => {
    const { conversationId, token, offer } = await reachOffer(server, 'salon', 'Ada');
    const question = offer.messages.at(-1)!;
    expect(question.text).toBe('Welcher Termin passt Ihnen?');
    expect(question.choices!.map((choice) => choice.label)).toEqual(['Mo 2.6., 09:00', 'Mo 2.6., 10:00', 'Andere Tage']);

    const picked = await server.request('POST', `/v1/conversations/${conversationId}/messages`, { token, body: { id: 'pick', text: 'Mo 2.6., 10:00' } });
    expect(picked.status).toBe(200);
    const [confirmation, goodbye] = picked.body.messages.slice(1);
    expect(confirmation.text).toBe('Ihr Termin ist gebucht: Montag, 2. Juni 2031, um 10:00.');
    expect(confirmation.attachments).toEqual([{ name: 'Termin.ics', url: expect.stringMatching(/^\/v1\/bookings\/.+\/booking\.ics\?token=/), contentType: 'text/calendar' }]);
    expect(goodbye.text).toBe('Bis bald!');
    expect(picked.body.status).toBe('ended');

    const file = await get(confirmation.attachments[0].url);
    expect(file.status).toBe(200);
    expect(file.type).toMatch(/^text\/calendar/);
    const event = parseIcs(file.text).events[0]!;
    expect(event).toMatchObject({ DTSTART: '20310602T080000Z', DTEND: '20310602T090000Z', SUMMARY: 'Beratung Ada', STATUS: 'CONFIRMED' });

    const list = await admin('GET', '/v1/bookings?flowId=salon&from=2031-06-02&to=2031-06-02');
    expect(list.status).toBe(200);
    expect(documented('get', '/v1/bookings', 200, list.body)).toEqual([]);
    expect(list.body).toMatchObject({ total: 1, nextOffset: null });
    const booking = list.body.items[0];
    expect(booking).toMatchObject({ calendar: 'default', start: '2031-06-02T08:00:00.000Z', status: 'booked', conversationId, flowId: 'salon', attendee: { name: 'Ada' } });
    expect(event.UID).toBe(`${booking.id}@dialogwerk`);
    const one = await admin('GET', `/v1/bookings/${booking.id}`);
    expect(one.body).toEqual(booking);
    expect(documented('get', '/v1/bookings/{bookingId}', 200, one.body)).toEqual([]);

    const calendars = await admin('GET', '/v1/calendars');
    expect(documented('get', '/v1/calendars', 200, calendars.body)).toEqual([]);
    const calendar = calendars.body.items.find((item: { id: string }) => item.id === 'default');
    expect(calendar.feedUrl).toMatch(new RegExp(`^${server.url}/v1/calendars/default/feed\\.ics\\?token=`));
    const feed = await get(calendar.feedUrl);
    expect(feed.status).toBe(200);
    expect(parseIcs(feed.text).events.map((e) => e.UID)).toEqual([event.UID]);

    const cancelled = await admin('POST', `/v1/bookings/${booking.id}/cancel`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect(parseIcs((await get(calendar.feedUrl)).text).events).toEqual([]);
    expect(parseIcs((await get(confirmation.attachments[0].url)).text).events[0]).toMatchObject({ STATUS: 'CANCELLED', SEQUENCE: '1', UID: event.UID });
    const again = await admin('POST', `/v1/bookings/${booking.id}/cancel`);
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('BOOKING_ALREADY_CANCELLED');

    // The freed slot is offered again.
    const next = await reachOffer(server, 'salon', 'Bea');
    expect(next.offer.messages.at(-1)!.choices!.map((choice) => choice.label)).toEqual(['Mo 2.6., 09:00', 'Mo 2.6., 10:00', 'Andere Tage']);
  });

  it('guards the feed and the booking file with their tokens, and rotating the feed token retires the old link', async () => {
    const before = (await admin('GET', '/v1/calendars')).body.items.find((item: { id: string }) => item.id === 'default');
    const wrong = await server.request('GET', '/v1/calendars/default/feed.ics?token=nope', { headers: { 'accept-language': 'de' } });
    expect(wrong.status).toBe(401);
    expect(wrong.body.error.code).toBe('CALENDAR_TOKEN_INVALID');
    expect(wrong.body.error.message).toMatch(/Abo-Link/);
    expect((await server.request('GET', '/v1/calendars/default/feed.ics')).status).toBe(401);
    expect((await server.request('GET', '/v1/calendars/nowhere/feed.ics?token=x')).body.error.code).toBe('CALENDAR_NOT_FOUND');
    expect((await server.request('GET', '/v1/bookings/nowhere/booking.ics?token=x')).status).toBe(404);
    expect((await server.request('GET', '/v1/calendars', {})).status).toBe(401);

    const rotated = await admin('POST', '/v1/calendars/default/feed-token');
    expect(rotated.status).toBe(200);
    expect(documented('post', '/v1/calendars/{calendarId}/feed-token', 200, rotated.body)).toEqual([]);
    expect(rotated.body.calendar.feedUrl).not.toBe(before.feedUrl);
    expect((await get(before.feedUrl)).status).toBe(401);
    expect((await get(rotated.body.calendar.feedUrl)).status).toBe(200);
    expect((await admin('POST', '/v1/calendars/nowhere/feed-token')).status).toBe(404);
  });

  it('answers bad queries and unknown bookings with JSON errors, never 500', async () => {
    for (const query of ['from=yesterday', 'limit=0', 'limit=9999', 'status=maybe', 'offset=-1', 'to=2031-13-01']) {
      const response = await admin('GET', `/v1/bookings?${query}`);
      expect(response.status, query).toBe(400);
      expect(response.body.error.code).toBe('INVALID_QUERY');
    }
    const missing = await admin('GET', '/v1/bookings/nope');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('BOOKING_NOT_FOUND');
    expect((await admin('POST', '/v1/bookings/nope/cancel')).status).toBe(404);
  });

  it('lets the builder\'s test chat book without blocking customers or showing up in the feed', async () => {
    const started = await server.request('POST', '/v1/flows/salon/test-conversations', { token: server.adminToken, body: { locale: 'en' } });
    expect(started.status).toBe(201);
    const { conversationId, token } = started.body;
    const offer = await server.request('POST', `/v1/conversations/${conversationId}/messages`, { token, body: { id: 'n', text: 'Tess' } });
    const slot = offer.body.messages.at(-1).choices[0];
    expect(slot.label).toBe('Mon 2 Jun, 09:00');
    const done = await server.request('POST', `/v1/conversations/${conversationId}/messages`, { token, body: { id: 'p', choice: slot.id } });
    expect(done.body.messages[1].text).toBe('Your appointment is booked: Monday, 2 June 2031, at 09:00.');
    const tests = await admin('GET', '/v1/bookings?test=true');
    expect(tests.body.items.map((b: { test: boolean; start: string }) => [b.test, b.start])).toEqual([[true, '2031-06-02T07:00:00.000Z']]);
    const feedUrl = (await admin('GET', '/v1/calendars')).body.items.find((item: { id: string }) => item.id === 'default').feedUrl;
    expect(parseIcs((await get(feedUrl)).text).events.map((e) => e.DTSTART)).not.toContain('20310602T070000Z');
    const customer = await reachOffer(server, 'salon', 'Real');
    expect(customer.offer.messages.at(-1)!.choices![0]!.id).toBe(slot.id);
    const cancelled = await admin('POST', `/v1/bookings/${tests.body.items[0].id}/cancel`);
    expect(cancelled.status).toBe(200);
  });

  it('pages the booking list', async () => {
    for (const name of ['Cleo', 'Dora']) {
      const { conversationId, token, offer } = await reachOffer(server, 'salon', name);
      const choice = offer.messages.at(-1)!.choices![0]!.id;
      const response = await server.request('POST', `/v1/conversations/${conversationId}/messages`, { token, body: { id: 'pick', choice } });
      expect(response.body.messages[1].text).toMatch(/gebucht/);
    }
    const first = await admin('GET', '/v1/bookings?status=booked&limit=1');
    expect(first.body).toMatchObject({ total: 2, nextOffset: 1 });
    const second = await admin('GET', `/v1/bookings?status=booked&limit=1&offset=${first.body.nextOffset}`);
    expect(second.body.nextOffset).toBeNull();
    expect([first.body.items[0].start, second.body.items[0].start]).toEqual(['2031-06-02T07:00:00.000Z', '2031-06-02T08:00:00.000Z']);
    expect((await admin('GET', '/v1/bookings?calendar=other')).body.total).toBe(0);
  });
});
