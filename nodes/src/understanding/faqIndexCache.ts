// The FAQ index is built once per distinct set of phrasings (a published flow version's inline entries, a knowledge
// base revision) and shared by every conversation. Keyed by content hash so an edited knowledge base or a new flow
// version gets a fresh index while unchanged ones never rebuild; bounded so old revisions fall out.
import { createHash } from 'node:crypto';
import { buildFaqRetriever, type FaqPhrasings, type FaqRetriever } from './faqRetriever.js';

export interface FaqIndexCache {
  get(entries: readonly FaqPhrasings[]): FaqRetriever;
  /** How many indexes were built so far (tests and diagnostics). */
  readonly builds: number;
  readonly size: number;
}

export function createFaqIndexCache(limit = 64): FaqIndexCache {
  const byHash = new Map<string, FaqRetriever>();
  // The same array object (a frozen flow config, a cached knowledge base) skips even the hashing.
  const byArray = new WeakMap<readonly FaqPhrasings[], FaqRetriever>();
  let builds = 0;
  return {
    get(entries) {
      const known = byArray.get(entries);
      if (known) return known;
      const hash = createHash('sha256').update(JSON.stringify(entries.map((e) => [e.id, e.phrasings]))).digest('base64');
      let retriever = byHash.get(hash);
      if (retriever) {
        byHash.delete(hash);
      } else {
        retriever = buildFaqRetriever(entries.map((e) => ({ id: e.id, phrasings: [...e.phrasings] })));
        builds++;
      }
      byHash.set(hash, retriever); // re-insert: Map order is the LRU order
      while (byHash.size > limit) byHash.delete(byHash.keys().next().value!);
      byArray.set(entries, retriever);
      return retriever;
    },
    get builds() {
      return builds;
    },
    get size() {
      return byHash.size;
    },
  };
}

/** The process-wide cache the faq node uses. */
export const faqIndexCache = createFaqIndexCache();
