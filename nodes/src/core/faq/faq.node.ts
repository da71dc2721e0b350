import { z } from 'zod';
import { defineNode } from '../../sdk/defineNode.js';
import { LocalizedList, Text, resolveText } from '../../sdk/text.js';

/** Same rule as flow ids: knowledge bases are addressed by id in URLs and shared between flows. */
export const knowledgeBaseId = z.string().regex(/^[a-z0-9][a-z0-9_-]{0,63}$/, 'lowercase letters, digits, "_" and "-", at most 64');

export const faqEntry = z.object({
  id: z.string().min(1).max(64).optional(),
  question: Text.meta({ title: 'Frage / Question' }),
  alternatives: LocalizedList.optional().meta({ title: 'Andere Formulierungen / Other phrasings' }),
  answer: Text.meta({ title: 'Antwort / Answer' }),
});

export const faqNeedsEntries = 'an FAQ needs entries or a knowledge base';
export const faqDuplicateEntryId = 'entry ids must be unique';

const faqConfig = z
  .object({
    text: Text.optional().meta({ title: 'Frage an den Kunden / Prompt', description: 'Nur wenn der Knoten selbst fragt / Only when the node asks itself' }),
    entries: z.array(faqEntry).optional().meta({ title: 'Einträge / Entries' }),
    knowledgeBase: knowledgeBaseId.optional().meta({ title: 'Wissensdatenbank / Knowledge base', description: 'ID einer Wissensdatenbank / id of a knowledge base' }),
    threshold: z
      .number()
      .min(0)
      .max(1)
      .optional()
      .meta({ title: 'Schwelle / Threshold', description: 'Standard 0.5; höher ist strenger / default 0.5; higher is stricter' }),
  })
  .superRefine((config, issues) => {
    if (!config.entries?.length && !config.knowledgeBase) {
      issues.addIssue({ code: 'custom', path: ['entries'], message: faqNeedsEntries });
    }
    const seen = new Set<string>();
    config.entries?.forEach((entry, index) => {
      if (entry.id === undefined) return;
      if (seen.has(entry.id)) issues.addIssue({ code: 'custom', path: ['entries', index, 'id'], message: faqDuplicateEntryId });
      seen.add(entry.id);
    });
  });

export type FaqConfig = z.infer<typeof faqConfig>;

export const faqNode = defineNode({
  type: 'faq',
  version: 1,
  category: 'understanding',
  icon: 'book-open',
  label: { de: 'FAQ', en: 'FAQ' },
  description: {
    de: 'Beantwortet häufige Fragen aus eigenen Einträgen oder einer Wissensdatenbank; ohne passenden Eintrag geht es bei „Keine Antwort“ weiter.',
    en: 'Answers frequent questions from its own entries or a knowledge base; without a matching entry it continues at "No match".',
  },
  config: faqConfig,
  ports: [
    { id: 'answered', label: { de: 'Beantwortet', en: 'Answered' } },
    { id: 'no_match', label: { de: 'Keine Antwort', en: 'No match' } },
  ],
  waitsForInput: true,
  passesInputOn: true,
  summary: (config, locale) => {
    if (config.text) return resolveText(config.text, locale, locale);
    const count = config.entries?.length ?? 0;
    const kb = config.knowledgeBase ? ` + ${config.knowledgeBase}` : '';
    return locale.startsWith('de') ? `${count} Einträge${kb}` : `${count} entries${kb}`;
  },
});
