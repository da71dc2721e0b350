import { z } from 'zod';
import { defineNode, type PortSpec } from '../../sdk/defineNode.js';
import { LocalizedList, Text, allPhrases, resolveText } from '../../sdk/text.js';

/** Intent ids become port ids and appear in edges, so they stay short and plain. */
export const INTENT_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
export const FALLBACK_PORT = 'fallback';
/** Confidence below which the embedded matcher answers "none of these" (calibrated on CLINC150 and the German set, see docs/NLU.md). */
export const DEFAULT_INTENT_THRESHOLD = 0.5;

const intentEntry = z.object({
  id: z.string().regex(INTENT_ID, {
    message: 'Buchstaben, Ziffern, "_" und "-", höchstens 64 Zeichen / letters, digits, "_" and "-", at most 64 characters',
  }),
  label: Text.optional(),
  examples: LocalizedList.meta({ title: 'Beispielsätze / Example phrases' }),
});

const intentConfig = z
  .object({
    text: Text.optional().meta({ title: 'Frage (optional) / Prompt (optional)' }),
    intents: z.array(intentEntry).min(1, {
      message: 'mindestens eine Absicht nötig / at least one intent is required',
    }).meta({ title: 'Absichten / Intents' }),
    threshold: z.number().min(0).max(1).optional().meta({ title: 'Schwelle / Threshold' }),
    mode: z.enum(['embedded', 'llm']).default('embedded').meta({ title: 'Erkennung / Recognition' }),
  })
  .superRefine((config, issues) => {
    const seen = new Set<string>();
    config.intents.forEach((intent, index) => {
      const path = ['intents', index, 'id'];
      if (intent.id === FALLBACK_PORT) {
        issues.addIssue({ code: 'custom', path, message: '"fallback" ist reserviert / "fallback" is reserved' });
      }
      if (seen.has(intent.id)) {
        issues.addIssue({ code: 'custom', path, message: `Absicht "${intent.id}" doppelt / intent id "${intent.id}" is not unique` });
      }
      seen.add(intent.id);
      if (!allPhrases(intent.examples).some((phrase) => phrase.trim() !== '')) {
        issues.addIssue({
          code: 'custom',
          path: ['intents', index, 'examples'],
          message: `Absicht "${intent.id}" braucht mindestens einen Beispielsatz / intent "${intent.id}" needs at least one example phrase`,
        });
      }
    });
  });

export type IntentConfig = z.infer<typeof intentConfig>;

function labelOf(intent: IntentConfig['intents'][number]): { de: string; en: string } {
  if (intent.label === undefined) return { de: intent.id, en: intent.id };
  return { de: resolveText(intent.label, 'de', 'de'), en: resolveText(intent.label, 'en', 'de') };
}

export function intentPorts(config: IntentConfig): PortSpec[] {
  return [
    ...config.intents.map((intent) => ({ id: intent.id, label: labelOf(intent) })),
    { id: FALLBACK_PORT, label: { de: 'Nicht erkannt', en: 'Not understood' } },
  ];
}

export const intentNode = defineNode({
  type: 'intent',
  version: 1,
  category: 'understanding',
  icon: 'split',
  label: { de: 'Anliegen erkennen', en: 'Intent' },
  description: {
    de: 'Erkennt, was der Kunde möchte, anhand von Beispielsätzen (offline, tippfehler- und dialekttolerant) und verzweigt je Absicht; Unbekanntes geht an „Nicht erkannt“.',
    en: 'Recognises what the customer wants from example phrases (offline, tolerant of typos and regional spellings) and branches per intent; anything else takes "Not understood".',
  },
  config: intentConfig,
  ports: intentPorts,
  waitsForInput: true,
  passesInputOn: true,
  summary: (config, locale) =>
    config.text !== undefined
      ? resolveText(config.text, locale, locale)
      : config.intents.map((intent) => resolveText(intent.label, locale, locale) || intent.id).join(', '),
});
