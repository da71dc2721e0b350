import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { threeQuestionFlow } from './flowFixtures.js';
import { publishFlow } from './publishFlow.js';
import { startTestServer, type TestServer } from './testServer.js';

describe('publishFlow', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(async () => {
    await server.stop();
  });

  it('saves and publishes, returning the new version, so a conversation can start on it', async () => {
    expect((await publishFlow(server, threeQuestionFlow('helper'))).published.body).toEqual({ version: 1 });
    const again = await publishFlow(server, threeQuestionFlow('helper'));
    expect(again.saved.status).toBe(200);
    expect(again.published.body).toEqual({ version: 2 });
    const started = await server.request('POST', '/v1/bots/helper/conversations', { body: { locale: 'de' } });
    expect(started.status).toBe(201);
  });

  it('fails with the status and error code when the draft is refused', async () => {
    const broken = { ...threeQuestionFlow('broken'), start: 'nowhere' };
    await expect(publishFlow(server, broken)).rejects.toThrow(/broken.*4\d\d/);
    expect((await server.request('POST', '/v1/bots/broken/conversations', { body: {} })).status).toBe(404);
  });
});
