import { describe, expect, it, vi } from 'vitest';
import { AdminClient } from './adminClient.js';
import { ApiError, NETWORK_ERROR } from './apiError.js';
import { sendConversationMessage } from './conversationClient.js';
import type { FetchLike } from './requestJson.js';

interface Call {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: unknown;
}

function fakeFetch(status: number, body: unknown) {
  const calls: Call[] = [];
  const fetch: FetchLike = async (url, init = {}) => {
    calls.push({
      url,
      method: init.method ?? 'GET',
      headers: init.headers as Record<string, string>,
      body: typeof init.body === 'string' ? JSON.parse(init.body) : undefined,
    });
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  };
  return { fetch, calls };
}

const client = (fetch: FetchLike, extra: Partial<ConstructorParameters<typeof AdminClient>[0]> = {}) =>
  new AdminClient({ token: 'secret', language: () => 'de', fetch, ...extra });

describe('AdminClient', () => {
  it('sends the admin token and the UI language', async () => {
    const { fetch, calls } = fakeFetch(200, { items: [{ id: 'a', name: 'A', revision: 1, publishedVersion: null, updatedAt: 'x' }] });
    const items = await client(fetch).listFlows();
    expect(items).toHaveLength(1);
    expect(calls[0]).toMatchObject({ url: '/v1/flows', method: 'GET' });
    expect(calls[0]!.headers).toMatchObject({ authorization: 'Bearer secret', 'accept-language': 'de' });
  });

  it('autosaves a draft with allowErrors over a revision (If-Match) and reads the node catalogue', async () => {
    const { fetch, calls } = fakeFetch(200, { revision: 8, problems: [], warnings: 0 });
    const document = { format: 'dialogwerk.flow/1', id: 'a b', name: 'A', locales: ['de'], start: 'x', nodes: [] };
    expect(await client(fetch).saveDraftOver(document, 7)).toEqual({ revision: 8, problems: [], warnings: 0 });
    expect(calls[0]).toMatchObject({ url: '/v1/flows/a%20b?allowErrors=true', method: 'PUT', body: document });
    expect(calls[0]!.headers).toMatchObject({ 'if-match': '7', authorization: 'Bearer secret' });

    const catalogue = fakeFetch(200, { items: [{ type: 'end' }] });
    expect(await client(catalogue.fetch).listNodes()).toEqual([{ type: 'end' }]);
    expect(catalogue.calls[0]).toMatchObject({ url: '/v1/nodes', method: 'GET' });
  });

  it('asks the language anew for every call', async () => {
    const { fetch, calls } = fakeFetch(200, { ok: true, problems: [] });
    let language = 'de';
    const admin = client(fetch, { language: () => language });
    await admin.validateFlow('a');
    language = 'en';
    await admin.validateFlow('a');
    expect(calls.map((call) => call.headers['accept-language'])).toEqual(['de', 'en']);
  });

  it('puts a draft under its id, as JSON', async () => {
    const { fetch, calls } = fakeFetch(200, { revision: 1, problems: [], warnings: 0 });
    await client(fetch).saveDraft({ id: 'kontakt', name: 'Kontakt' });
    expect(calls[0]).toMatchObject({ url: '/v1/flows/kontakt', method: 'PUT', body: { id: 'kontakt', name: 'Kontakt' } });
    expect(calls[0]!.headers['content-type']).toBe('application/json');
  });

  it('uses the right routes for publish, versions, delete and test conversations', async () => {
    const { fetch, calls } = fakeFetch(200, { items: [], version: 2 });
    const admin = client(fetch, { baseUrl: 'http://localhost:8787' });
    await admin.publishFlow('a', 'note');
    await admin.publishFlow('a');
    await admin.listVersions('a');
    await admin.deleteFlow('a');
    await admin.startTestConversation('a', 'en');
    expect(calls.map((call) => [call.method, call.url, call.body])).toEqual([
      ['POST', 'http://localhost:8787/v1/flows/a/publish', { note: 'note' }],
      ['POST', 'http://localhost:8787/v1/flows/a/publish', {}],
      ['GET', 'http://localhost:8787/v1/flows/a/versions', undefined],
      ['DELETE', 'http://localhost:8787/v1/flows/a', undefined],
      ['POST', 'http://localhost:8787/v1/flows/a/test-conversations', { locale: 'en' }],
    ]);
  });

  it('reads the version history with the live version in one request', async () => {
    const { fetch, calls } = fakeFetch(200, { items: [{ version: 1, note: null, createdAt: 't', createdBy: 'admin' }], publishedVersion: 1 });
    const history = await client(fetch).versionHistory('a');
    expect(history).toEqual({ items: [{ version: 1, note: null, createdAt: 't', createdBy: 'admin' }], publishedVersion: 1 });
    expect(calls).toHaveLength(1);
  });

  it('encodes ids in paths', async () => {
    const { fetch, calls } = fakeFetch(200, {});
    await client(fetch).getFlow('../x y');
    expect(calls[0]!.url).toBe('/v1/flows/..%2Fx%20y');
  });

  it('throws the parsed ApiError with its problems on 422', async () => {
    const { fetch } = fakeFetch(422, {
      error: { code: 'FLOW_INVALID', message: 'Der Ablauf hat 1 Fehler.', details: [{ code: 'FLOW_START_MISSING', severity: 'error', message: 'Kein Start.', path: ['start'] }] },
    });
    const error = await client(fetch).publishFlow('a').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).code).toBe('FLOW_INVALID');
    expect((error as ApiError).problems.map((problem) => problem.message)).toEqual(['Kein Start.']);
  });

  it('reports a rejected token to onUnauthorized and still throws', async () => {
    const { fetch } = fakeFetch(401, { error: { code: 'ADMIN_TOKEN_INVALID', message: 'nope' } });
    const onUnauthorized = vi.fn();
    await expect(client(fetch, { onUnauthorized }).listFlows()).rejects.toMatchObject({ status: 401, code: 'ADMIN_TOKEN_INVALID' });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it('does not call onUnauthorized for other errors', async () => {
    const { fetch } = fakeFetch(404, { error: { code: 'FLOW_NOT_FOUND', message: 'missing' } });
    const onUnauthorized = vi.fn();
    await expect(client(fetch, { onUnauthorized }).getFlow('x')).rejects.toMatchObject({ status: 404 });
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('turns a failed connection into a NETWORK_ERROR', async () => {
    const fetch: FetchLike = () => Promise.reject(new TypeError('Failed to fetch'));
    await expect(client(fetch).listFlows()).rejects.toMatchObject({ status: 0, code: NETWORK_ERROR });
  });
});

describe('sendConversationMessage', () => {
  it('uses the conversation token, not the admin token', async () => {
    const { fetch, calls } = fakeFetch(200, { status: 'awaiting_input', messages: [] });
    await sendConversationMessage({ conversationId: 'c 1', token: 'conv-token', message: { id: 'm1', choice: 'yes' }, language: 'en', fetch });
    expect(calls[0]).toMatchObject({ url: '/v1/conversations/c%201/messages', method: 'POST', body: { id: 'm1', choice: 'yes' } });
    expect(calls[0]!.headers.authorization).toBe('Bearer conv-token');
  });
});
