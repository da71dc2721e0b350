import { z } from 'zod';
import { defineNode } from '../../sdk/defineNode.js';
import { Text } from '../../sdk/text.js';
import { variableName } from '../../flow/flowDocument.js';

export const setNode = defineNode({
  type: 'set',
  version: 1,
  category: 'logic',
  icon: 'variable',
  label: { de: 'Variable setzen', en: 'Set variables' },
  description: {
    de: 'Setzt Variablen auf feste Werte oder Vorlagen wie {{name}}.',
    en: 'Sets variables to fixed values or templates like {{name}}.',
  },
  config: z.object({ values: z.record(variableName, Text) }),
  ports: [{ id: 'next', label: { de: 'Weiter', en: 'Next' } }],
  variables: (config) => Object.keys(config.values),
  summary: (config) => Object.keys(config.values).join(', '),
});
