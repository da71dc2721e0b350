import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './testServer.js';
import { threeQuestionFlow } from './flowFixtures.js';

describe('test server harness', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('serves the contract readiness route and runs a published flow over real HTTP', async () => {
    expect((await server.request('GET', '/v1/openapi.json')).status).toBe(200);
    const put = await server.request('PUT', '/v1/flows/three-questions', { body: threeQuestionFlow(), token: server.adminToken });
    expect(put.status).toBe(200);
    expect((await server.request('POST', '/v1/flows/three-questions/publish', { token: server.adminToken })).body).toEqual({ version: 1 });
    const start = await server.request('POST', '/v1/bots/three-questions/conversations', { body: { locale: 'en' } });
    expect(start.status).toBe(201);
    expect(start.body.messages.map((m: { text: string }) => m.text)).toEqual(['What is your name?']);
    const reply = await server.request('POST', `/v1/conversations/${start.body.conversationId}/messages`, {
      body: { id: 'm1', text: 'Ada' },
      token: start.body.token,
    });
    expect(reply.body.messages.map((m: { role: string; text: string }) => `${m.role}:${m.text}`)).toEqual(['user:Ada', 'bot:Your email, Ada?']);
  });
});
