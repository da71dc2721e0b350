import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { expectError } from './apiTest.testkit.js';
import { startFakeLlmServer, type FakeLlmServer } from '../llm/fakeLlmServer.testkit.js';
import { fakeOpenAiEnvironment, llmFlow, startLlmConversation } from '../llm/llmFlow.testkit.js';
import { wantsEventStream } from './chatStreamRoutes.js';

const ANSWER = 'Unser Zopf kostet 6.50 Franken und ist jeden Tag frisch.';

let fake: FakeLlmServer;
let server: TestServer;

beforeAll(async () => {
  fake = await startFakeLlmServer();
  server = await startTestServer({ llm: fakeOpenAiEnvironment(fake) });
});
afterAll(async () => {
  await server.stop();
  await fake.close();
});
beforeEach(() => {
  fake.reply = () => ({ text: ANSWER, chunks: 5 });
});

interface SseEvent {
  event: string;
  data: any;
}

/** Posts a message asking for SSE and parses the whole event stream (it ends after the final event). */
async function postStreaming(conversation: { conversationId: string; token: string }, body: unknown, token = conversation.token) {
  const response = await fetch(`${server.url}/v1/conversations/${conversation.conversationId}/messages`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'text/event-stream' },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const events: SseEvent[] = [];
  if ((response.headers.get('content-type') ?? '').startsWith('text/event-stream')) {
    for (const block of text.split('\n\n').filter((b) => b.trim() !== '')) {
      const lines = block.split('\n');
      const event = lines.find((l) => l.startsWith('event:'))?.slice(6).trim() ?? 'message';
      const data = lines.filter((l) => l.startsWith('data:')).map((l) => l.slice(5).trimStart()).join('\n');
      events.push({ event, data: JSON.parse(data) });
    }
  }
  return { status: response.status, contentType: response.headers.get('content-type') ?? '', text, events };
}

describe('streaming replies (Server-Sent Events)', () => {
  it('sends text deltas while the model writes, then exactly the plain JSON response after the commit', async () => {
    const conversation = await startLlmConversation(server, llmFlow('stream-basic', { grounded: false }));
    const streamed = await postStreaming(conversation, { id: 'm1', text: 'Was kostet der Zopf?' });
    expect(streamed.status).toBe(200);
    expect(streamed.contentType).toMatch(/^text\/event-stream/);
    const kinds = streamed.events.map((e) => e.event);
    expect(kinds.at(-1)).toBe('done');
    expect(kinds.slice(0, -1).every((kind) => kind === 'delta')).toBe(true);
    expect(kinds.length).toBeGreaterThan(2);
    const deltas = streamed.events.filter((e) => e.event === 'delta');
    expect(deltas.map((e) => e.data.text).join('')).toBe(ANSWER);
    expect(deltas.every((e) => e.data.message === 0)).toBe(true);

    const final = streamed.events.at(-1)!.data;
    expect(final.messages.map((m: { role: string; text: string }) => [m.role, m.text])).toEqual([
      ['user', 'Was kostet der Zopf?'],
      ['bot', ANSWER],
      ['bot', 'Ihre Frage, Ada Muster?'],
    ]);
    // The same id through the plain route replays the stored response: identical to the final event.
    const plain = await server.request('POST', `/v1/conversations/${conversation.conversationId}/messages`, { token: conversation.token, body: { id: 'm1', text: 'Was kostet der Zopf?' } });
    expect(plain.body).toEqual(final);
    // The message was persisted as usual.
    const transcript = await server.request('GET', `/v1/conversations/${conversation.conversationId}`, { token: conversation.token });
    expect(transcript.body.messages.map((m: { text: string }) => m.text)).toContain(ANSWER);

    // An idempotent retry over SSE gets only the final event.
    const retry = await postStreaming(conversation, { id: 'm1', text: 'Was kostet der Zopf?' });
    expect(retry.events).toEqual([{ event: 'done', data: final }]);
  });

  it('delivers the first delta while the model is still writing', async () => {
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    fake.reply = () => ({ text: ANSWER, chunks: 5, holdAfterFirstChunk: held });
    const conversation = await startLlmConversation(server, llmFlow('stream-live', { grounded: false }));
    const response = await fetch(`${server.url}/v1/conversations/${conversation.conversationId}/messages`, {
      method: 'POST',
      headers: { authorization: `Bearer ${conversation.token}`, 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ id: 'm1', text: 'Was kostet der Zopf?' }),
    });
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    let received = '';
    // The fake holds back everything after its first chunk, so this only ends if the delta was sent right away.
    while (!received.includes('event: delta')) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    expect(received).toContain('event: delta');
    expect(received).not.toContain('event: done');
    release();
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      received += decoder.decode(value, { stream: true });
    }
    expect(received).toContain('event: done');
  });

  it('keeps JSON errors for failures before streaming starts', async () => {
    const conversation = await startLlmConversation(server, llmFlow('stream-errors', { grounded: false }));
    const wrongToken = await postStreaming(conversation, { id: 'm1', text: 'x' }, 'not-the-token');
    expect(wrongToken.status).toBe(401);
    expect(wrongToken.contentType).toMatch(/^application\/json/);
    expect(JSON.parse(wrongToken.text).error.code).toBe('CONVERSATION_TOKEN_INVALID');

    const badBody = await postStreaming(conversation, { id: 'm1' });
    expect(badBody.status).toBe(400);
    expect(JSON.parse(badBody.text).error.code).toBe('INVALID_BODY');

    await postStreaming(conversation, { id: 'm2', text: 'Hallo' });
    const reused = await postStreaming(conversation, { id: 'm2', text: 'anders' });
    expect(reused.status).toBe(409);
    expect(JSON.parse(reused.text).error.code).toBe('MESSAGE_ID_REUSED');

    const missing = await fetch(`${server.url}/v1/conversations/${conversation.conversationId}/messages`, {
      method: 'POST', headers: { 'content-type': 'application/json', accept: 'text/event-stream' }, body: JSON.stringify({ id: 'm3', text: 'x' }),
    });
    expectError({ status: missing.status, headers: missing.headers, body: await missing.json() }, 401, 'CONVERSATION_TOKEN_INVALID');
  });

  it('streams nothing of the unsure marker and nothing for sensitive nodes', async () => {
    fake.reply = () => ({ text: '[[UNSURE]]', chunks: 4 });
    const unsure = await startLlmConversation(server, llmFlow('stream-unsure'));
    const unsureReply = await postStreaming(unsure, { id: 'm1', text: 'Habt ihr Velos?' });
    expect(unsureReply.events.map((e) => e.event)).toEqual(['done']);
    expect(unsureReply.text).not.toContain('UNSURE');
    expect(unsureReply.events[0]!.data.messages.map((m: { text: string }) => m.text)).toEqual(['Habt ihr Velos?', 'Das weiss ich leider nicht.', 'Ihre Frage, Ada Muster?']);

    fake.reply = () => ({ text: ANSWER, chunks: 4 });
    const flow = llmFlow('stream-sensitive', { grounded: false });
    flow.nodes[0]!.sensitive = true;
    const sensitive = await startLlmConversation(server, flow);
    const sensitiveReply = await postStreaming(sensitive, { id: 'm1', text: 'Meine PIN ist 4711, was kostet der Zopf?' });
    expect(sensitiveReply.events.map((e) => e.event)).toEqual(['done']);
  });

  it('without Accept: text/event-stream the plain JSON route answers', async () => {
    const conversation = await startLlmConversation(server, llmFlow('stream-plain', { grounded: false }));
    const plain = await server.request('POST', `/v1/conversations/${conversation.conversationId}/messages`, { token: conversation.token, body: { id: 'm1', text: 'Zopf?' } });
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(/^application\/json/);
    expect(plain.body.messages[1].text).toBe(ANSWER);
  });

  it('recognises the Accept header among others and with parameters', () => {
    expect(wantsEventStream('application/json, text/event-stream;q=0.9')).toBe(true);
    expect(wantsEventStream('Text/Event-Stream')).toBe(true);
    expect(wantsEventStream('application/json')).toBe(false);
    expect(wantsEventStream(undefined)).toBe(false);
  });
});
