import { z } from 'zod';
import { defineNode } from '../../sdk/defineNode.js';
import { Text, resolveText } from '../../sdk/text.js';

export const endNode = defineNode({
  type: 'end',
  version: 1,
  category: 'messages',
  icon: 'flag',
  label: { de: 'Ende', en: 'End' },
  description: {
    de: 'Beendet das Gespräch, auf Wunsch mit einer Zufriedenheitsfrage (1–5).',
    en: 'Ends the conversation, optionally asking for a satisfaction rating (1–5).',
  },
  config: z.object({ text: Text.optional(), csat: z.boolean().optional() }),
  ports: [],
  waitsForInput: (config) => Boolean(config.csat),
  summary: (config, locale) => resolveText(config.text, locale, locale),
});
