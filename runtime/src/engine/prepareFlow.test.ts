import { randomUUID } from 'node:crypto';
import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { sharedMatcherCache } from '../../../nodes/src/understanding/matcherCache.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { publishFlow } from '../testing/publishFlow.js';

/** An intent node with examples no other test uses, so its matcher is trained exactly for this test. */
function intentFlow(): FlowDocumentInput {
  const tag = randomUUID().slice(0, 8);
  return {
    format: 'dialogwerk.flow/1',
    id: `prepare-${tag}`,
    name: 'Prepare',
    locales: ['de'],
    start: 'topic',
    nodes: [
      {
        id: 'topic', type: 'intent', version: 1, position: { x: 0, y: 0 },
        config: {
          text: 'Worum geht es?',
          intents: [
            { id: 'hours', examples: [`Wann habt ihr offen ${tag}?`, 'Öffnungszeiten bitte'] },
            { id: 'parking', examples: [`Wo kann ich parken ${tag}?`, 'Gibt es Parkplätze?'] },
          ],
        },
      },
      { id: 'done', type: 'end', version: 1, position: { x: 0, y: 100 }, config: { text: 'Ok.' } },
    ],
    edges: [
      { id: 'e1', from: { node: 'topic', port: 'hours' }, to: 'done' },
      { id: 'e2', from: { node: 'topic', port: 'parking' }, to: 'done' },
      { id: 'e3', from: { node: 'topic', port: 'fallback' }, to: 'done' },
    ],
  };
}

async function until(condition: () => boolean) {
  for (let i = 0; i < 200 && !condition(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return condition();
}

let server: TestServer | undefined;
afterEach(async () => {
  await server?.stop();
  if (server) rmSync(server.dataDir, { recursive: true, force: true });
  server = undefined;
});

describe('preparing published flows', () => {
  it('trains an intent matcher right after publishing, so the first customer turn does not', async () => {
    server = await startTestServer();
    const flow = intentFlow();
    const before = sharedMatcherCache.trainings;
    await publishFlow(server, flow);
    expect(await until(() => sharedMatcherCache.trainings === before + 1)).toBe(true);
    const started = await server.request('POST', `/v1/bots/${flow.id}/conversations`, { body: {} });
    const reply = await server.request('POST', `/v1/conversations/${started.body.conversationId}/messages`, {
      body: { id: '1', text: 'Gibt es Parkplätze?' }, token: started.body.token,
    });
    expect(reply.body.messages.at(-1).text).toBe('Ok.');
    expect(sharedMatcherCache.trainings).toBe(before + 1);
  });

  it('prepares every published flow after a start', async () => {
    server = await startTestServer({ keepDataDir: true });
    const { dataDir } = server;
    // Published straight through the repository: no route, so nothing trains it before the restart.
    const { validateFlow } = await import('@dialogwerk/nodes');
    const document = validateFlow(intentFlow(), server.runtime.registry).flow!;
    await server.runtime.flows.saveDraft(document);
    await server.runtime.flows.publish(document.id, document, null, null);
    await server.stop();
    const before = sharedMatcherCache.trainings;
    server = await startTestServer({ dataDir });
    await server.runtime.preparing;
    expect(sharedMatcherCache.trainings).toBe(before + 1);
  });
});
