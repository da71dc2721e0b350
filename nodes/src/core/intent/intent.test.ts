import { describe, expect, it } from 'vitest';
import { portsOf, waitsForInput } from '../../sdk/defineNode.js';
import type { LlmResult, LlmService } from '../../sdk/services/llm.js';
import { NodeConfigError, runNode } from '../../testing/index.js';
import { intentNode, type IntentConfig } from './intent.node.js';
import { intent } from './intent.run.js';

const intents = [
  {
    id: 'opening_hours',
    label: { de: 'Öffnungszeiten', en: 'Opening hours' },
    examples: {
      de: ['Wann haben Sie geöffnet?', 'Was sind Ihre Öffnungszeiten?', 'Haben Sie am Samstag offen?', 'Bis wann ist heute geöffnet?'],
      en: ['When are you open?', 'What are your opening hours?'],
    },
  },
  {
    id: 'parking',
    label: 'Parkplatz',
    examples: ['Wo kann ich parken?', 'Gibt es Parkplätze?', 'Kann ich mit dem Auto kommen?', 'Wo stelle ich mein Fahrrad ab?'],
  },
  {
    id: 'book',
    examples: ['Ich möchte einen Termin vereinbaren', 'Kann ich einen Termin buchen?', 'Haben Sie einen Termin frei?', 'Termin ausmachen'],
  },
];
const config = { text: { de: 'Wie kann ich helfen?', en: 'How can I help?' }, intents } satisfies Partial<IntentConfig>;
const de = { locale: 'de', flowLocales: ['de', 'en'] };

function fakeLlm(answer: string | Error, extra: Omit<LlmResult, 'text'> = {}): LlmService & { calls: { system: string; prompt: string }[] } {
  const calls: { system: string; prompt: string }[] = [];
  return {
    calls,
    async complete(request) {
      calls.push({ system: request.system, prompt: request.prompt });
      if (answer instanceof Error) throw answer;
      return { text: answer, ...extra };
    },
  };
}

/** The node's decision, whatever usage records come before it. */
const decisionOf = (run: { records: { type: string; data?: unknown }[] }) => run.records.find((record) => record.type.startsWith('intent.'));

describe('intent: config and ports', () => {
  it('has one port per intent plus fallback, labelled per language', () => {
    const ports = portsOf(intentNode, intentNode.config.parse(config));
    expect(ports.map((p) => p.id)).toEqual(['opening_hours', 'parking', 'book', 'fallback']);
    expect(ports[0]!.label).toEqual({ de: 'Öffnungszeiten', en: 'Opening hours' });
    expect(ports[1]!.label).toEqual({ de: 'Parkplatz', en: 'Parkplatz' });
    expect(ports[2]!.label).toEqual({ de: 'book', en: 'book' });
    expect(waitsForInput(intentNode, config)).toBe(true);
  });

  it('defaults to the embedded mode and accepts a threshold between 0 and 1', () => {
    expect(intentNode.config.parse(config).mode).toBe('embedded');
    expect(intentNode.config.safeParse({ ...config, threshold: 1.2 }).success).toBe(false);
    expect(intentNode.config.safeParse({ ...config, threshold: 0.7, mode: 'llm' }).success).toBe(true);
  });

  it.each([
    [{ intents: [] }, 'intents', 'at least one intent'],
    [{ intents: [{ id: 'fallback', examples: ['x'] }] }, 'intents.0.id', '"fallback" is reserved'],
    [{ intents: [{ id: 'a', examples: ['x'] }, { id: 'a', examples: ['y'] }] }, 'intents.1.id', 'not unique'],
    [{ intents: [{ id: 'has space', examples: ['x'] }] }, 'intents.0.id', 'letters, digits'],
    [{ intents: [{ id: 'a', examples: [] }] }, 'intents.0.examples', 'at least one example'],
    [{ intents: [{ id: 'a', examples: { de: ['  '], en: [] } }] }, 'intents.0.examples', 'at least one example'],
  ])('refuses %j with a bilingual message', (bad, path, english) => {
    const result = intentNode.config.safeParse(bad);
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path.join('.') === path);
    expect(issue?.message).toContain(english);
    expect(issue?.message).toContain(' / ');
  });

  it('reports config problems through the test kit like the engine', async () => {
    await expect(runNode(intent, { config: { intents: [{ id: 'fallback', examples: ['x'] }] } })).rejects.toBeInstanceOf(NodeConfigError);
  });
});

describe('intent: asking and routing', () => {
  it('says the prompt and waits for text', async () => {
    const run = await runNode(intent, { config, ...de });
    expect(run.texts).toEqual(['Wie kann ich helfen?']);
    expect(run.waiting?.input).toEqual({ type: 'text' });
  });

  it('waits silently without a prompt', async () => {
    const run = await runNode(intent, { config: { intents }, ...de });
    expect(run.texts).toEqual([]);
    expect(run.waiting).toBeDefined();
  });

  it.each([
    ['Wann habt ihr am Samstag offen?', 'opening_hours'],
    ['Öffnugszeiten heute?', 'opening_hours'],
    ['what are your opening hours', 'opening_hours'],
    ['Wo kann ich mein Velo parkieren?', 'parking'],
    ['Gibt es Parkplätze in der Nähe der Strasse?', 'parking'],
    ['Ich möchte einen Termn buchen', 'book'],
  ])('routes the answer %j to %s and records the match without the utterance', async (text, port) => {
    const run = await (await runNode(intent, { config, ...de })).answer(text);
    expect(run.port).toBe(port);
    expect(run.records).toEqual([{ type: 'intent.matched', data: { intent: port, confidence: expect.any(Number), via: 'embedded' } }]);
    expect((run.records[0]!.data as { confidence: number }).confidence).toBeGreaterThanOrEqual(0.5);
  });

  it('takes fallback on an unrelated question and records it for the review queue', async () => {
    const run = await (await runNode(intent, { config, ...de })).answer('Wie wird das Wetter morgen in Bern?');
    expect(run.port).toBe('fallback');
    expect(run.records).toEqual([
      {
        type: 'intent.no_match',
        data: {
          utterance: 'Wie wird das Wetter morgen in Bern?', locale: 'de', bestIntent: expect.any(String),
          confidence: expect.any(Number), threshold: 0.5, via: 'embedded',
        },
      },
    ]);
  });

  it('stores no utterance when the node is sensitive', async () => {
    const run = await (await runNode(intent, { config, ...de, sensitive: true })).answer('Wie wird das Wetter morgen?');
    expect(run.port).toBe('fallback');
    expect(run.records[0]!.data).not.toHaveProperty('utterance');
    expect(run.records[0]!.data).toMatchObject({ locale: 'de', threshold: 0.5 });
  });

  it('honours the configured threshold', async () => {
    const strict = await (await runNode(intent, { config: { ...config, threshold: 1 }, ...de })).answer('Wann habt ihr offen?');
    expect(strict.port).toBe('fallback');
    expect(strict.records[0]!.data).toMatchObject({ bestIntent: 'opening_hours', threshold: 1 });
    const lax = await (await runNode(intent, { config: { ...config, threshold: 0 }, ...de })).answer('Wie wird das Wetter?');
    expect(lax.port).not.toBe('fallback');
  });

  it('routes a choice equal to an intent id directly', async () => {
    const run = await (await runNode(intent, { config, ...de })).answer({ choice: 'book' });
    expect(run.port).toBe('book');
    expect(run.records).toEqual([{ type: 'intent.matched', data: { intent: 'book', confidence: 1, via: 'choice' } }]);
  });

  it('treats an empty message as not understood', async () => {
    const run = await (await runNode(intent, { config, ...de })).answer('   ');
    expect(run.port).toBe('fallback');
  });
});

describe('intent: the pending customer message', () => {
  it('routes the pending message without asking, and hands it on for the node behind the intent', async () => {
    const run = await runNode(intent, { config, ...de, pendingInput: 'Gibt es bei euch Parkplätze?' });
    expect(run.texts).toEqual([]);
    expect(run.port).toBe('parking');
    expect(run.pendingInputConsumed).toBe(false);
  });

  it('leaves the pending message for the next node on fallback', async () => {
    const run = await runNode(intent, { config, ...de, pendingInput: 'Wer hat Amerika entdeckt?' });
    expect(run.port).toBe('fallback');
    expect(run.pendingInputConsumed).toBe(false);
  });
});

describe('intent: LLM mode', () => {
  const llmConfig = { ...config, mode: 'llm' as const };

  it('lets the model pick an intent from labels and examples', async () => {
    const llm = fakeLlm(' "parking". ');
    const run = await runNode(intent, { config: llmConfig, ...de, services: { llm }, pendingInput: 'Hat es Abstellplätze für mein Auto?' });
    expect(run.port).toBe('parking');
    expect(decisionOf(run)).toMatchObject({ type: 'intent.matched', data: { intent: 'parking', via: 'llm' } });
    expect(llm.calls).toHaveLength(1);
    expect(llm.calls[0]!.prompt).toContain('- id: opening_hours (Öffnungszeiten)');
    expect(llm.calls[0]!.prompt).toContain('Wo kann ich parken?');
    expect(llm.calls[0]!.prompt).toContain('Hat es Abstellplätze für mein Auto?');
    expect(llm.calls[0]!.system).toMatch(/"none"/);
  });

  it('takes fallback when the model says none, even if the embedded matcher would match', async () => {
    const run = await runNode(intent, { config: llmConfig, ...de, services: { llm: fakeLlm('none') }, pendingInput: 'Wann habt ihr offen?' });
    expect(run.port).toBe('fallback');
    expect(decisionOf(run)).toMatchObject({ type: 'intent.no_match', data: { utterance: 'Wann habt ihr offen?', via: 'llm' } });
  });

  it.each([
    ['an unknown answer', 'I think the customer wants to talk about pizza'],
    ['a failure', new Error('provider down')],
  ])('falls back to the embedded matcher on %s and logs it', async (_name, answer) => {
    const run = await runNode(intent, { config: llmConfig, ...de, services: { llm: fakeLlm(answer) }, pendingInput: 'Wann habt ihr offen?' });
    expect(run.port).toBe('opening_hours');
    expect(decisionOf(run)).toMatchObject({ type: 'intent.matched', data: { intent: 'opening_hours', via: 'embedded' } });
    expect(run.logs.map((l) => l.level)).toContain('warn');
  });

  it('records llm.usage like llm_answer for every answered model call, before its decision', async () => {
    const llm = fakeLlm('parking', { provider: 'openai', model: 'gpt-test', usage: { inputTokens: 412, outputTokens: 3 }, tokens: 415 });
    const run = await runNode(intent, { config: llmConfig, ...de, services: { llm }, pendingInput: 'Wo kann ich parken?' });
    expect(run.records.map((record) => record.type)).toEqual(['llm.usage', 'intent.matched']);
    expect(run.records[0]!.data).toEqual({ provider: 'openai', model: 'gpt-test', inputTokens: 412, outputTokens: 3 });

    // Tokens are spent even when the answer is of no use; a provider without counts reports nulls.
    const unknown = await runNode(intent, { config: llmConfig, ...de, services: { llm: fakeLlm('pizza?') }, pendingInput: 'Wann habt ihr offen?' });
    expect(unknown.records.map((record) => record.type)).toEqual(['llm.usage', 'intent.matched']);
    expect(unknown.records[0]!.data).toEqual({ provider: 'unknown', model: 'unknown', inputTokens: null, outputTokens: null });
  });

  it('records no usage when the model call failed or no model was asked', async () => {
    const failed = await runNode(intent, { config: llmConfig, ...de, services: { llm: fakeLlm(new Error('provider down')) }, pendingInput: 'Wann habt ihr offen?' });
    expect(failed.records.map((record) => record.type)).toEqual(['intent.matched']);
    const embedded = await runNode(intent, { config, ...de, services: { llm: fakeLlm('parking') }, pendingInput: 'Wann habt ihr offen?' });
    expect(embedded.records.map((record) => record.type)).toEqual(['intent.matched']);
    const llm = fakeLlm('parking');
    const clicked = await runNode(intent, { config: llmConfig, ...de, services: { llm }, resume: { input: { choice: 'parking' } } });
    expect(clicked.records.map((record) => record.type)).toEqual(['intent.matched']);
    expect(llm.calls).toEqual([]);
  });

  it('uses the embedded matcher when no LLM is configured', async () => {
    const run = await runNode(intent, { config: llmConfig, ...de, pendingInput: 'Wann habt ihr offen?' });
    expect(run.port).toBe('opening_hours');
    expect(run.logs[0]?.level).toBe('warn');
  });
});
