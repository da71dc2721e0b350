import { z } from 'zod';
import { defineNode } from '../../sdk/defineNode.js';
import { Text, resolveText } from '../../sdk/text.js';

export const ANSWERED_PORT = 'answered';
export const UNSURE_PORT = 'unsure';
export const ERROR_PORT = 'error';
export const DEFAULT_LLM_TIMEOUT_MS = 30_000;
export const MAX_LLM_TIMEOUT_MS = 120_000;
export const MAX_SOURCES = 50;

const llmAnswerConfig = z.object({
  text: Text.optional().meta({ title: 'Frage (optional) / Prompt (optional)' }),
  instructions: Text.meta({ title: 'Anweisungen / Instructions' }),
  sources: z.array(Text).max(MAX_SOURCES).optional().meta({ title: 'Quellen / Sources' }),
  faqKnowledgeBase: z.string().min(1).max(64).optional().meta({ title: 'Wissensdatenbank / Knowledge base' }),
  grounded: z.boolean().default(false).meta({ title: 'Nur aus Quellen antworten / Answer from sources only' }),
  tone: Text.optional().meta({ title: 'Tonfall / Tone' }),
  allowPii: z.boolean().default(false).meta({ title: 'Personendaten an das Modell senden / Send personal data to the model' }),
  maxOutputTokens: z.number().int().min(1).max(8192).optional(),
  timeoutMs: z.number().int().min(1000).max(MAX_LLM_TIMEOUT_MS).optional(),
});

export type LlmAnswerConfig = z.infer<typeof llmAnswerConfig>;

export const llmAnswerNode = defineNode({
  type: 'llm_answer',
  version: 1,
  category: 'understanding',
  icon: 'sparkles',
  label: { de: 'KI-Antwort', en: 'LLM answer' },
  description: {
    de: 'Beantwortet die Frage des Kunden mit einem Sprachmodell nach Ihren Anweisungen; im Modus „Nur aus Quellen“ nur mit Ihren Quellen, sonst geht es an „Unsicher“.',
    en: 'Answers the customer\'s question with a language model following your instructions; in grounded mode only from your sources, otherwise it takes "unsure".',
  },
  config: llmAnswerConfig,
  ports: [
    { id: ANSWERED_PORT, label: { de: 'Beantwortet', en: 'Answered' } },
    { id: UNSURE_PORT, label: { de: 'Unsicher', en: 'Unsure' } },
    { id: ERROR_PORT, label: { de: 'Fehler', en: 'Error' }, kind: 'error' },
  ],
  waitsForInput: true,
  passesInputOn: true,
  // Values of variables marked `pii` stay out of what goes to the model unless the node explicitly allows them; the
  // question `text` is shown to the customer only, so it keeps the real values.
  withholdsPii: (config) => (config.allowPii ? false : ['instructions', 'sources', 'tone']),
  // The node's own model time limit (at most 120 s) must fire before the engine's limit for the whole run.
  timeoutMs: MAX_LLM_TIMEOUT_MS + 5_000,
  summary: (config, locale) => resolveText(config.instructions, locale, locale).slice(0, 80),
});
