import { z } from 'zod';
import { defineNode } from '../../sdk/defineNode.js';
import { Text, resolveText } from '../../sdk/text.js';

export const messageNode = defineNode({
  type: 'message',
  version: 1,
  category: 'messages',
  icon: 'message-square',
  label: { de: 'Nachricht', en: 'Message' },
  description: { de: 'Zeigt dem Kunden einen Text.', en: 'Shows the customer a text.' },
  config: z.object({ text: Text.meta({ title: 'Text', description: 'Was der Bot sagt / What the bot says' }) }),
  ports: [{ id: 'next', label: { de: 'Weiter', en: 'Next' } }],
  summary: (config, locale) => resolveText(config.text, locale, locale),
});
