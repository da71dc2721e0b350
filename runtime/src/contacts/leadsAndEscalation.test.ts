import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { expectError } from '../api/apiTest.testkit.js';
import { openApiDocument } from '../api/openApiDocument.js';
import { schemaViolations } from '../api/openApiSchemaCheck.js';
import type { JsonSchema, OpenApiResponse } from '../api/openApiTypes.js';
import type { DomainEvent } from '../events/domainEvents.js';
import { publishFlow } from '../testing/publishFlow.js';

const doc = openApiDocument('test') as { paths: Record<string, Record<string, { responses: Record<string, OpenApiResponse> }>> };

/** The body matches what the OpenAPI document says this route answers. */
function expectDocumented(method: string, path: string, response: { status: number; body: unknown }) {
  const schema = doc.paths[path]?.[method]?.responses[String(response.status)]?.content?.['application/json']?.schema as JsonSchema;
  expect(schema, `${method} ${path} ${response.status} documented`).toBeDefined();
  expect(schemaViolations(doc, schema, response.body)).toEqual([]);
}

const node = (id: string, type: string, config: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id, type, version: 1, position: { x: 0, y: 0 }, config, ...extra });
const edge = (from: string, port: string, to: string) => ({ id: `${from}-${port}`, from: { node: from, port }, to });

function escalateFlow(id: string, settings: Record<string, unknown> = {}): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1', id, name: 'Escalate', locales: ['de', 'en'], start: 'esc', settings,
    nodes: [
      node('esc', 'escalate', { text: { de: 'Ich gebe Sie weiter.', en: 'Passing you on.' }, reason: { de: 'Steuerfrage', en: 'Tax question' } }),
      node('back', 'end', { text: { de: 'Danke, der Bot ist zurück.', en: 'Bot is back.' } }),
      node('later', 'end', { text: { de: 'Bis bald.', en: 'See you.' } }),
    ],
    edges: [edge('esc', 'handed_off', 'back'), edge('esc', 'offline', 'later')],
  };
}

/** Office hours open one hour a week, on the weekday three days from now (UTC): closed now, whatever the date. */
function closedNow(): Record<string, unknown> {
  const day = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'][(new Date().getUTCDay() + 3) % 7]!;
  return { officeHours: { timezone: 'UTC', weekly: { [day]: [['10:00', '11:00']] } } };
}

function leadFlow(id: string): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1', id, name: 'Lead', locales: ['de', 'en'], start: 'name',
    variables: { name: { type: 'string', pii: true }, email: { type: 'string', pii: true }, pin: { type: 'string' }, consent: { type: 'boolean' } },
    nodes: [
      node('name', 'ask', { text: 'Name?', variable: 'name', input: 'text' }),
      node('email', 'ask', { text: 'E-Mail?', variable: 'email', input: 'email' }),
      node('pin', 'ask', { text: 'Kundennummer?', variable: 'pin', input: 'text' }, { sensitive: true }),
      node('lead', 'capture_lead', { fields: { name: 'name', email: 'email' }, custom: { customerNumber: 'pin' }, requireConsent: true, consentVariable: 'consent' }),
      node('thanks', 'end', { text: 'Danke {{name}}!' }),
      node('declined', 'end', { text: 'Schade.' }),
    ],
    edges: [
      edge('name', 'next', 'email'), edge('email', 'next', 'pin'), edge('pin', 'next', 'lead'),
      edge('lead', 'captured', 'thanks'), edge('lead', 'no_consent', 'declined'),
    ],
  };
}

describe('escalate, capture_lead and the contacts store over HTTP', () => {
  let server: TestServer;
  const admin = () => server.adminToken;
  const received: DomainEvent[] = [];

  const publish = (flow: FlowDocumentInput) => publishFlow(server, flow);
  const start = async (flowId: string, locale = 'de') => {
    const response = await server.request('POST', `/v1/bots/${flowId}/conversations`, { body: { locale } });
    expect(response.status).toBe(201);
    return response.body as { conversationId: string; token: string; status: string; messages: { text: string; role: string }[] };
  };
  const say = async (conversation: { conversationId: string; token: string }, id: string, body: Record<string, string>) => {
    const response = await server.request('POST', `/v1/conversations/${conversation.conversationId}/messages`, { body: { id, ...body }, token: conversation.token });
    expect(response.status, JSON.stringify(response.body)).toBe(200);
    return response.body as { status: string; messages: { text: string; role: string }[] };
  };

  beforeAll(async () => {
    server = await startTestServer();
    server.runtime.events.subscribe({ name: 'test-crm', types: ['lead.captured'], handler: (event) => void received.push(event) });
    await publish(escalateFlow('open-office'));
    await publish(escalateFlow('closed-office', closedNow()));
    await publish(leadFlow('lead-intake'));
  });
  afterAll(async () => {
    await server?.stop();
  });

  it('hands off within office hours, lists the handoff with its reason, and continues at handed_off on release', async () => {
    const conversation = await start('open-office', 'en');
    expect(conversation.status).toBe('handed_off');
    expect(conversation.messages.map((m) => m.text)).toEqual(['Passing you on.']);
    const open = await server.request('GET', '/v1/handoffs?status=open', { token: admin() });
    expect(open.body.items).toContainEqual(expect.objectContaining({ conversationId: conversation.conversationId, flowId: 'open-office', reason: 'Steuerfrage' }));
    const waiting = await say(conversation, 'm1', { text: 'Hallo?' });
    expect(waiting).toEqual({ status: 'handed_off', messages: [expect.objectContaining({ role: 'user', text: 'Hallo?' })] });
    const released = await server.request('POST', `/v1/handoffs/${conversation.conversationId}/release`, { body: {}, token: admin() });
    expect(released.status).toBe(200);
    expect(released.body.status).toBe('ended');
    expect(released.body.messages.map((m: { text: string }) => m.text)).toEqual(['Bot is back.']);
    const transcript = await server.request('GET', `/v1/conversations/${conversation.conversationId}/transcript`, { token: admin() });
    expect(transcript.body.events).toContainEqual(expect.objectContaining({ type: 'escalation.handed_off', data: { reason: 'Steuerfrage' } }));
    const callbacks = await server.request('GET', '/v1/callbacks?status=all&flowId=open-office', { token: admin() });
    expect(callbacks.body.items).toEqual([]);
  });

  it('outside office hours records a callback request, says when the team is back and continues on offline', async () => {
    const conversation = await start('closed-office');
    expect(conversation.status).toBe('ended');
    const texts = conversation.messages.map((m) => m.text);
    expect(texts[0]).toBe('Ich gebe Sie weiter.');
    expect(texts[1]).toMatch(/^Unser Team ist gerade nicht erreichbar\. Ihre Rückrufbitte ist notiert, wir melden uns ab \S+, (\d+\. \S+, )?10:00 Uhr\.$/);
    expect(texts[2]).toBe('Bis bald.');
    const handoffs = await server.request('GET', '/v1/handoffs?status=open', { token: admin() });
    expect(handoffs.body.items.map((item: { conversationId: string }) => item.conversationId)).not.toContain(conversation.conversationId);

    const open = await server.request('GET', '/v1/callbacks', { token: admin() });
    expectDocumented('get', '/v1/callbacks', open);
    const request = open.body.items.find((item: { conversationId: string }) => item.conversationId === conversation.conversationId);
    expect(request).toMatchObject({ flowId: 'closed-office', nodeId: 'esc', reason: 'Steuerfrage', status: 'open', contact: null, isTest: false });
    const opening = new Date(request.nextOpening);
    expect(opening.getTime()).toBeGreaterThan(Date.now());
    expect(opening.getUTCHours()).toBe(10);

    const done = await server.request('POST', `/v1/callbacks/${request.id}/done`, { body: { note: 'Zurückgerufen' }, token: admin() });
    expectDocumented('post', '/v1/callbacks/{callbackId}/done', done);
    expect(done.body).toMatchObject({ id: request.id, status: 'done', note: 'Zurückgerufen' });
    const again = await server.request('POST', `/v1/callbacks/${request.id}/done`, { token: admin() });
    expect(again.body.doneAt).toBe(done.body.doneAt);
    expect((await server.request('GET', '/v1/callbacks', { token: admin() })).body.items).toEqual([]);
    expect((await server.request('GET', '/v1/callbacks?status=done', { token: admin() })).body.total).toBe(1);
    expectError(await server.request('POST', '/v1/callbacks/999999/done', { token: admin() }), 404, 'CALLBACK_NOT_FOUND');
    expectError(await server.request('POST', '/v1/callbacks/abc/done', { token: admin() }), 404, 'CALLBACK_NOT_FOUND');
    expectError(await server.request('POST', `/v1/callbacks/${request.id}/done`, { body: { note: 5 }, token: admin() }), 400);
    expectError(await server.request('GET', '/v1/callbacks?status=maybe', { token: admin() }), 400, 'INVALID_QUERY');
    expectError(await server.request('GET', '/v1/callbacks'), 401);
  });

  it('captures a lead after consent with its transcript, keeps sensitive answers out, and emits lead.captured once', async () => {
    const conversation = await start('lead-intake');
    await say(conversation, 'm1', { text: 'Ada Muster' });
    await say(conversation, 'm2', { text: 'Ada@Example.ch' });
    const consentQuestion = await say(conversation, 'm3', { text: 'K-4711' });
    expect(consentQuestion.messages[0]).toEqual(expect.objectContaining({ role: 'user', text: '•••' }));
    expect(consentQuestion.messages[1]!.text).toMatch(/^Dürfen wir Ihre Angaben speichern/);
    const finished = await say(conversation, 'm4', { choice: 'yes' });
    expect(finished.status).toBe('ended');
    expect(finished.messages.map((m) => m.text)).toEqual(['Ja', 'Danke Ada Muster!']);
    const retried = await say(conversation, 'm4', { choice: 'yes' });
    expect(retried).toEqual(finished);

    const leads = await server.request('GET', '/v1/leads?flowId=lead-intake', { token: admin() });
    expectDocumented('get', '/v1/leads', leads);
    expect(leads.body.total).toBe(1);
    const lead = leads.body.items[0];
    expect(lead.fields).toEqual({ name: 'Ada Muster', email: 'ada@example.ch' });
    expect(lead.consent).toMatchObject({ answer: 'Ja', locale: 'de', text: consentQuestion.messages[1]!.text });

    const one = await server.request('GET', `/v1/leads/${lead.id}`, { token: admin() });
    expectDocumented('get', '/v1/leads/{leadId}', one);
    const transcript = one.body.transcript.map((m: { role: string; text: string }) => `${m.role}: ${m.text}`);
    expect(transcript).toEqual([
      'bot: Name?', 'user: Ada Muster', 'bot: E-Mail?', 'user: Ada@Example.ch', 'bot: Kundennummer?', 'user: •••',
      `bot: ${consentQuestion.messages[1]!.text}`, 'user: Ja', 'bot: Danke Ada Muster!',
    ]);
    expect(JSON.stringify(one.body)).not.toContain('K-4711');
    expect(one.body.contact).toMatchObject({ id: lead.contactId, email: 'ada@example.ch', name: 'Ada Muster' });

    await server.runtime.events.drain();
    const mine = received.filter((event) => event.conversationId === conversation.conversationId);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ type: 'lead.captured', flowId: 'lead-intake', nodeId: 'lead', data: { contactId: lead.contactId, leadId: lead.id, withheld: ['customerNumber'] } });
    expect(JSON.stringify(mine[0])).not.toContain('K-4711');
  });

  it('stores nothing without consent', async () => {
    const before = (await server.request('GET', '/v1/leads', { token: admin() })).body.total;
    const conversation = await start('lead-intake');
    await say(conversation, 'n1', { text: 'Bob' });
    await say(conversation, 'n2', { text: 'bob@example.ch' });
    await say(conversation, 'n3', { text: '1234' });
    const declined = await say(conversation, 'n4', { text: 'nein' });
    expect(declined.messages.map((m) => m.text)).toEqual(['nein', 'Schade.']);
    expect((await server.request('GET', '/v1/leads', { token: admin() })).body.total).toBe(before);
    expect((await server.request('GET', '/v1/contacts?q=bob', { token: admin() })).body.items).toEqual([]);
  });

  it('de-duplicates the same email into one contact, exports CSV and erases a contact', async () => {
    const conversation = await start('lead-intake');
    for (const [id, text] of [['d1', 'Ada M.'], ['d2', 'ada@example.ch'], ['d3', '99'], ['d4', 'ja']]) await say(conversation, id!, { text: text! });
    const contacts = await server.request('GET', '/v1/contacts?q=ada%40example', { token: admin() });
    expectDocumented('get', '/v1/contacts', contacts);
    expect(contacts.body.total).toBe(1);
    const contactId = contacts.body.items[0].id;
    expect(contacts.body.items[0].name).toBe('Ada M.');

    const contact = await server.request('GET', `/v1/contacts/${contactId}`, { token: admin() });
    expectDocumented('get', '/v1/contacts/{contactId}', contact);
    expect(contact.body.leads).toHaveLength(2);
    expect(contact.body.leads[1].transcript.at(-1).text).toBe('Danke Ada M.!');

    const today = new Date().toISOString().slice(0, 10);
    const csv = await server.request('GET', `/v1/leads.csv?flowId=lead-intake&from=${today}&to=${today}&delimiter=semicolon`, { token: admin() });
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = String(csv.body).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.split(';').slice(0, 8)).toEqual(['leadId', 'createdAt', 'flowId', 'conversationId', 'contactId', 'test', 'name', 'email']);
    expect(lines).toHaveLength(3);
    expectError(await server.request('GET', '/v1/leads.csv?from=2026-13-01', { token: admin() }), 400, 'INVALID_QUERY');
    expectError(await server.request('GET', '/v1/leads?limit=0', { token: admin() }), 400, 'INVALID_QUERY');
    expectError(await server.request('GET', '/v1/leads?test=maybe', { token: admin() }), 400, 'INVALID_QUERY');
    expectError(await server.request('GET', '/v1/leads/nope', { token: admin() }), 404, 'LEAD_NOT_FOUND');

    const erased = await server.request('DELETE', `/v1/contacts/${contactId}`, { token: admin() });
    expectDocumented('delete', '/v1/contacts/{contactId}', erased);
    expect(erased.body).toMatchObject({ deleted: true, leads: 2 });
    expect(erased.body.conversations).toContain(conversation.conversationId);
    expectError(await server.request('GET', `/v1/contacts/${contactId}`, { token: admin() }), 404, 'CONTACT_NOT_FOUND');
    expectError(await server.request('DELETE', `/v1/contacts/${contactId}`, { token: admin() }), 404, 'CONTACT_NOT_FOUND');
    const gone = await server.request('GET', `/v1/conversations/${conversation.conversationId}/transcript`, { token: admin() });
    expect(gone.status).toBe(404);
    expect((await server.request('GET', '/v1/leads?flowId=lead-intake', { token: admin() })).body.total).toBe(0);
  });
});
