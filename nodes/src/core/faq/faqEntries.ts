import { allPhrases, type Text } from '../../sdk/text.js';
import type { KnowledgeEntry } from '../../sdk/services/knowledge.js';
import type { FaqPhrasings } from '../../understanding/faqRetriever.js';
import type { FaqConfig } from './faq.node.js';

/** An entry the node can answer with; `fromKnowledgeBase` answers still need their templates filled. */
export interface FaqCandidate {
  /** Retrieval key, unique even when an inline entry and a knowledge base entry share an id. */
  key: string;
  id: string;
  answer: Text;
  fromKnowledgeBase: boolean;
}

function textValues(text: Text): string[] {
  return typeof text === 'string' ? [text] : Object.values(text);
}

/** Question and alternatives of every locale: a German customer may type what the English column says, and vice versa. */
export function phrasingsOf(entry: { question: Text; alternatives?: KnowledgeEntry['alternatives'] }): string[] {
  return [...textValues(entry.question), ...allPhrases(entry.alternatives)].filter((p) => p.trim() !== '');
}

const memo = new WeakMap<readonly object[], { candidates: FaqCandidate[]; phrasings: FaqPhrasings[] }>();

/** Memoised per source array (frozen configs, a knowledge base revision), so the index cache hits without hashing. */
function prepare(source: readonly (KnowledgeEntry | NonNullable<FaqConfig['entries']>[number])[], fromKnowledgeBase: boolean) {
  let prepared = memo.get(source);
  if (!prepared) {
    const candidates: FaqCandidate[] = [];
    const phrasings: FaqPhrasings[] = [];
    source.forEach((entry, index) => {
      // Inline entries without an id are numbered; knowledge base entries always carry their stable id.
      const id = entry.id ?? `entry-${index + 1}`;
      const key = `${fromKnowledgeBase ? 'k' : 'i'}${index}`;
      candidates.push({ key, id, answer: entry.answer, fromKnowledgeBase });
      phrasings.push({ id: key, phrasings: phrasingsOf(entry) });
    });
    prepared = { candidates, phrasings };
    memo.set(source, prepared);
  }
  return prepared;
}

const combined = new WeakMap<readonly object[], WeakMap<readonly object[], { candidates: FaqCandidate[]; phrasings: FaqPhrasings[] }>>();

/** Inline entries first, then the knowledge base's; both count when both are given. Memoised per pair of sources. */
export function combineEntries(inline: FaqConfig['entries'], knowledgeBase: readonly KnowledgeEntry[] | undefined) {
  const own = inline?.length ? prepare(inline, false) : undefined;
  const shared = knowledgeBase?.length ? prepare(knowledgeBase, true) : undefined;
  if (!own || !shared) return own ?? shared ?? { candidates: [], phrasings: [] };
  let byBase = combined.get(inline!);
  if (!byBase) combined.set(inline!, (byBase = new WeakMap()));
  let both = byBase.get(knowledgeBase!);
  if (!both) {
    both = { candidates: [...own.candidates, ...shared.candidates], phrasings: [...own.phrasings, ...shared.phrasings] };
    byBase.set(knowledgeBase!, both);
  }
  return both;
}
