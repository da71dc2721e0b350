import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { DbInspector } from '../api/apiTest.testkit.js';
import { startFakeLlmServer, type FakeLlmServer } from './fakeLlmServer.testkit.js';
import { fakeOpenAiEnvironment, llmFlow, startLlmConversation } from './llmFlow.testkit.js';

let fake: FakeLlmServer;
let server: TestServer;
let db: DbInspector;

beforeAll(async () => {
  fake = await startFakeLlmServer();
  server = await startTestServer({ llm: fakeOpenAiEnvironment(fake) });
  db = new DbInspector(server.dataDir);
});
afterAll(async () => {
  await server.stop();
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.reply = () => ({ text: 'Wir haben Montag bis Freitag von 7 bis 18 Uhr offen.', inputTokens: 150, outputTokens: 14 });
});

const say = (conversation: { conversationId: string; token: string }, id: string, text: string) =>
  server.request('POST', `/v1/conversations/${conversation.conversationId}/messages`, { token: conversation.token, body: { id, text } });

describe('llm_answer in a running server with the real OpenAI provider code', () => {
  it('answers with one bot message, sends instructions and sources but no pii value, records usage', async () => {
    const conversation = await startLlmConversation(server, llmFlow('llm-answered'));
    // The question shown to the customer keeps the real name; only what goes to the model withholds it.
    expect(conversation.started.body.messages.map((m: { text: string }) => m.text)).toEqual(['Ihre Frage, Ada Muster?']);
    const reply = await say(conversation, 'm1', 'Wann habt ihr offen?');
    expect(reply.status).toBe(200);
    expect(reply.body.messages.map((m: { role: string; text: string }) => [m.role, m.text])).toEqual([
      ['user', 'Wann habt ihr offen?'],
      ['bot', 'Wir haben Montag bis Freitag von 7 bis 18 Uhr offen.'],
      ['bot', 'Ihre Frage, Ada Muster?'],
    ]);
    expect(reply.body.status).toBe('awaiting_input');

    expect(fake.requests).toHaveLength(1);
    const [sent] = fake.requests;
    expect(sent!.headers.authorization).toBe('Bearer sk-fake-key-0001');
    expect(sent!.body.model).toBe('gpt-fake');
    expect(sent!.system).toContain('Bäckerei Huber in Bern');
    expect(sent!.system).toContain('Kunde: [name].');
    expect(sent!.system).toContain('Öffnungszeiten: Montag bis Freitag 7 bis 18 Uhr.');
    expect(sent!.prompt).toBe('Wann habt ihr offen?');
    expect(JSON.stringify(sent!.body)).not.toContain('Ada Muster');

    const usage = await db.count(
      `SELECT COUNT(*) FROM domain_events WHERE conversation_id = ? AND type = 'llm.usage'
         AND json_extract(data, '$.provider') = 'openai' AND json_extract(data, '$.model') = 'gpt-fake'
         AND json_extract(data, '$.inputTokens') = 150 AND json_extract(data, '$.outputTokens') = 14`,
      [conversation.conversationId],
    );
    expect(usage).toBe(1);

    const perConversation = await server.request('GET', `/v1/llm/usage?conversationId=${conversation.conversationId}`, { token: server.adminToken });
    expect(perConversation.status).toBe(200);
    expect(perConversation.body).toMatchObject({
      calls: 1, inputTokens: 150, outputTokens: 14,
      byModel: [{ provider: 'openai', model: 'gpt-fake', calls: 1, inputTokens: 150, outputTokens: 14 }],
    });
  });

  it('sends the pii value when the node allows it', async () => {
    const conversation = await startLlmConversation(server, llmFlow('llm-allow-pii', { allowPii: true }));
    await say(conversation, 'm1', 'Wann habt ihr offen?');
    expect(fake.requests[0]!.system).toContain('Kunde: Ada Muster.');
  });

  it('grounded: the unsure marker takes "unsure" without showing any model text', async () => {
    // The marker llm_answer's prompt asks for when the sources do not cover the question (nodes/src/core/llmAnswer/llmPrompt.ts).
    fake.reply = () => ({ text: '[[UNSURE]]', chunks: 3 });
    const conversation = await startLlmConversation(server, llmFlow('llm-unsure'));
    const reply = await say(conversation, 'm1', 'Verkauft ihr Velos?');
    expect(reply.body.messages.map((m: { text: string }) => m.text)).toEqual(['Verkauft ihr Velos?', 'Das weiss ich leider nicht.', 'Ihre Frage, Ada Muster?']);
    expect(await db.count(`SELECT COUNT(*) FROM domain_events WHERE conversation_id = ? AND type = 'llm.unsure'`, [conversation.conversationId])).toBe(1);
  });

  it('a failing provider takes "error"', async () => {
    fake.reply = () => ({ status: 500 });
    const conversation = await startLlmConversation(server, llmFlow('llm-error'));
    const reply = await say(conversation, 'm1', 'Hallo?');
    expect(reply.status).toBe(200);
    expect(reply.body.messages.map((m: { text: string }) => m.text)).toEqual(['Hallo?', 'Technische Störung.', 'Ihre Frage, Ada Muster?']);
  });

  it('usage per flow and period; bad periods are 422', async () => {
    const flowUsage = await server.request('GET', '/v1/llm/usage?flowId=llm-answered&from=2020-01-01&to=2099-12-31', { token: server.adminToken });
    expect(flowUsage.body).toMatchObject({ flowId: 'llm-answered', calls: 1, inputTokens: 150, outputTokens: 14 });
    const past = await server.request('GET', '/v1/llm/usage?flowId=llm-answered&to=2020-01-01', { token: server.adminToken });
    expect(past.body).toMatchObject({ calls: 0, inputTokens: 0, outputTokens: 0, byModel: [] });
    const bad = await server.request('GET', '/v1/llm/usage?from=yesterday', { token: server.adminToken, headers: { 'accept-language': 'de' } });
    expect(bad.status).toBe(422);
    expect(bad.body.error.code).toBe('INVALID_QUERY');
    expect(bad.body.error.details[0].message).toContain('Datum');
    expect((await server.request('GET', '/v1/llm/usage')).status).toBe(401);
  });
});

describe('llm_answer without a configured provider', () => {
  let bare: TestServer;
  beforeAll(async () => {
    bare = await startTestServer({ llm: { keys: {}, timeoutMs: 5000 } });
  });
  afterAll(() => bare.stop());

  it('warns on validate, save and publish, and takes "error" at run time', async () => {
    const flow = llmFlow('llm-none');
    const token = bare.adminToken;
    const validated = await bare.request('POST', '/v1/validate', { token, body: flow });
    expect(validated.body.ok).toBe(true);
    const warning = validated.body.problems.find((p: { code: string }) => p.code === 'FLOW_LLM_NOT_CONFIGURED');
    expect(warning).toMatchObject({ severity: 'warning', nodeId: 'q', path: ['nodes', 0] });
    expect(warning.messages.de).toContain('Sprachmodell');

    const conversation = await startLlmConversation(bare, flow);
    expect(conversation.saved.body.problems.map((p: { code: string }) => p.code)).toContain('FLOW_LLM_NOT_CONFIGURED');
    expect(conversation.published.body.problems.map((p: { code: string }) => p.code)).toEqual(['FLOW_LLM_NOT_CONFIGURED']);
    const draftCheck = await bare.request('POST', '/v1/flows/llm-none/validate', { token });
    expect(draftCheck.body.problems.map((p: { code: string }) => p.code)).toContain('FLOW_LLM_NOT_CONFIGURED');

    const reply = await bare.request('POST', `/v1/conversations/${conversation.conversationId}/messages`, { token: conversation.token, body: { id: 'm1', text: 'Hallo?' } });
    expect(reply.body.messages.map((m: { text: string }) => m.text)).toEqual(['Hallo?', 'Technische Störung.', 'Ihre Frage, Ada Muster?']);
  });

  it('the warning disappears once a provider is saved in the settings', async () => {
    const token = bare.adminToken;
    const saved = await bare.request('PUT', '/v1/settings/llm', { token, body: { provider: 'openai-compatible', model: 'llama3.2', baseUrl: 'http://127.0.0.1:9/v1' } });
    expect(saved.status).toBe(200);
    const validated = await bare.request('POST', '/v1/validate', { token, body: llmFlow('llm-none') });
    expect(validated.body.problems.map((p: { code: string }) => p.code)).not.toContain('FLOW_LLM_NOT_CONFIGURED');
    await bare.request('DELETE', '/v1/settings/llm', { token });
  });
});
