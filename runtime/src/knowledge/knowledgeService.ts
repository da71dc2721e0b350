import type { KnowledgeEntry, KnowledgeService } from '@dialogwerk/nodes';
import type { KnowledgeRepository } from './knowledgeRepository.js';

export interface CachedKnowledgeService extends KnowledgeService {
  /** Drops the cached entries of a base after a write through the admin API. */
  invalidate(knowledgeBaseId: string): void;
}

/**
 * `entries()` runs in every faq turn, so it answers from memory: one load per knowledge base revision, dropped when
 * the admin routes write. The returned array is frozen and stays the same object until the next write, which lets the
 * faq node's index cache hit without even hashing. Missing bases are not cached (they may be created any moment).
 */
export function createKnowledgeService(repository: KnowledgeRepository, limit = 256): CachedKnowledgeService {
  const cache = new Map<string, { revision: number; entries: readonly KnowledgeEntry[] }>();
  const loading = new Map<string, Promise<readonly KnowledgeEntry[] | undefined>>();
  let generation = 0;

  const load = async (id: string) => {
    const started = generation;
    const base = await repository.get(id);
    if (!base) return undefined;
    const entries = Object.freeze(base.entries.map((entry) => Object.freeze(entry)));
    // A write that happened while loading makes this result stale: serve it once, cache it not.
    if (started === generation) {
      cache.set(id, { revision: base.revision, entries });
      while (cache.size > limit) cache.delete(cache.keys().next().value!);
    }
    return entries;
  };

  return {
    async entries(id) {
      const cached = cache.get(id);
      if (cached) return cached.entries;
      let pending = loading.get(id);
      if (!pending) {
        pending = load(id).finally(() => loading.delete(id));
        loading.set(id, pending);
      }
      return pending;
    },
    invalidate(id) {
      generation++;
      cache.delete(id);
      loading.delete(id);
    },
  };
}
