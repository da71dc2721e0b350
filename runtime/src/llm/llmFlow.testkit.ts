import type { FlowDocumentInput } from '@dialogwerk/nodes';
import type { TestServer } from '../testing/testServer.js';
import { publishFlow } from '../testing/publishFlow.js';
import type { FakeLlmServer } from './fakeLlmServer.testkit.js';
import type { LlmEnvironment } from './llmEnvironment.js';

/** An LLM environment that points the openai provider at the local fake. */
export function fakeOpenAiEnvironment(fake: FakeLlmServer, key = 'sk-fake-key-0001'): LlmEnvironment {
  return { provider: 'openai', model: 'gpt-fake', baseUrl: `${fake.url}/openai/v1`, keys: { generic: key }, timeoutMs: 5000 };
}

/**
 * A bakery bot: llm_answer asks, answers from its sources (grounded) and asks again; unsure and error answers get
 * their own message. `name` is pii, `city` is not.
 */
export function llmFlow(id = 'llm-bot', config: Record<string, unknown> = {}): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id,
    name: 'LLM bot',
    locales: ['de', 'en'],
    start: 'q',
    variables: { name: { type: 'string', pii: true }, city: { type: 'string' } },
    nodes: [
      {
        id: 'q', type: 'llm_answer', version: 1, position: { x: 0, y: 0 },
        config: {
          text: { de: 'Ihre Frage, {{name}}?', en: 'Your question, {{name}}?' },
          instructions: 'Du bist der Bot der Bäckerei Huber in {{city}}. Kunde: {{name}}.',
          sources: ['Öffnungszeiten: Montag bis Freitag 7 bis 18 Uhr.'],
          grounded: true,
          ...config,
        },
      },
      { id: 'sorry', type: 'message', version: 1, position: { x: 200, y: 0 }, config: { text: { de: 'Das weiss ich leider nicht.', en: 'Sorry, I do not know.' } } },
      { id: 'broken', type: 'message', version: 1, position: { x: 200, y: 100 }, config: { text: { de: 'Technische Störung.', en: 'Technical problem.' } } },
    ],
    edges: [
      { id: 'e1', from: { node: 'q', port: 'answered' }, to: 'q' },
      { id: 'e2', from: { node: 'q', port: 'unsure' }, to: 'sorry' },
      { id: 'e3', from: { node: 'q', port: 'error' }, to: 'broken' },
      { id: 'e4', from: { node: 'sorry', port: 'next' }, to: 'q' },
      { id: 'e5', from: { node: 'broken', port: 'next' }, to: 'q' },
    ],
  };
}

/** Saves and publishes the flow, starts a conversation with the given context. */
export async function startLlmConversation(server: TestServer, flow: FlowDocumentInput, context: Record<string, string> = { name: 'Ada Muster', city: 'Bern' }) {
  const { saved, published } = await publishFlow(server, flow);
  const started = await server.request('POST', `/v1/bots/${flow.id}/conversations`, { body: { locale: 'de', context } });
  if (started.status !== 201) throw new Error(`start failed: ${JSON.stringify(started.body)}`);
  return { saved, published, conversationId: started.body.conversationId as string, token: started.body.token as string, started };
}
