// The optional LLM mode: the model picks one intent id (or "none") from the labels and examples.
import type { LlmResult, LlmService } from '../../sdk/services/llm.js';
import { allPhrases, resolveText } from '../../sdk/text.js';
import type { IntentConfig } from './intent.node.js';

/** Examples per intent shown to the model: enough to convey the intent, short enough for small local models. */
const EXAMPLES_IN_PROMPT = 8;

export type LlmIntentChoice = { kind: 'intent'; intent: string } | { kind: 'none' } | { kind: 'unknown'; answer: string };

export function llmIntentPrompt(config: IntentConfig, utterance: string, locale: string): { system: string; prompt: string } {
  const system = [
    'You classify a customer message of a business chatbot into exactly one of the listed intents.',
    'Answer with the intent id only, or with "none" when no intent fits the message. No other words.',
  ].join(' ');
  const intents = config.intents.map((intent) => {
    const label = intent.label !== undefined ? ` (${resolveText(intent.label, locale, locale)})` : '';
    const examples = allPhrases(intent.examples).slice(0, EXAMPLES_IN_PROMPT).map((e) => `  - ${e}`);
    return [`- id: ${intent.id}${label}`, '  examples:', ...examples].join('\n');
  });
  const prompt = `Intents:\n${intents.join('\n')}\n\nCustomer message:\n"""${utterance}"""\n\nIntent id or none:`;
  return { system, prompt };
}

/** Models like to add quotes, punctuation or a sentence; accept the id when it is the whole answer modulo those. */
export function parseLlmIntentAnswer(answer: string, ids: string[]): LlmIntentChoice {
  const cleaned = answer.trim().replace(/^["'`*\s]+|["'`*.!\s]+$/g, '').replace(/^(intent( id)?|id)\s*:\s*/i, '');
  const exact = ids.find((id) => id === cleaned) ?? ids.find((id) => id.toLowerCase() === cleaned.toLowerCase());
  if (exact) return { kind: 'intent', intent: exact };
  if (/^(none|keine?s?|null|fallback)$/i.test(cleaned)) return { kind: 'none' };
  return { kind: 'unknown', answer: answer.slice(0, 200) };
}

/** The model's pick, and the call's result for its token usage (spent whatever the model answered). */
export async function askLlmForIntent(
  llm: LlmService,
  config: IntentConfig,
  utterance: string,
  locale: string,
  signal: AbortSignal,
): Promise<{ choice: LlmIntentChoice; result: LlmResult }> {
  const { system, prompt } = llmIntentPrompt(config, utterance, locale);
  // An intent id is a few tokens; the cap keeps a chatty model from running up cost and latency.
  const result = await llm.complete({ system, prompt, signal, maxOutputTokens: 32 });
  return { choice: parseLlmIntentAnswer(result.text, config.intents.map((intent) => intent.id)), result };
}
