import type { KnowledgeEntryBody, StoredEntry } from './knowledgeSchemas.js';

/** A readable id from a question: folded to ASCII, words joined by "-", at most 48 characters. */
export function slugOf(question: string): string {
  const slug = question
    .toLowerCase()
    .replace(/ä/g, 'ae').replace(/ö/g, 'oe').replace(/ü/g, 'ue').replace(/ß/g, 'ss')
    .normalize('NFKD').replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  return slug || 'entry';
}

function firstText(text: KnowledgeEntryBody['question']): string {
  return typeof text === 'string' ? text : (Object.values(text)[0] ?? '');
}

/**
 * Gives entries without an id one derived from their question, so re-importing the same file finds the same entries
 * (merge updates instead of duplicating). Collisions get "-2", "-3"; `taken` holds ids already in use.
 */
export function assignIds(entries: KnowledgeEntryBody[], taken: Iterable<string> = []): StoredEntry[] {
  const used = new Set(taken);
  for (const entry of entries) if (entry.id) used.add(entry.id);
  return entries.map((entry) => {
    if (entry.id) return { ...entry, id: entry.id };
    const base = slugOf(firstText(entry.question));
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
    used.add(id);
    return { ...entry, id };
  });
}
