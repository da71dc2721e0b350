import { z } from 'zod';
import { localeTag } from '@dialogwerk/nodes';

/** Ids of knowledge bases and entries: URL-safe, like flow ids. */
export const knowledgeIdPattern = /^[a-z0-9][a-z0-9_-]{0,63}$/;
export const knowledgeId = z.string().regex(knowledgeIdPattern, 'lowercase letters, digits, "_" and "-", at most 64');

export const MAX_TEXT_CHARS = 10_000;
export const MAX_PHRASING_CHARS = 1_000;
export const MAX_ALTERNATIVES = 100;
export const MAX_ENTRIES = 5_000;
export const MAX_NAME_CHARS = 200;

const codePoints = (max: number) => z.string().refine((s) => [...s].length <= max, { message: `at most ${max} characters` });
const nonBlank = (max: number) => codePoints(max).refine((s) => s.trim() !== '', { message: 'must not be empty' });

const text = z.union([nonBlank(MAX_TEXT_CHARS), z.record(localeTag, nonBlank(MAX_TEXT_CHARS)).refine((r) => Object.keys(r).length > 0, { message: 'needs at least one locale' })]);
const phrasings = z.array(nonBlank(MAX_PHRASING_CHARS)).max(MAX_ALTERNATIVES);
const alternatives = z.union([phrasings, z.record(localeTag, phrasings)]);

/** An entry as the API reads and writes it. */
export const knowledgeEntryBody = z.object({
  id: knowledgeId.optional(),
  question: text,
  alternatives: alternatives.optional(),
  answer: text,
});
export type KnowledgeEntryBody = z.infer<typeof knowledgeEntryBody>;

/** A stored entry: the id is always known. */
export type StoredEntry = KnowledgeEntryBody & { id: string };

export const knowledgeBaseBody = z
  .object({
    name: nonBlank(MAX_NAME_CHARS),
    entries: z.array(knowledgeEntryBody).max(MAX_ENTRIES).default([]),
  })
  .superRefine((body, issues) => {
    const seen = new Set<string>();
    body.entries.forEach((entry, index) => {
      if (!entry.id) return;
      if (seen.has(entry.id)) issues.addIssue({ code: 'custom', path: ['entries', index, 'id'], message: 'entry ids must be unique' });
      seen.add(entry.id);
    });
  });

export const createKnowledgeBaseBody = z.intersection(z.object({ id: knowledgeId }), knowledgeBaseBody);

export { localeTag };
