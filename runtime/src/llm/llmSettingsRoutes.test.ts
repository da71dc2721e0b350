import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { DbInspector, expectError } from '../api/apiTest.testkit.js';
import { startFakeLlmServer, type FakeLlmServer } from './fakeLlmServer.testkit.js';
import { llmFlow, startLlmConversation } from './llmFlow.testkit.js';

const STORED_KEY = 'sk-stored-secret-7781';
const ENV_KEY = 'sk-env-secret-1234';

let fake: FakeLlmServer;
let server: TestServer;
let db: DbInspector;

beforeAll(async () => {
  fake = await startFakeLlmServer(() => ({ text: 'Gern geschehen.' }));
  server = await startTestServer({
    llm: { provider: 'openai', model: 'gpt-env', baseUrl: `${fake.url}/openai/v1`, keys: { openai: ENV_KEY }, timeoutMs: 5000 },
  });
  db = new DbInspector(server.dataDir);
});
afterAll(async () => {
  await server.stop();
  await fake.close();
});

const admin = (method: string, body?: unknown, headers?: Record<string, string>) =>
  server.request(method, '/v1/settings/llm', { token: server.adminToken, body, headers });

async function lastAuthorization(flowId: string): Promise<string | undefined> {
  const conversation = await startLlmConversation(server, llmFlow(flowId, { grounded: false }));
  await server.request('POST', `/v1/conversations/${conversation.conversationId}/messages`, { token: conversation.token, body: { id: 'm1', text: 'Danke' } });
  return fake.requests.at(-1)?.headers.authorization as string | undefined;
}

describe('LLM settings API', () => {
  it('shows the environment configuration without the key', async () => {
    const response = await admin('GET');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      configured: true, source: 'environment', provider: 'openai', model: 'gpt-env', apiKeySet: true,
      environment: { provider: 'openai', model: 'gpt-env', apiKeySet: true },
    });
    expect(JSON.stringify(response.body)).not.toContain(ENV_KEY);
    expect(await lastAuthorization('settings-env')).toBe(`Bearer ${ENV_KEY}`);
  });

  it('requires the admin token', async () => {
    expectError(await server.request('GET', '/v1/settings/llm'), 401);
    expectError(await server.request('PUT', '/v1/settings/llm', { body: { provider: 'openai', model: 'x' } }), 401);
  });

  it('refuses invalid settings with every problem, in German or English', async () => {
    const response = await admin('PUT', { provider: 'skynet', model: '', baseUrl: 'ftp://x', timeoutMs: 5, extra: 1 }, { 'accept-language': 'de' });
    expectError(response, 422, 'LLM_SETTINGS_INVALID');
    expect(response.body.error.message).toContain('Sprachmodell');
    const paths = response.body.error.details.map((detail: { path: string[] }) => detail.path.join('.'));
    expect(paths.sort()).toEqual(['baseUrl', 'extra', 'model', 'provider', 'timeoutMs']);
    expect(response.body.error.details.find((d: { path: string[] }) => d.path[0] === 'provider').message).toContain('Anbieter');

    const compatible = await admin('PUT', { provider: 'openai-compatible', model: 'llama3.2' });
    expectError(compatible, 422, 'LLM_SETTINGS_INVALID');
    expect(compatible.body.error.details[0]).toMatchObject({ path: ['baseUrl'] });
    expect(compatible.body.error.details[0].message).toContain('Ollama');

    // No key for anthropic anywhere: neither sent nor in the environment.
    const keyless = await admin('PUT', { provider: 'anthropic', model: 'claude-x' });
    expectError(keyless, 422, 'LLM_SETTINGS_INVALID');
    expect(keyless.body.error.details[0].path).toEqual(['apiKey']);

    expectError(await admin('PUT', ['openai']), 422, 'LLM_SETTINGS_INVALID');
    expectError(await server.request('PUT', '/v1/settings/llm', { token: server.adminToken, rawBody: '{"provider":', headers: { 'content-type': 'application/json' } }), 400, 'MALFORMED_JSON');
    expect((await admin('GET')).body.source).toBe('environment');
  });

  it('stores settings with the key sealed, never returns the key, and uses it for the next call', async () => {
    const saved = await admin('PUT', { provider: 'openai', model: 'gpt-stored', baseUrl: `${fake.url}/openai/v1/`, apiKey: STORED_KEY, timeoutMs: 20_000 });
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ configured: true, source: 'settings', provider: 'openai', model: 'gpt-stored', baseUrl: `${fake.url}/openai/v1`, apiKeySet: true, timeoutMs: 20_000 });
    const read = await admin('GET');
    for (const body of [saved.body, read.body]) expect(JSON.stringify(body)).not.toContain(STORED_KEY);
    expect(await db.count(`SELECT COUNT(*) FROM settings WHERE key = 'llm' AND value LIKE ?`, [`%${STORED_KEY}%`])).toBe(0);
    expect(await db.count(`SELECT COUNT(*) FROM settings WHERE key = 'llm' AND value LIKE '%sealedApiKey%'`)).toBe(1);

    expect(await lastAuthorization('settings-stored')).toBe(`Bearer ${STORED_KEY}`);
    expect(fake.requests.at(-1)!.body.model).toBe('gpt-stored');

    // Omitting the key keeps it for the same provider.
    const renamed = await admin('PUT', { provider: 'openai', model: 'gpt-renamed', baseUrl: `${fake.url}/openai/v1` });
    expect(renamed.body).toMatchObject({ model: 'gpt-renamed', apiKeySet: true });
    expect(await lastAuthorization('settings-kept')).toBe(`Bearer ${STORED_KEY}`);

    // null removes the stored key: the environment's key for the provider applies again.
    await admin('PUT', { provider: 'openai', model: 'gpt-renamed', baseUrl: `${fake.url}/openai/v1`, apiKey: null });
    expect(await lastAuthorization('settings-nullkey')).toBe(`Bearer ${ENV_KEY}`);
  });

  it('switching to Anthropic or Mistral in the settings routes the next answer there', async () => {
    await admin('PUT', { provider: 'anthropic', model: 'claude-fake', baseUrl: `${fake.url}/anthropic/v1`, apiKey: 'ak-stored-1' });
    await lastAuthorization('settings-anthropic');
    const anthropic = fake.requests.at(-1)!;
    expect(anthropic.path).toBe('/anthropic/v1/messages');
    expect(anthropic.headers['x-api-key']).toBe('ak-stored-1');
    expect(anthropic.body.model).toBe('claude-fake');
    expect(anthropic.system).toContain('Bäckerei Huber');

    await admin('PUT', { provider: 'mistral', model: 'mistral-fake', baseUrl: `${fake.url}/mistral/v1`, apiKey: 'mk-stored-1' });
    expect(await lastAuthorization('settings-mistral')).toBe('Bearer mk-stored-1');
    expect(fake.requests.at(-1)!.path).toBe('/mistral/v1/chat/completions');
    const usage = await server.request('GET', '/v1/llm/usage?flowId=settings-mistral', { token: server.adminToken });
    expect(usage.body.byModel).toEqual([{ provider: 'mistral', model: 'mistral-fake', calls: 1, inputTokens: 42, outputTokens: 9 }]);
  });

  it('DELETE returns to the environment', async () => {
    const reset = await admin('DELETE');
    expect(reset.status).toBe(200);
    expect(reset.body).toMatchObject({ source: 'environment', model: 'gpt-env', updatedAt: null });
    expect(await db.count(`SELECT COUNT(*) FROM settings WHERE key = 'llm'`)).toBe(0);
  });
});
