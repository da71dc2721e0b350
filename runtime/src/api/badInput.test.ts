import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { threeQuestionFlow } from '../testing/flowFixtures.js';
import { DbInspector, endingFlow, expectDbUnchanged, expectError, handoffFlow, type ApiResponse } from './apiTest.testkit.js';
import { publishFlow } from '../testing/publishFlow.js';

const KiB = 1024;
const MiB = 1024 * KiB;

interface Conversation {
  id: string;
  token: string;
}

describe('bad input over real HTTP', () => {
  let server: TestServer;
  let db: DbInspector;
  let chat: Conversation; // three-questions, waiting for the name
  let ended: Conversation;
  let handedOff: Conversation;

  const admin = (method: string, route: string, options: Parameters<TestServer['request']>[2] = {}) =>
    server.request(method, route, { ...options, token: server.adminToken });

  const startConversation = async (flowId: string): Promise<Conversation> => {
    const started = await server.request('POST', `/v1/bots/${flowId}/conversations`, { body: { locale: 'en' } });
    expect(started.status).toBe(201);
    return { id: started.body.conversationId, token: started.body.token };
  };

  /** Raw fetch, for bodies the JSON helper cannot produce (bytes, streams, odd content types). */
  const raw = async (method: string, route: string, init: { body?: BodyInit; headers?: Record<string, string>; token?: string } = {}): Promise<ApiResponse> => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    const response = await fetch(`${server.url}${route}`, {
      method,
      headers,
      body: init.body,
      ...(init.body instanceof ReadableStream ? { duplex: 'half' } : {}),
    } as RequestInit);
    const text = await response.text();
    let body: unknown = text;
    try {
      body = text ? JSON.parse(text) : undefined;
    } catch {
      // stays text
    }
    return { status: response.status, body, headers: response.headers };
  };

  beforeAll(async () => {
    server = await startTestServer();
    db = new DbInspector(server.dataDir);
    for (const flow of [threeQuestionFlow(), handoffFlow('handoff-now'), endingFlow('ends-now')]) {
      await publishFlow(server, flow);
    }
    // A draft that was never published.
    expect((await admin('PUT', '/v1/flows/draft-only', { body: threeQuestionFlow('draft-only') })).status).toBe(200);
    chat = await startConversation('three-questions');
    ended = await startConversation('ends-now');
    handedOff = await startConversation('handoff-now');
  });

  afterAll(async () => {
    db?.close();
    await server?.stop();
  });

  describe('malformed JSON is a 400 MALFORMED_JSON and changes nothing', () => {
    const cases: { name: string; method: string; route: () => string; token: () => string | undefined }[] = [
      { name: 'start conversation', method: 'POST', route: () => '/v1/bots/three-questions/conversations', token: () => undefined },
      { name: 'customer message', method: 'POST', route: () => `/v1/conversations/${chat.id}/messages`, token: () => chat.token },
      { name: 'PUT flow', method: 'PUT', route: () => '/v1/flows/three-questions', token: () => server.adminToken },
      { name: 'publish', method: 'POST', route: () => '/v1/flows/three-questions/publish', token: () => server.adminToken },
      { name: 'rollback', method: 'POST', route: () => '/v1/flows/three-questions/rollback', token: () => server.adminToken },
      { name: 'test conversation', method: 'POST', route: () => '/v1/flows/three-questions/test-conversations', token: () => server.adminToken },
      { name: 'validate', method: 'POST', route: () => '/v1/validate', token: () => server.adminToken },
      { name: 'agent message', method: 'POST', route: () => `/v1/handoffs/${handedOff.id}/messages`, token: () => server.adminToken },
      { name: 'release', method: 'POST', route: () => `/v1/handoffs/${handedOff.id}/release`, token: () => server.adminToken },
    ];
    for (const bad of ['{"id": "m1", "text": ', "{'id': 'm1'}", '{"id":"m1","text":"a",}', 'undefined', '{"id":"m1"} trailing']) {
      it.each(cases)(`$name: ${JSON.stringify(bad)}`, async ({ method, route, token }) => {
        const response = await expectDbUnchanged(db, () =>
          server.request(method, route(), { rawBody: bad, token: token(), headers: { 'content-type': 'application/json' } }),
        );
        expectError(response, 400, 'MALFORMED_JSON');
      });
    }
  });

  describe('wrong body shapes are a 400 INVALID_BODY and change nothing', () => {
    const messageShapes: unknown[] = [
      {},
      [],
      null,
      'hello',
      42,
      { text: 'no id' },
      { id: 'm1' },
      { id: 'm1', text: 'both', choice: 'yes' },
      { id: '', text: 'empty id' },
      { id: 'x'.repeat(129), text: 'id too long' },
      { id: 5, text: 'numeric id' },
      { id: 'm1', text: 5 },
      { id: 'm1', text: null },
      { id: 'm1', choice: '' },
      { id: 'm1', choice: ['yes'] },
    ];
    it.each(messageShapes.map((body) => ({ body, label: JSON.stringify(body).slice(0, 60) })))('customer message $label', async ({ body }) => {
      const response = await expectDbUnchanged(db, () =>
        server.request('POST', `/v1/conversations/${chat.id}/messages`, { body, token: chat.token }),
      );
      expectError(response, 400, 'INVALID_BODY');
      expect(Array.isArray(response.body.error.details)).toBe(true);
    });

    const otherShapes: { name: string; route: () => string; body: unknown; auth: 'admin' | 'none' }[] = [
      { name: 'start: locale is a number', route: () => '/v1/bots/three-questions/conversations', body: { locale: 5 }, auth: 'none' },
      { name: 'start: context is an array', route: () => '/v1/bots/three-questions/conversations', body: { context: [] }, auth: 'none' },
      { name: 'start: context is a string', route: () => '/v1/bots/three-questions/conversations', body: { context: 'x' }, auth: 'none' },
      { name: 'start: body is an array', route: () => '/v1/bots/three-questions/conversations', body: [], auth: 'none' },
      { name: 'start: body is null', route: () => '/v1/bots/three-questions/conversations', body: null, auth: 'none' },
      { name: 'publish: note is a number', route: () => '/v1/flows/three-questions/publish', body: { note: 5 }, auth: 'admin' },
      { name: 'publish: body is an array', route: () => '/v1/flows/three-questions/publish', body: [], auth: 'admin' },
      { name: 'rollback: no version', route: () => '/v1/flows/three-questions/rollback', body: {}, auth: 'admin' },
      { name: 'rollback: version is a string', route: () => '/v1/flows/three-questions/rollback', body: { version: '1' }, auth: 'admin' },
      { name: 'rollback: version 0', route: () => '/v1/flows/three-questions/rollback', body: { version: 0 }, auth: 'admin' },
      { name: 'rollback: version 1.5', route: () => '/v1/flows/three-questions/rollback', body: { version: 1.5 }, auth: 'admin' },
      { name: 'test conversation: locale is an object', route: () => '/v1/flows/three-questions/test-conversations', body: { locale: {} }, auth: 'admin' },
      { name: 'agent message: no text', route: () => `/v1/handoffs/${handedOff.id}/messages`, body: { id: 'a1' }, auth: 'admin' },
      { name: 'agent message: empty text', route: () => `/v1/handoffs/${handedOff.id}/messages`, body: { id: 'a1', text: '' }, auth: 'admin' },
      { name: 'agent message: no id', route: () => `/v1/handoffs/${handedOff.id}/messages`, body: { text: 'Hi' }, auth: 'admin' },
      { name: 'release: node is a number', route: () => `/v1/handoffs/${handedOff.id}/release`, body: { node: 5 }, auth: 'admin' },
      { name: 'release: node is empty', route: () => `/v1/handoffs/${handedOff.id}/release`, body: { node: '' }, auth: 'admin' },
    ];
    it.each(otherShapes)('$name', async ({ route, body, auth }) => {
      const response = await expectDbUnchanged(db, () =>
        server.request('POST', route(), { body, token: auth === 'admin' ? server.adminToken : undefined }),
      );
      expectError(response, 400, 'INVALID_BODY');
    });
  });

  describe('size limits', () => {
    it('rejects a chat message body over 64 KiB with 413 BODY_TOO_LARGE', async () => {
      const body = { id: 'too-big', text: 'a'.repeat(64 * KiB) };
      const response = await expectDbUnchanged(db, () =>
        server.request('POST', `/v1/conversations/${chat.id}/messages`, { body, token: chat.token }),
      );
      expectError(response, 413, 'BODY_TOO_LARGE');
    });

    it('rejects a streamed (chunked, no Content-Length) chat body over 64 KiB with 413', async () => {
      const chunk = new TextEncoder().encode('a'.repeat(8 * KiB));
      let sent = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(controller) {
          if (sent === 0) controller.enqueue(new TextEncoder().encode('{"id":"streamed","text":"'));
          if (sent >= 10) {
            controller.enqueue(new TextEncoder().encode('"}'));
            controller.close();
            return;
          }
          sent++;
          controller.enqueue(chunk);
        },
      });
      const response = await expectDbUnchanged(db, () =>
        raw('POST', `/v1/conversations/${chat.id}/messages`, { body: stream, token: chat.token, headers: { 'content-type': 'application/json' } }),
      );
      expectError(response, 413, 'BODY_TOO_LARGE');
    });

    it('rejects a start body over 64 KiB with 413', async () => {
      const response = await expectDbUnchanged(db, () =>
        server.request('POST', '/v1/bots/three-questions/conversations', { body: { context: { name: 'x'.repeat(65 * KiB) } } }),
      );
      expectError(response, 413, 'BODY_TOO_LARGE');
    });

    it('rejects text over 4,000 code points with 413, counting code points not UTF-16 units', async () => {
      const tooLong = await expectDbUnchanged(db, () =>
        server.request('POST', `/v1/conversations/${chat.id}/messages`, { body: { id: 'long-ascii', text: 'a'.repeat(4001) }, token: chat.token }),
      );
      expectError(tooLong, 413, 'MESSAGE_TOO_LONG');
      const tooManyEmoji = await expectDbUnchanged(db, () =>
        server.request('POST', `/v1/conversations/${chat.id}/messages`, { body: { id: 'long-emoji', text: '😀'.repeat(4001) }, token: chat.token }),
      );
      expectError(tooManyEmoji, 413, 'MESSAGE_TOO_LONG');
    });

    it('accepts exactly 4,000 emoji code points (8,000 UTF-16 units) and stores them verbatim', async () => {
      const conversation = await startConversation('three-questions');
      const text = '😀'.repeat(4000);
      const response = await server.request('POST', `/v1/conversations/${conversation.id}/messages`, { body: { id: 'emoji', text }, token: conversation.token });
      expect(response.status).toBe(200);
      expect(response.body.messages.map((m: { role: string; text: string }) => [m.role, m.text])).toEqual([
        ['user', text],
        ['bot', `Your email, ${text}?`],
      ]);
      const transcript = await server.request('GET', `/v1/conversations/${conversation.id}`, { token: conversation.token });
      expect(transcript.body.messages[1].text).toBe(text);
    });

    it('applies the same limits to agent messages', async () => {
      const longText = await expectDbUnchanged(db, () =>
        admin('POST', `/v1/handoffs/${handedOff.id}/messages`, { body: { id: 'agent-long', text: '😀'.repeat(4001) } }),
      );
      expectError(longText, 413, 'MESSAGE_TOO_LONG');
      const bigBody = await expectDbUnchanged(db, () =>
        admin('POST', `/v1/handoffs/${handedOff.id}/messages`, { body: { id: 'agent-big', text: 'a'.repeat(64 * KiB) } }),
      );
      expectError(bigBody, 413, 'BODY_TOO_LARGE');
    });

    it('rejects a flow document over 5 MiB with 413 and keeps the draft', async () => {
      const before = await admin('GET', '/v1/flows/three-questions');
      const flow = threeQuestionFlow();
      flow.description = 'x'.repeat(5 * MiB);
      const response = await expectDbUnchanged(db, () => admin('PUT', '/v1/flows/three-questions', { body: flow }));
      expectError(response, 413, 'BODY_TOO_LARGE');
      const after = await admin('GET', '/v1/flows/three-questions');
      expect(after.body.revision).toBe(before.body.revision);
      expect(after.body.draft).toEqual(before.body.draft);
    });

    it('accepts a flow document just under 5 MiB', async () => {
      const flow = threeQuestionFlow('big-flow');
      const base = JSON.stringify(flow).length;
      const text = 'x'.repeat(5 * MiB - base - 200);
      (flow.nodes[3]!.config as { text: unknown }).text = text;
      expect(JSON.stringify(flow).length).toBeLessThan(5 * MiB);
      const response = await admin('PUT', '/v1/flows/big-flow', { body: flow });
      expect(response.status).toBe(200);
      expect(response.body.revision).toBe(1);
      const stored = await admin('GET', '/v1/flows/big-flow');
      expect(stored.body.draft.nodes[3].config.text).toBe(text);
      expect((await admin('DELETE', '/v1/flows/big-flow')).status).toBe(200);
    });
  });

  describe('unknown ids are 404s that change nothing', () => {
    const cases: { name: string; method: string; route: string; auth: 'admin' | 'chat'; body?: unknown; code: string }[] = [
      { name: 'message to unknown conversation', method: 'POST', route: '/v1/conversations/00000000-0000-0000-0000-000000000000/messages', auth: 'chat', body: { id: 'm1', text: 'hi' }, code: 'CONVERSATION_NOT_FOUND' },
      { name: 'transcript of unknown conversation', method: 'GET', route: '/v1/conversations/nope', auth: 'chat', code: 'CONVERSATION_NOT_FOUND' },
      { name: 'admin transcript of unknown conversation', method: 'GET', route: '/v1/conversations/nope/transcript', auth: 'admin', code: 'CONVERSATION_NOT_FOUND' },
      { name: 'start on unknown flow', method: 'POST', route: '/v1/bots/no-such-flow/conversations', auth: 'chat', body: {}, code: 'FLOW_NOT_PUBLISHED' },
      { name: 'start on unpublished flow', method: 'POST', route: '/v1/bots/draft-only/conversations', auth: 'chat', body: {}, code: 'FLOW_NOT_PUBLISHED' },
      { name: 'start on invalid flow id', method: 'POST', route: '/v1/bots/Not%20A%20Flow/conversations', auth: 'chat', body: {}, code: 'FLOW_NOT_FOUND' },
      { name: 'GET unknown flow', method: 'GET', route: '/v1/flows/no-such-flow', auth: 'admin', code: 'FLOW_NOT_FOUND' },
      { name: 'GET invalid flow id', method: 'GET', route: '/v1/flows/UPPER', auth: 'admin', code: 'FLOW_NOT_FOUND' },
      { name: 'PUT invalid flow id', method: 'PUT', route: '/v1/flows/bad%20id', auth: 'admin', body: threeQuestionFlow('bad id'), code: 'FLOW_NOT_FOUND' },
      { name: 'PUT flow id longer than 64', method: 'PUT', route: `/v1/flows/${'a'.repeat(65)}`, auth: 'admin', body: threeQuestionFlow('a'.repeat(65)), code: 'FLOW_NOT_FOUND' },
      { name: 'DELETE unknown flow', method: 'DELETE', route: '/v1/flows/no-such-flow', auth: 'admin', code: 'FLOW_NOT_FOUND' },
      { name: 'publish unknown flow', method: 'POST', route: '/v1/flows/no-such-flow/publish', auth: 'admin', code: 'FLOW_NOT_FOUND' },
      { name: 'versions of unknown flow', method: 'GET', route: '/v1/flows/no-such-flow/versions', auth: 'admin', code: 'FLOW_NOT_FOUND' },
      { name: 'unknown version', method: 'GET', route: '/v1/flows/three-questions/versions/99', auth: 'admin', code: 'FLOW_VERSION_NOT_FOUND' },
      { name: 'non-numeric version', method: 'GET', route: '/v1/flows/three-questions/versions/latest', auth: 'admin', code: 'FLOW_VERSION_NOT_FOUND' },
      { name: 'rollback to unknown version', method: 'POST', route: '/v1/flows/three-questions/rollback', auth: 'admin', body: { version: 99 }, code: 'FLOW_VERSION_NOT_FOUND' },
      { name: 'test conversation on unknown flow', method: 'POST', route: '/v1/flows/no-such-flow/test-conversations', auth: 'admin', body: {}, code: 'FLOW_NOT_FOUND' },
      { name: 'unknown handoff', method: 'GET', route: '/v1/handoffs/nope', auth: 'admin', code: 'HANDOFF_NOT_FOUND' },
      { name: 'agent message to unknown conversation', method: 'POST', route: '/v1/handoffs/nope/messages', auth: 'admin', body: { id: 'a1', text: 'Hi' }, code: 'CONVERSATION_NOT_FOUND' },
      { name: 'release of unknown conversation', method: 'POST', route: '/v1/handoffs/nope/release', auth: 'admin', body: {}, code: 'CONVERSATION_NOT_FOUND' },
      { name: 'unknown route', method: 'GET', route: '/v1/no-such-route', auth: 'admin', code: 'NOT_FOUND' },
    ];
    it.each(cases)('$name', async ({ method, route, auth, body, code }) => {
      const token = auth === 'admin' ? server.adminToken : chat.token;
      const response = await expectDbUnchanged(db, () => server.request(method, route, { body, token }));
      expectError(response, 404, code);
    });
  });

  describe('conflicts and semantically invalid requests', () => {
    it('answers a message to an ended conversation with 409 CONVERSATION_ENDED', async () => {
      const transcript = await server.request('GET', `/v1/conversations/${ended.id}`, { token: ended.token });
      expect(transcript.body.status).toBe('ended');
      const response = await expectDbUnchanged(db, () =>
        server.request('POST', `/v1/conversations/${ended.id}/messages`, { body: { id: 'late', text: 'Hello?' }, token: ended.token }),
      );
      expectError(response, 409, 'CONVERSATION_ENDED');
    });

    it('answers a reused message id with a different body with 409, the same body with the original response', async () => {
      const conversation = await startConversation('three-questions');
      const first = await server.request('POST', `/v1/conversations/${conversation.id}/messages`, { body: { id: 'dup', text: 'Ada' }, token: conversation.token });
      expect(first.status).toBe(200);
      const conflict = await expectDbUnchanged(db, () =>
        server.request('POST', `/v1/conversations/${conversation.id}/messages`, { body: { id: 'dup', text: 'Grace' }, token: conversation.token }),
      );
      expectError(conflict, 409, 'MESSAGE_ID_REUSED');
      const again = await expectDbUnchanged(db, () =>
        server.request('POST', `/v1/conversations/${conversation.id}/messages`, { body: { id: 'dup', text: 'Ada' }, token: conversation.token }),
      );
      expect(again.status).toBe(200);
      expect(again.body).toEqual(first.body);
    });

    it('answers release and agent messages with 409 when the conversation is not handed off', async () => {
      const release = await expectDbUnchanged(db, () => admin('POST', `/v1/handoffs/${chat.id}/release`, { body: {} }));
      expectError(release, 409, 'CONVERSATION_NOT_HANDED_OFF');
      const releaseToNode = await expectDbUnchanged(db, () => admin('POST', `/v1/handoffs/${chat.id}/release`, { body: { node: 'email' } }));
      expectError(releaseToNode, 409, 'CONVERSATION_NOT_HANDED_OFF');
      const agent = await expectDbUnchanged(db, () => admin('POST', `/v1/handoffs/${chat.id}/messages`, { body: { id: 'a1', text: 'Hi' } }));
      expectError(agent, 409, 'CONVERSATION_NOT_HANDED_OFF');
      const agentToEnded = await expectDbUnchanged(db, () => admin('POST', `/v1/handoffs/${ended.id}/messages`, { body: { id: 'a1', text: 'Hi' } }));
      expectError(agentToEnded, 409, 'CONVERSATION_NOT_HANDED_OFF');
    });

    it('answers release with an unknown node with 422 NODE_UNKNOWN and keeps the handoff open', async () => {
      const before = await server.request('GET', `/v1/conversations/${handedOff.id}`, { token: handedOff.token });
      expect(before.body.status).toBe('handed_off');
      const response = await expectDbUnchanged(db, () => admin('POST', `/v1/handoffs/${handedOff.id}/release`, { body: { node: 'no-such-node' } }));
      expectError(response, 422, 'NODE_UNKNOWN');
      const handoff = await admin('GET', `/v1/handoffs/${handedOff.id}`);
      expect(handoff.body.status).toBe('open');
    });

    it('releases to a known node afterwards (the setup above is a real handoff)', async () => {
      const conversation = await startConversation('handoff-now');
      const released = await admin('POST', `/v1/handoffs/${conversation.id}/release`, { body: { node: 'topic' } });
      expect(released.status).toBe(200);
      expect(released.body.status).toBe('awaiting_input');
      expect(released.body.messages.map((m: { text: string }) => m.text)).toEqual(['What is it about?']);
      const again = await expectDbUnchanged(db, () => admin('POST', `/v1/handoffs/${conversation.id}/release`, { body: {} }));
      expectError(again, 409, 'CONVERSATION_NOT_HANDED_OFF');
    });
  });

  describe('German error messages with Accept-Language: de', () => {
    const de = { 'accept-language': 'de' };
    it('malformed JSON', async () => {
      const response = await server.request('POST', '/v1/bots/three-questions/conversations', { rawBody: '{', headers: { ...de, 'content-type': 'application/json' } });
      expectError(response, 400, 'MALFORMED_JSON');
      expect(response.body.error.message).toBe('Der Inhalt der Anfrage ist kein gültiges JSON.');
    });
    it('wrong body shape', async () => {
      const response = await server.request('POST', `/v1/conversations/${chat.id}/messages`, { body: {}, token: chat.token, headers: de });
      expectError(response, 400, 'INVALID_BODY');
      expect(response.body.error.message).toBe('Die Anfrage hat nicht die erwartete Form.');
    });
    it('missing admin token', async () => {
      const response = await server.request('GET', '/v1/flows', { headers: { 'accept-language': 'de-CH,de;q=0.9,en;q=0.8' } });
      expectError(response, 401, 'ADMIN_TOKEN_INVALID');
      expect(response.body.error.message).toBe('Admin-Token fehlt oder ist falsch (Header „Authorization: Bearer …“).');
    });
    it('wrong conversation token', async () => {
      const response = await server.request('GET', `/v1/conversations/${chat.id}`, { token: 'wrong', headers: de });
      expectError(response, 401, 'CONVERSATION_TOKEN_INVALID');
      expect(response.body.error.message).toBe('Das Gesprächs-Token fehlt oder ist falsch.');
    });
    it('unknown flow', async () => {
      const response = await admin('GET', '/v1/flows/gibts-nicht', { headers: de });
      expectError(response, 404, 'FLOW_NOT_FOUND');
      expect(response.body.error.message).toBe('Den Ablauf „gibts-nicht“ gibt es nicht.');
    });
    it('unpublished bot', async () => {
      const response = await server.request('POST', '/v1/bots/draft-only/conversations', { body: {}, headers: de });
      expectError(response, 404, 'FLOW_NOT_PUBLISHED');
      expect(response.body.error.message).toBe('Der Bot „draft-only“ existiert nicht oder ist noch nicht veröffentlicht.');
    });
    it('ended conversation', async () => {
      const response = await server.request('POST', `/v1/conversations/${ended.id}/messages`, { body: { id: 'x', text: 'Hallo?' }, token: ended.token, headers: de });
      expectError(response, 409, 'CONVERSATION_ENDED');
      expect(response.body.error.message).toBe('Dieses Gespräch ist beendet. Bitte starten Sie ein neues.');
    });
    it('text too long', async () => {
      const response = await server.request('POST', `/v1/conversations/${chat.id}/messages`, { body: { id: 'x', text: 'ä'.repeat(4001) }, token: chat.token, headers: de });
      expectError(response, 413, 'MESSAGE_TOO_LONG');
      expect(response.body.error.message).toBe('Die Nachricht ist zu lang (4001 Zeichen, höchstens 4000).');
    });
    it('not handed off', async () => {
      const response = await admin('POST', `/v1/handoffs/${chat.id}/release`, { body: {}, headers: de });
      expectError(response, 409, 'CONVERSATION_NOT_HANDED_OFF');
      expect(response.body.error.message).toBe('Dieses Gespräch ist gerade nicht an das Team übergeben.');
    });
    it('English stays the default for other languages', async () => {
      const response = await server.request('POST', '/v1/bots/draft-only/conversations', { body: {}, headers: { 'accept-language': 'fr-CH' } });
      expect(response.body.error.message).toBe('Bot "draft-only" does not exist or has not been published yet.');
    });
  });

  describe('deeply nested JSON', () => {
    const nested = (levels: number, leaf: string) => '['.repeat(levels) + leaf + ']'.repeat(levels);

    it('rejects a context nested 10,000 levels deep with 400 INVALID_BODY and changes nothing', async () => {
      const response = await expectDbUnchanged(db, () =>
        server.request('POST', '/v1/bots/three-questions/conversations', {
          rawBody: `{"context":{"name":${nested(10_000, '"x"')}}}`,
          headers: { 'content-type': 'application/json' },
        }),
      );
      expectError(response, 400, 'INVALID_BODY');
    });

    it('rejects a test conversation context nested 10,000 levels deep with 400', async () => {
      const response = await expectDbUnchanged(db, () =>
        admin('POST', '/v1/flows/three-questions/test-conversations', {
          rawBody: `{"context":{"name":${nested(10_000, '1')}}}`,
          headers: { 'content-type': 'application/json' },
        }),
      );
      expectError(response, 400, 'INVALID_BODY');
    });

    it('rejects a flow document nested millions of levels deep (within 5 MiB) with 400 and keeps the draft', async () => {
      const before = await admin('GET', '/v1/flows/three-questions');
      const doc = JSON.stringify({ ...threeQuestionFlow(), settings: { x: 0 } }).replace('"x":0', `"x":${nested(2_500_000, '0')}`);
      expect(doc.length).toBeLessThan(5 * MiB);
      const response = await expectDbUnchanged(db, () =>
        admin('PUT', '/v1/flows/three-questions', { rawBody: doc, headers: { 'content-type': 'application/json' } }),
      );
      expectError(response, 400, 'INVALID_BODY');
      expect((await admin('GET', '/v1/flows/three-questions')).body.revision).toBe(before.body.revision);
    });

    it('still accepts a context with ordinary nesting', async () => {
      const response = await server.request('POST', '/v1/bots/three-questions/conversations', {
        body: { locale: 'en', context: { name: 'Ada', extra: JSON.parse(nested(20, '{"a":[1,{"b":null}]}')) } },
      });
      expect(response.status).toBe(201);
      expect(response.body.messages.map((m: { text: string }) => m.text)).toEqual(['What is your name?']);
    });
  });

  describe('garbage sweep: nothing a client sends is answered with a 5xx', () => {
    const deepArrays = '['.repeat(10_000) + ']'.repeat(10_000);
    const deepObjects = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
    const garbage: { name: string; body: () => BodyInit | undefined; contentType?: string }[] = [
      { name: 'no body', body: () => undefined },
      { name: 'empty string', body: () => '' },
      { name: 'array', body: () => '[1,2,3]' },
      { name: 'null', body: () => 'null' },
      { name: 'string', body: () => '"hello"' },
      { name: 'true', body: () => 'true' },
      { name: 'huge number', body: () => '1e999999' },
      { name: 'huge integer', body: () => '123456789012345678901234567890123456789' },
      { name: 'huge numbers in fields', body: () => '{"id":1e400,"text":1e400,"version":1e400,"locale":-1e400,"node":123456789012345678901234567890}' },
      { name: 'huge version', body: () => '{"version":123456789012345678901234567890}' },
      { name: 'deeply nested arrays (10,000 levels)', body: () => deepArrays },
      { name: 'deeply nested objects (10,000 levels)', body: () => deepObjects },
      { name: 'deep context (10,000 levels)', body: () => `{"context":{"name":${deepArrays}}}` },
      { name: 'deep text field', body: () => `{"id":"deep","text":${deepObjects}}` },
      { name: 'nesting as deep as 60 KiB allows', body: () => '['.repeat(30_000) + ']'.repeat(30_000) },
      { name: 'deep flow settings', body: () => JSON.stringify({ ...threeQuestionFlow('sweep-flow'), settings: { x: 0 } }).replace('"x":0', `"x":${deepArrays}`) },
      { name: 'deep node config', body: () => JSON.stringify(threeQuestionFlow('sweep-flow')).replace('"variable":"name"', `"variable":"name","extra":${deepObjects}`) },
      { name: 'invalid UTF-8 bytes', body: () => new Uint8Array([0x7b, 0xff, 0xfe, 0xc3, 0x28, 0x7d]) },
      { name: 'invalid UTF-8 inside strings', body: () => new Uint8Array([...Buffer.from('{"id":"utf8-'), 0xff, ...Buffer.from('","text":"'), 0xc3, 0x28, 0xed, 0xa0, 0x80, ...Buffer.from('"}')]) },
      { name: 'lone surrogate escapes', body: () => '{"id":"\\ud800","text":"\\udfff","locale":"\\ud83d","node":"\\ud800"}' },
      { name: 'NUL bytes', body: () => '{"id":"nul\\u0000","text":"a\\u0000b","node":"\\u0000"}' },
      { name: 'prototype keys', body: () => '{"__proto__":{"admin":true},"constructor":{"prototype":{}},"id":"proto","text":"x","context":{"__proto__":{"x":1}}}' },
      { name: 'form-encoded body', body: () => 'id=m1&text=hello', contentType: 'application/x-www-form-urlencoded' },
      { name: 'multipart body', body: () => '--b\r\nContent-Disposition: form-data; name="id"\r\n\r\nm1\r\n--b--\r\n', contentType: 'multipart/form-data; boundary=b' },
      { name: 'JSON labelled text/plain', body: () => '{"id":"plain","text":"hi"}', contentType: 'text/plain' },
      { name: 'binary', body: () => new Uint8Array(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)), contentType: 'application/octet-stream' },
    ];
    const routes: { name: string; method: string; route: () => string; token: () => string | undefined }[] = [
      { name: 'POST /v1/bots/{flowId}/conversations', method: 'POST', route: () => '/v1/bots/three-questions/conversations', token: () => undefined },
      { name: 'POST /v1/conversations/{id}/messages', method: 'POST', route: () => `/v1/conversations/${chat.id}/messages`, token: () => chat.token },
      { name: 'PUT /v1/flows/{flowId}', method: 'PUT', route: () => '/v1/flows/sweep-flow', token: () => server.adminToken },
      { name: 'POST /v1/validate', method: 'POST', route: () => '/v1/validate', token: () => server.adminToken },
      { name: 'POST /v1/flows/{flowId}/validate', method: 'POST', route: () => '/v1/flows/three-questions/validate', token: () => server.adminToken },
      { name: 'POST /v1/flows/{flowId}/publish', method: 'POST', route: () => '/v1/flows/sweep-flow/publish', token: () => server.adminToken },
      { name: 'POST /v1/flows/{flowId}/rollback', method: 'POST', route: () => '/v1/flows/three-questions/rollback', token: () => server.adminToken },
      { name: 'POST /v1/flows/{flowId}/test-conversations', method: 'POST', route: () => '/v1/flows/three-questions/test-conversations', token: () => server.adminToken },
      { name: 'POST /v1/handoffs/{id}/messages', method: 'POST', route: () => `/v1/handoffs/${handedOff.id}/messages`, token: () => server.adminToken },
      { name: 'POST /v1/handoffs/{id}/release', method: 'POST', route: () => `/v1/handoffs/${handedOff.id}/release`, token: () => server.adminToken },
      // Wrong auth must not change the answer class either.
      { name: 'PUT /v1/flows/{flowId} without token', method: 'PUT', route: () => '/v1/flows/sweep-flow', token: () => undefined },
      { name: 'POST /v1/conversations/{id}/messages with a wrong token', method: 'POST', route: () => `/v1/conversations/${chat.id}/messages`, token: () => 'wrong' },
    ];

    it('garbage in paths and query strings of every route', async () => {
      const ids = ['%FF', '%E0%A4%A', '%00', '%2F..%2F..', 'x'.repeat(5000), '..', '%20', 'null', '-1', '1e400', '%F0%9F%98%80'];
      const templates: [string, string, string | undefined][] = [
        ['GET', '/v1/flows/{id}', server.adminToken],
        ['PUT', '/v1/flows/{id}', server.adminToken],
        ['DELETE', '/v1/flows/{id}', server.adminToken],
        ['GET', '/v1/flows/{id}/versions', server.adminToken],
        ['GET', '/v1/flows/three-questions/versions/{id}', server.adminToken],
        ['POST', '/v1/flows/{id}/publish', server.adminToken],
        ['POST', '/v1/flows/{id}/validate', server.adminToken],
        ['POST', '/v1/flows/{id}/rollback', server.adminToken],
        ['POST', '/v1/flows/{id}/test-conversations', server.adminToken],
        ['GET', '/v1/flows/{id}/kpis?from=2026-01-01&to=2026-02-01', server.adminToken],
        ['POST', '/v1/bots/{id}/conversations', undefined],
        ['GET', '/v1/conversations/{id}', chat.token],
        ['POST', '/v1/conversations/{id}/messages', chat.token],
        ['GET', '/v1/conversations/{id}/transcript', server.adminToken],
        ['GET', '/v1/handoffs/{id}', server.adminToken],
        ['POST', '/v1/handoffs/{id}/messages', server.adminToken],
        ['POST', '/v1/handoffs/{id}/release', server.adminToken],
        ['GET', '/v1/conversations?limit={id}', server.adminToken],
        ['GET', '/v1/conversations?before={id}&status=ended&flowId={id}&test={id}', server.adminToken],
        ['GET', '/v1/conversations?status={id}', server.adminToken],
        ['GET', '/v1/handoffs?status={id}', server.adminToken],
        ['GET', '/v1/flows/three-questions/kpis?from={id}&to={id}&tz={id}', server.adminToken],
        ['PUT', '/v1/flows/three-questions?allowErrors={id}&revision={id}', server.adminToken],
      ];
      const failures: string[] = [];
      for (const [method, template, token] of templates) {
        for (const id of ids) {
          const route = template.replaceAll('{id}', id);
          const body = method === 'PUT' || method === 'POST' ? '{}' : undefined;
          const response = await raw(method, route, { body, token, headers: { 'content-type': 'application/json' } });
          if (response.status >= 500) failures.push(`${method} ${route.slice(0, 120)}: ${response.status} ${JSON.stringify(response.body).slice(0, 200)}`);
          else if (response.status >= 400) {
            try {
              expectError(response, response.status);
            } catch (error) {
              failures.push(`${method} ${route.slice(0, 120)}: bad error shape: ${(error as Error).message.slice(0, 200)}`);
            }
          }
        }
      }
      expect(failures).toEqual([]);
    });

    it.each(routes)('$name', async ({ method, route, token }) => {
      const failures: string[] = [];
      for (const { name, body, contentType } of garbage) {
        const response = await raw(method, route(), { body: body(), token: token(), headers: { 'content-type': contentType ?? 'application/json' } });
        if (response.status >= 500) failures.push(`${name}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`);
        else if (response.status >= 400) {
          try {
            expectError(response, response.status);
          } catch (error) {
            failures.push(`${name}: bad error shape: ${(error as Error).message.slice(0, 300)}`);
          }
        }
      }
      expect(failures).toEqual([]);
      const health = await server.request('GET', '/v1/health');
      expect(health.status).toBe(200);
    });
  });
});
