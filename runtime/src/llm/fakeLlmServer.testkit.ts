import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A fake of three provider APIs on 127.0.0.1, so the real AI SDK provider code runs in tests without any network:
 * OpenAI chat completions (`/openai/v1/chat/completions`, also what openai-compatible servers speak), Mistral chat
 * completions (`/mistral/v1/chat/completions`) and Anthropic Messages (`/anthropic/v1/messages`), each with and
 * without streaming, with token usage. It records every request so tests can assert what reached the "model".
 */
export interface FakeReply {
  text?: string;
  /** Answers with this HTTP status and an error body instead. */
  status?: number;
  /** Never answers (until the client aborts): for timeouts. */
  hang?: boolean;
  /** How many stream chunks the text is split into. */
  chunks?: number;
  inputTokens?: number;
  outputTokens?: number;
  /** Streams the first text chunk, then waits for this before sending the rest (proves deltas are not buffered). */
  holdAfterFirstChunk?: Promise<void>;
}

export interface RecordedRequest {
  flavor: 'openai' | 'mistral' | 'anthropic';
  path: string;
  headers: IncomingMessage['headers'];
  body: any;
  /** System prompt and user text as the provider received them, whatever the wire format. */
  system: string;
  prompt: string;
}

export interface FakeLlmServer {
  url: string;
  requests: RecordedRequest[];
  reply: (request: RecordedRequest) => FakeReply;
  close(): Promise<void>;
}

function split(text: string, chunks: number): string[] {
  const size = Math.max(1, Math.ceil(text.length / chunks));
  const parts: string[] = [];
  for (let at = 0; at < text.length; at += size) parts.push(text.slice(at, at + size));
  return parts;
}

function contentText(content: unknown): string {
  if (typeof content === 'string') return content;
  if (Array.isArray(content)) return content.map((part) => (part && typeof part === 'object' && 'text' in part ? String(part.text) : '')).join('');
  return '';
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    request.on('error', reject);
  });
}

async function sse(response: ServerResponse, events: { event?: string; data: unknown }[], hold?: { after: number; until: Promise<void> }): Promise<void> {
  response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
  for (const [index, { event, data }] of events.entries()) {
    if (hold && index === hold.after) await hold.until;
    response.write(`${event ? `event: ${event}\n` : ''}data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);
  }
  response.end();
}

const holdOf = (reply: FakeReply, after: number) => (reply.holdAfterFirstChunk ? { after, until: reply.holdAfterFirstChunk } : undefined);

function chatCompletion(flavor: 'openai' | 'mistral', body: any, reply: FakeReply, response: ServerResponse): void {
  const text = reply.text ?? '';
  const usage = { prompt_tokens: reply.inputTokens ?? 42, completion_tokens: reply.outputTokens ?? 9, total_tokens: (reply.inputTokens ?? 42) + (reply.outputTokens ?? 9) };
  const base = { id: 'chatcmpl-fake', created: 1_700_000_000, model: body.model };
  if (!body.stream) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ...base, object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }], usage }));
    return;
  }
  const chunk = (delta: object, finish: string | null, extra: object = {}) => ({
    ...base, object: 'chat.completion.chunk', choices: [{ index: 0, delta, finish_reason: finish }], ...extra,
  });
  const parts = split(text, reply.chunks ?? 4);
  const events: { data: unknown }[] = parts.map((part, index) => ({ data: chunk(index === 0 ? { role: 'assistant', content: part } : { content: part }, null) }));
  if (flavor === 'mistral') {
    // Mistral reports usage on the chunk that finishes the answer.
    events.push({ data: chunk({ content: '' }, 'stop', { usage }) });
  } else {
    events.push({ data: chunk({}, 'stop') });
    // OpenAI sends usage in a last chunk without choices when `stream_options.include_usage` is set.
    if (body.stream_options?.include_usage) events.push({ data: { ...base, object: 'chat.completion.chunk', choices: [], usage } });
  }
  events.push({ data: '[DONE]' });
  void sse(response, events, holdOf(reply, 1));
}

function anthropicMessage(body: any, reply: FakeReply, response: ServerResponse): void {
  const text = reply.text ?? '';
  const usage = { input_tokens: reply.inputTokens ?? 42, output_tokens: reply.outputTokens ?? 9 };
  const message = { id: 'msg_fake', type: 'message', role: 'assistant', model: body.model, stop_sequence: null };
  if (!body.stream) {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ...message, content: [{ type: 'text', text }], stop_reason: 'end_turn', usage }));
    return;
  }
  void sse(response, [
    { event: 'message_start', data: { type: 'message_start', message: { ...message, content: [], stop_reason: null, usage: { input_tokens: usage.input_tokens, output_tokens: 1 } } } },
    { event: 'content_block_start', data: { type: 'content_block_start', index: 0, content_block: { type: 'text', text: '' } } },
    ...split(text, reply.chunks ?? 4).map((part) => ({ event: 'content_block_delta', data: { type: 'content_block_delta', index: 0, delta: { type: 'text_delta', text: part } } })),
    { event: 'content_block_stop', data: { type: 'content_block_stop', index: 0 } },
    { event: 'message_delta', data: { type: 'message_delta', delta: { stop_reason: 'end_turn', stop_sequence: null }, usage: { output_tokens: usage.output_tokens } } },
    { event: 'message_stop', data: { type: 'message_stop' } },
  ], holdOf(reply, 3));
}

export async function startFakeLlmServer(reply: FakeLlmServer['reply'] = () => ({ text: 'Hallo!' })): Promise<FakeLlmServer> {
  const requests: RecordedRequest[] = [];
  const hanging = new Set<ServerResponse>();
  const fake: FakeLlmServer = { url: '', requests, reply, close: async () => {} };
  const server = createServer(async (request, response) => {
    const path = request.url ?? '';
    const flavor = path.startsWith('/anthropic/') ? 'anthropic' : path.startsWith('/mistral/') ? 'mistral' : 'openai';
    const body = JSON.parse((await readBody(request)) || '{}');
    const messages: { role: string; content: unknown }[] = body.messages ?? [];
    const system = flavor === 'anthropic' ? contentText(body.system) : contentText(messages.find((m) => m.role === 'system')?.content);
    const prompt = contentText(messages.filter((m) => m.role === 'user').at(-1)?.content);
    const recorded: RecordedRequest = { flavor, path, headers: request.headers, body, system, prompt };
    requests.push(recorded);
    const answer = fake.reply(recorded);
    if (answer.hang) {
      hanging.add(response);
      response.on('close', () => hanging.delete(response));
      return;
    }
    if (answer.status) {
      response.writeHead(answer.status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(flavor === 'anthropic'
        ? { type: 'error', error: { type: 'api_error', message: 'fake provider failure' } }
        : { error: { message: 'fake provider failure', type: 'server_error', code: null } }));
      return;
    }
    if (flavor === 'anthropic') anthropicMessage(body, answer, response);
    else chatCompletion(flavor, body, answer, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  fake.close = () =>
    new Promise<void>((resolve) => {
      for (const response of hanging) response.destroy();
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return fake;
}
