import { describe, expect, it } from 'vitest';
import { runNode, NodeRunError } from '../../testing/index.js';
import type { KnowledgeService } from '../../sdk/services/knowledge.js';
import type { LlmRequest, LlmService } from '../../sdk/services/llm.js';
import { llmAnswer } from './llmAnswer.run.js';
import { UNSURE_MARKER } from './llmPrompt.js';

/** A language model that answers from a script and remembers what it was asked. */
function scriptedLlm(reply: (request: LlmRequest) => string | Error, chunks = 3) {
  const requests: LlmRequest[] = [];
  const answer = (request: LlmRequest) => {
    requests.push(request);
    const text = reply(request);
    if (text instanceof Error) throw text;
    return { text, usage: { inputTokens: 11, outputTokens: 7 }, provider: 'scripted', model: 'm1' };
  };
  const service: LlmService = {
    complete: async (request) => answer(request),
    stream: (request) => {
      let settled: ReturnType<typeof answer> | Error;
      try {
        settled = answer(request);
      } catch (error) {
        settled = error as Error;
      }
      const result = settled instanceof Error ? Promise.reject(settled) : Promise.resolve(settled);
      return {
        result,
        textStream: (async function* () {
          if (settled instanceof Error) throw settled;
          const size = Math.ceil(settled.text.length / chunks);
          for (let at = 0; at < settled.text.length; at += size) yield settled.text.slice(at, at + size);
        })(),
      };
    },
    status: async () => ({ configured: true, provider: 'scripted', model: 'm1' }),
  };
  return { service, requests };
}

const knowledge: KnowledgeService = {
  entries: async (id) =>
    id === 'shop'
      ? [{ id: 'hours', question: { de: 'Wann habt ihr offen?', en: 'When are you open?' }, answer: { de: 'Mo–Fr 8–18 Uhr.', en: 'Mon–Fri 8am–6pm.' } }]
      : undefined,
};

const base = { instructions: 'Du beantwortest Fragen zur Bäckerei Huber.' };

describe('llm_answer', () => {
  it('shows text and waits when no message is pending, then answers the reply as one message', async () => {
    const llm = scriptedLlm(() => 'Wir haben täglich Zopf.');
    const first = await runNode(llmAnswer, { config: { ...base, text: 'Was möchten Sie wissen?' }, services: { llm: llm.service }, locale: 'de' });
    expect(first.texts).toEqual(['Was möchten Sie wissen?']);
    expect(first.waiting?.input.type).toBe('text');
    const second = await first.answer('Habt ihr Zopf?');
    expect(second.port).toBe('answered');
    expect(second.texts).toEqual(['Wir haben täglich Zopf.']);
    expect(second.streamed.join('')).toBe('Wir haben täglich Zopf.');
    expect(second.records).toEqual([{ type: 'llm.usage', data: { provider: 'scripted', model: 'm1', inputTokens: 11, outputTokens: 7 } }]);
    expect(llm.requests[0]!.prompt).toBe('Habt ihr Zopf?');
    expect(llm.requests[0]!.system).toContain('Bäckerei Huber');
  });

  it('uses the pending message instead of waiting and consumes it', async () => {
    const llm = scriptedLlm(() => 'Ja.');
    const run = await runNode(llmAnswer, { config: { ...base, text: 'Frage?' }, services: { llm: llm.service }, pendingInput: 'Offen am Sonntag?' });
    expect(run.port).toBe('answered');
    expect(run.texts).toEqual(['Ja.']);
    expect(run.pendingInputConsumed).toBe(true);
  });

  it('grounded: puts text sources and knowledge base entries into the prompt and answers from them', async () => {
    const llm = scriptedLlm(() => 'Montag bis Freitag von 8 bis 18 Uhr.');
    const run = await runNode(llmAnswer, {
      config: { ...base, grounded: true, sources: [{ de: 'Sonntags geschlossen.', en: 'Closed on Sundays.' }], faqKnowledgeBase: 'shop' },
      services: { llm: llm.service, knowledge },
      locale: 'de',
      pendingInput: 'Wann offen?',
    });
    expect(run.port).toBe('answered');
    const { system } = llm.requests[0]!;
    expect(system).toContain('Sonntags geschlossen.');
    expect(system).toContain('Q: Wann habt ihr offen?\nA: Mo–Fr 8–18 Uhr.');
    expect(system).toContain(UNSURE_MARKER);
  });

  it('grounded: the marker takes "unsure" silently, streams nothing of it and records the question', async () => {
    const llm = scriptedLlm(() => UNSURE_MARKER, 5);
    const run = await runNode(llmAnswer, { config: { ...base, grounded: true, sources: ['Nur Brot.'] }, services: { llm: llm.service }, pendingInput: 'Verkauft ihr Autos?' });
    expect(run.port).toBe('unsure');
    expect(run.texts).toEqual([]);
    expect(run.streamed).toEqual([]);
    expect(run.records.map((record) => record.type)).toEqual(['llm.usage', 'llm.unsure']);
    expect(run.records[1]!.data).toEqual({ grounded: true, question: 'Verkauft ihr Autos?' });
  });

  it('grounded without any source takes "unsure" without asking the model', async () => {
    const llm = scriptedLlm(() => 'x');
    const run = await runNode(llmAnswer, { config: { ...base, grounded: true }, services: { llm: llm.service }, pendingInput: 'Hallo?' });
    expect(run.port).toBe('unsure');
    expect(llm.requests).toHaveLength(0);
  });

  it('takes "error" and logs why when no model is configured or no service exists', async () => {
    const unconfigured: LlmService = { complete: async () => ({ text: 'never' }), status: async () => ({ configured: false, reason: 'DIALOGWERK_LLM is not set' }) };
    const run = await runNode(llmAnswer, { config: base, services: { llm: unconfigured }, pendingInput: 'Hallo?' });
    expect(run.port).toBe('error');
    expect(run.logs[0]!.message).toContain('DIALOGWERK_LLM is not set');
    const none = await runNode(llmAnswer, { config: base, services: {}, pendingInput: 'Hallo?' });
    expect(none.port).toBe('error');
    expect(none.logs[0]!.message).toContain('no language model configured');
  });

  it('takes "error" when the provider fails, when it is too slow, and when the knowledge base is gone', async () => {
    const failing = scriptedLlm(() => new Error('HTTP 500 from provider'));
    const failed = await runNode(llmAnswer, { config: base, services: { llm: failing.service }, pendingInput: 'Hallo?' });
    expect(failed.port).toBe('error');
    expect(failed.logs[0]!.message).toContain('HTTP 500 from provider');
    expect(failed.texts).toEqual([]);

    const slow: LlmService = {
      complete: (request) =>
        new Promise((_resolve, reject) => request.signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true })),
    };
    const timedOut = await runNode(llmAnswer, { config: { ...base, timeoutMs: 1000 }, services: { llm: slow }, pendingInput: 'Hallo?' });
    expect(timedOut.port).toBe('error');
    expect(timedOut.logs[0]!.data).toMatchObject({ reason: 'timeout' });

    const ok = scriptedLlm(() => 'x');
    const missing = await runNode(llmAnswer, { config: { ...base, faqKnowledgeBase: 'gone' }, services: { llm: ok.service, knowledge }, pendingInput: 'Hallo?' });
    expect(missing.port).toBe('error');
    expect(missing.logs[0]!.message).toContain('"gone"');
  });

  it('withholds pii variables from the prompt unless allowPii is set', async () => {
    const llm = scriptedLlm(() => 'Gern.');
    const config = { text: 'Ihre Frage, {{name}}?', instructions: 'Der Kunde heisst {{name}}, Stadt {{city}}.', sources: ['Kunde {{name}}'] };
    const options = { vars: { name: 'Ada Muster', city: 'Bern' }, piiVariables: ['name'], services: { llm: llm.service }, pendingInput: 'Hallo' };
    await runNode(llmAnswer, { config, ...options });
    expect(llm.requests[0]!.system).toContain('Der Kunde heisst [name], Stadt Bern.');
    expect(llm.requests[0]!.system).toContain('Kunde [name]');
    expect(llm.requests[0]!.system).not.toContain('Ada Muster');
    // The question is shown to the customer, not sent to the model: it keeps the real value.
    const asking = await runNode(llmAnswer, { config, ...options, pendingInput: undefined });
    expect(asking.texts).toEqual(['Ihre Frage, Ada Muster?']);
    await runNode(llmAnswer, { config: { ...config, allowPii: true }, ...options });
    expect(llm.requests[1]!.system).toContain('Der Kunde heisst Ada Muster, Stadt Bern.');
  });

  it('works with a service that only has complete()', async () => {
    const minimal: LlmService = { complete: async () => ({ text: 'Kurz.' }) };
    const run = await runNode(llmAnswer, { config: base, services: { llm: minimal }, pendingInput: 'Hallo' });
    expect(run.port).toBe('answered');
    expect(run.records[0]).toEqual({ type: 'llm.usage', data: { provider: 'unknown', model: 'unknown', inputTokens: null, outputTokens: null } });
  });

  it('rejects a config without instructions', async () => {
    await expect(runNode(llmAnswer, { config: {} as never })).rejects.toBeInstanceOf(NodeRunError);
  });
});
