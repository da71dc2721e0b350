import { z } from 'zod';
import { defineNode } from '../../sdk/defineNode.js';
import { Text } from '../../sdk/text.js';
import { variableName } from '../../flow/flowDocument.js';

export const standardLeadFields = ['name', 'email', 'phone', 'company', 'projectType', 'desiredDate', 'files', 'notes'] as const;
export type StandardLeadField = (typeof standardLeadFields)[number];

const variableRef = variableName.meta({ 'x-dialogwerk-widget': 'variable' });
const customKey = z.string().regex(/^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'letters, digits and "_", not starting with a digit');

const captureLeadConfig = z.object({
  /** Which flow variable holds each standard field. */
  fields: z
    .object(Object.fromEntries(standardLeadFields.map((field) => [field, variableRef.optional()])) as Record<StandardLeadField, z.ZodOptional<typeof variableRef>>)
    .default({})
    .meta({ title: 'Felder / Fields' }),
  /** Further fields: lead field name → variable. */
  custom: z.record(customKey, variableRef).optional().meta({ title: 'Weitere Felder / Custom fields' }),
  requireConsent: z.boolean().optional().meta({ title: 'Einwilligung einholen / Ask for consent' }),
  consentText: Text.optional().meta({ title: 'Datenschutztext / Privacy text' }),
  /** A boolean variable: when already true, consent was given earlier in the flow; the answer is written back to it. */
  consentVariable: variableRef.optional().meta({ title: 'Einwilligungs-Variable / Consent variable' }),
});

export type CaptureLeadConfig = z.infer<typeof captureLeadConfig>;

function referencedVariables(config: CaptureLeadConfig): string[] {
  const names = [
    ...Object.values(config.fields).filter((name): name is string => typeof name === 'string'),
    ...Object.values(config.custom ?? {}),
    ...(config.consentVariable ? [config.consentVariable] : []),
  ];
  return [...new Set(names)];
}

export const captureLeadNode = defineNode({
  type: 'capture_lead',
  version: 1,
  category: 'actions',
  icon: 'contact',
  label: { de: 'Lead erfassen', en: 'Capture lead' },
  description: {
    de: 'Speichert die erfassten Angaben als Kontakt und Anfrage (mit Gesprächsverlauf), auf Wunsch erst nach Einwilligung.',
    en: 'Stores the collected details as a contact and lead (with the transcript), optionally only after consent.',
  },
  config: captureLeadConfig,
  ports: [
    { id: 'captured', label: { de: 'Gespeichert', en: 'Captured' } },
    { id: 'no_consent', label: { de: 'Keine Einwilligung', en: 'No consent' } },
    { id: 'error', label: { de: 'Fehler', en: 'Error' }, kind: 'error' },
  ],
  waitsForInput: (config) => Boolean(config.requireConsent),
  variables: referencedVariables,
  summary: (config) => Object.keys(config.fields).concat(Object.keys(config.custom ?? {})).join(', '),
});
