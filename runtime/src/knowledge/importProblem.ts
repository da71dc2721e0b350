import type { Localized } from '@dialogwerk/nodes';
import { knowledgeEntryBody, type KnowledgeEntryBody } from './knowledgeSchemas.js';

/** One thing wrong in an imported file, with the line staff should look at. */
export interface ImportProblem {
  line: number;
  column?: string;
  code: string;
  message: Localized;
}

export type ImportResult = { ok: true; entries: KnowledgeEntryBody[] } | { ok: false; problems: ImportProblem[] };

const issueTexts: Record<string, Localized> = {
  'must not be empty': { de: 'darf nicht leer sein', en: 'must not be empty' },
  'lowercase letters, digits, "_" and "-", at most 64': {
    de: 'nur Kleinbuchstaben, Ziffern, „_“ und „-“, höchstens 64 Zeichen',
    en: 'lowercase letters, digits, "_" and "-", at most 64',
  },
};

/** Checks a parsed entry with the API's own schema, so an import accepts exactly what PUT would. */
export function checkEntry(entry: unknown, line: number, problems: ImportProblem[]): KnowledgeEntryBody | undefined {
  const parsed = knowledgeEntryBody.safeParse(entry);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    const field = issue.path.join('.');
    const known = issueTexts[issue.message];
    const limit = /^at most (\d+) characters$/.exec(issue.message);
    const text: Localized = known ?? (limit ? { de: `höchstens ${limit[1]} Zeichen`, en: issue.message } : { de: issue.message, en: issue.message });
    problems.push({
      line,
      column: field || undefined,
      code: 'ENTRY_INVALID',
      message: { de: `${field ? `${field}: ` : ''}${text.de}`, en: `${field ? `${field}: ` : ''}${text.en}` },
    });
  }
  return undefined;
}

/** Two entries of one file with the same id would silently overwrite each other. */
export function checkDuplicateIds(entries: { entry: KnowledgeEntryBody; line: number }[], problems: ImportProblem[]): void {
  const first = new Map<string, number>();
  for (const { entry, line } of entries) {
    if (!entry.id) continue;
    const earlier = first.get(entry.id);
    if (earlier !== undefined) {
      problems.push({
        line,
        column: 'id',
        code: 'DUPLICATE_ID',
        message: { de: `Die ID „${entry.id}“ kommt schon in Zeile ${earlier} vor.`, en: `The id "${entry.id}" already appears on line ${earlier}.` },
      });
    } else first.set(entry.id, line);
  }
}
