import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeLlmServer, type FakeLlmServer } from './fakeLlmServer.testkit.js';
import { createLlmService } from './llmService.js';
import type { LlmConnection } from './llmProviders.js';
import type { ResolvedLlm } from './resolveLlmConnection.js';

let fake: FakeLlmServer;
beforeAll(async () => {
  fake = await startFakeLlmServer();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.reply = () => ({ text: 'Wir öffnen um 8 Uhr.', inputTokens: 120, outputTokens: 8 });
});

function service(connection: Omit<LlmConnection, 'timeoutMs'> & { timeoutMs?: number }) {
  const resolved: ResolvedLlm = { source: 'environment', connection: { timeoutMs: 5000, ...connection }, apiKeySet: true, timeoutMs: 5000 };
  return createLlmService(async () => resolved);
}

async function collect(stream: AsyncIterable<string>): Promise<string[]> {
  const parts: string[] = [];
  for await (const part of stream) parts.push(part);
  return parts;
}

const request = { system: 'Du bist der Bot der Bäckerei.', prompt: 'Wann öffnet ihr?' };

describe('LLM service with the real providers against a local fake', () => {
  it('openai: complete sends model, system, prompt and the key, and returns usage', async () => {
    const llm = service({ provider: 'openai', model: 'gpt-test', apiKey: 'sk-test-123', baseUrl: `${fake.url}/openai/v1` });
    const result = await llm.complete(request);
    expect(result).toMatchObject({ text: 'Wir öffnen um 8 Uhr.', usage: { inputTokens: 120, outputTokens: 8 }, tokens: 128, provider: 'openai', model: 'gpt-test' });
    const [sent] = fake.requests;
    expect(sent!.path).toBe('/openai/v1/chat/completions');
    expect(sent!.headers.authorization).toBe('Bearer sk-test-123');
    expect(sent!.body.model).toBe('gpt-test');
    expect(sent!.system).toBe(request.system);
    expect(sent!.prompt).toBe(request.prompt);
  });

  it('openai: stream yields deltas in order and resolves usage', async () => {
    const llm = service({ provider: 'openai', model: 'gpt-test', apiKey: 'sk-test-123', baseUrl: `${fake.url}/openai/v1` });
    const streamed = llm.stream!(request);
    const parts = await collect(streamed.textStream);
    expect(parts.length).toBeGreaterThan(1);
    expect(parts.join('')).toBe('Wir öffnen um 8 Uhr.');
    expect(await streamed.result).toMatchObject({ text: 'Wir öffnen um 8 Uhr.', usage: { inputTokens: 120, outputTokens: 8 } });
    expect(fake.requests[0]!.body.stream).toBe(true);
  });

  it('anthropic: stream over the Messages API with x-api-key and the system prompt', async () => {
    const llm = service({ provider: 'anthropic', model: 'claude-test', apiKey: 'ak-test', baseUrl: `${fake.url}/anthropic/v1` });
    const streamed = llm.stream!(request);
    expect((await collect(streamed.textStream)).join('')).toBe('Wir öffnen um 8 Uhr.');
    expect(await streamed.result).toMatchObject({ usage: { inputTokens: 120, outputTokens: 8 }, provider: 'anthropic', model: 'claude-test' });
    const [sent] = fake.requests;
    expect(sent!.path).toBe('/anthropic/v1/messages');
    expect(sent!.headers['x-api-key']).toBe('ak-test');
    expect(sent!.system).toBe(request.system);
    expect(sent!.prompt).toBe(request.prompt);
    expect((await llm.complete(request)).text).toBe('Wir öffnen um 8 Uhr.');
  });

  it('mistral: stream and complete with usage', async () => {
    const llm = service({ provider: 'mistral', model: 'mistral-test', apiKey: 'mk-test', baseUrl: `${fake.url}/mistral/v1` });
    const streamed = llm.stream!(request);
    expect((await collect(streamed.textStream)).join('')).toBe('Wir öffnen um 8 Uhr.');
    expect(await streamed.result).toMatchObject({ usage: { inputTokens: 120, outputTokens: 8 }, provider: 'mistral' });
    expect(fake.requests[0]!.headers.authorization).toBe('Bearer mk-test');
    expect((await llm.complete(request)).usage).toEqual({ inputTokens: 120, outputTokens: 8 });
  });

  it('openai-compatible (Ollama style): no key needed, usage requested in the stream', async () => {
    const llm = service({ provider: 'openai-compatible', model: 'llama3.2', baseUrl: `${fake.url}/openai/v1` });
    const streamed = llm.stream!(request);
    expect((await collect(streamed.textStream)).join('')).toBe('Wir öffnen um 8 Uhr.');
    expect(await streamed.result).toMatchObject({ usage: { inputTokens: 120, outputTokens: 8 }, provider: 'openai-compatible', model: 'llama3.2' });
    expect(fake.requests[0]!.headers.authorization).toBeUndefined();
    expect(fake.requests[0]!.body.stream_options).toEqual({ include_usage: true });
  });

  it('a provider error rejects complete and fails the stream', async () => {
    fake.reply = () => ({ status: 500 });
    const llm = service({ provider: 'openai', model: 'gpt-test', apiKey: 'sk', baseUrl: `${fake.url}/openai/v1` });
    await expect(llm.complete(request)).rejects.toThrow();
    const streamed = llm.stream!(request);
    await expect(collect(streamed.textStream)).rejects.toThrow();
    await expect(streamed.result).rejects.toThrow();
  });

  it('a provider that never answers is cut off by the configured timeout', async () => {
    fake.reply = () => ({ hang: true });
    const llm = service({ provider: 'openai', model: 'gpt-test', apiKey: 'sk', baseUrl: `${fake.url}/openai/v1`, timeoutMs: 1000 });
    await expect(collect(llm.stream!(request).textStream)).rejects.toThrow();
  });

  it('without a configuration: status says why and calls reject', async () => {
    const llm = createLlmService(async () => ({ source: 'none', apiKeySet: false, timeoutMs: 5000, reason: 'no provider configured' }));
    expect(await llm.status!()).toEqual({ configured: false, reason: 'no provider configured' });
    await expect(llm.complete(request)).rejects.toThrow(/no language model configured/);
    await expect(collect(llm.stream!(request).textStream)).rejects.toThrow(/no language model configured/);
  });
});
