import { z } from 'zod';
import { defineNode } from '../../sdk/defineNode.js';
import { Text, resolveText } from '../../sdk/text.js';
import { variableName } from '../../flow/flowDocument.js';

const escalateConfig = z.object({
  text: Text.optional().meta({ title: 'Text', description: 'Vor der Übergabe / Before handing over' }),
  reason: Text.optional().meta({ title: 'Grund / Reason', description: 'Für das Team / Shown to staff' }),
  offlineText: Text.optional().meta({
    title: 'Text ausserhalb der Bürozeiten / Text outside office hours',
    description: 'Leer: nichts sagen / Empty: say nothing',
  }),
  nextOpeningVariable: variableName.optional().meta({ title: 'Variable für „wieder da ab“ / Variable for "back from"', 'x-dialogwerk-widget': 'variable' }),
});

export type EscalateConfig = z.infer<typeof escalateConfig>;

export const escalateNode = defineNode({
  type: 'escalate',
  version: 1,
  category: 'handoff',
  icon: 'headset',
  label: { de: 'An Team übergeben', en: 'Hand over to staff' },
  description: {
    de: 'Übergibt das Gespräch an das Team (in den Bürozeiten) oder notiert ausserhalb eine Rückrufbitte.',
    en: 'Hands the conversation to staff (within office hours) or records a callback request outside them.',
  },
  config: escalateConfig,
  ports: [
    { id: 'handed_off', label: { de: 'Nach der Übergabe', en: 'After the handoff' } },
    { id: 'offline', label: { de: 'Ausserhalb der Bürozeiten', en: 'Outside office hours' } },
  ],
  variables: (config) => (config.nextOpeningVariable ? [config.nextOpeningVariable] : []),
  summary: (config, locale) => resolveText(config.reason ?? config.text, locale, locale),
});
