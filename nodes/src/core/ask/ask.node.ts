import { z } from 'zod';
import { defineNode, type PortSpec } from '../../sdk/defineNode.js';
import { Text, resolveText } from '../../sdk/text.js';
import { variableName } from '../../flow/flowDocument.js';

export const askInputTypes = ['text', 'email', 'phone', 'number', 'date', 'choice', 'yesno', 'file'] as const;

/** Types the runtime recognises by their first bytes; anything else is refused at upload (docs/FILES.md). */
export const fileAcceptTypes = ['image/*', 'image/jpeg', 'image/png', 'image/heic', 'image/webp', 'image/gif', 'application/pdf'] as const;
/** The largest single upload the runtime accepts, whatever a flow sets. */
export const MAX_FILE_SIZE_MB = 25;

/** Upload rules for input `file`; the wait's input spec passes them to clients. */
export const askFilesConfig = z.object({
  accept: z.array(z.enum(fileAcceptTypes)).min(1).default(['image/*', 'application/pdf']),
  maxSizeMb: z.number().positive().max(MAX_FILE_SIZE_MB).default(10),
  maxFiles: z.number().int().min(1).max(10).default(5),
  /** Lets the customer skip the question (a "skip" button, or "kein Foto", "überspringen", "skip"): port `skip`. */
  optional: z.boolean().default(false),
});

export type AskFilesConfig = z.infer<typeof askFilesConfig>;

const askConfig = z
  .object({
    text: Text.meta({ title: 'Frage / Question' }),
    variable: variableName.meta({ title: 'Variable', 'x-dialogwerk-widget': 'variable' }),
    input: z.enum(askInputTypes).default('text'),
    choices: z
      .array(z.object({ id: z.string().min(1).max(64), label: Text }))
      .optional()
      .meta({ title: 'Auswahl / Choices' }),
    files: askFilesConfig.optional().meta({ title: 'Dateien / Files' }),
    retryText: Text.optional(),
    maxRetries: z.number().int().min(0).max(10).optional(),
  })
  .superRefine((config, issues) => {
    if (config.input !== 'choice') return;
    if (!config.choices?.length) {
      issues.addIssue({ code: 'custom', path: ['choices'], message: 'a choice question needs at least one choice' });
      return;
    }
    const seen = new Set<string>();
    config.choices.forEach((choice, index) => {
      if (choice.id === 'invalid') issues.addIssue({ code: 'custom', path: ['choices', index, 'id'], message: '"invalid" is reserved' });
      if (seen.has(choice.id)) issues.addIssue({ code: 'custom', path: ['choices', index, 'id'], message: 'choice ids must be unique' });
      seen.add(choice.id);
    });
  });

export type AskConfig = z.infer<typeof askConfig>;

const invalidPort: PortSpec = { id: 'invalid', label: { de: 'Ungültig', en: 'Invalid' }, kind: 'error' };

export function askPorts(config: AskConfig): PortSpec[] {
  if (config.input === 'choice') {
    const choicePorts = (config.choices ?? []).map((choice) => {
      const label = typeof choice.label === 'string' ? choice.label : (choice.label.de ?? Object.values(choice.label)[0] ?? choice.id);
      const en = typeof choice.label === 'string' ? choice.label : (choice.label.en ?? label);
      return { id: choice.id, label: { de: label, en } };
    });
    return [...choicePorts, invalidPort];
  }
  if (config.input === 'file' && config.files?.optional) {
    return [{ id: 'next', label: { de: 'Weiter', en: 'Next' } }, { id: 'skip', label: { de: 'Übersprungen', en: 'Skipped' } }, invalidPort];
  }
  if (config.input === 'yesno') {
    return [{ id: 'yes', label: { de: 'Ja', en: 'Yes' } }, { id: 'no', label: { de: 'Nein', en: 'No' } }, invalidPort];
  }
  return [{ id: 'next', label: { de: 'Weiter', en: 'Next' } }, invalidPort];
}

export const askNode = defineNode({
  type: 'ask',
  version: 1,
  category: 'input',
  icon: 'circle-help',
  label: { de: 'Frage', en: 'Question' },
  description: {
    de: 'Stellt eine Frage, prüft die Antwort (Text, E-Mail, Telefon, Zahl, Datum, Auswahl, Ja/Nein, Foto/Datei) und speichert sie.',
    en: 'Asks a question, checks the answer (text, email, phone, number, date, choice, yes/no, photo/file) and stores it.',
  },
  config: askConfig,
  ports: askPorts,
  waitsForInput: true,
  variables: (config) => [config.variable],
  summary: (config, locale) => resolveText(config.text, locale, locale),
});
