// Trained matchers keyed by the content of their training data: a flow version's intent node trains once,
// not per turn, and equal configs in different flows share one matcher. Bounded so edited drafts cannot pile up.
import { createHash } from 'node:crypto';
import { trainIntentMatcher, type IntentDefinition, type IntentMatcher } from './intentMatcher.js';

export interface MatcherCache {
  get(intents: IntentDefinition[]): IntentMatcher;
  readonly size: number;
  /** How many matchers were trained (cache misses); for tests and diagnostics. */
  readonly trainings: number;
}

export function intentsKey(intents: IntentDefinition[]): string {
  const canonical = JSON.stringify(intents.map((intent) => [intent.id, intent.examples]));
  return createHash('sha256').update(canonical).digest('base64url');
}

export function createMatcherCache(maxEntries = 64): MatcherCache {
  const entries = new Map<string, IntentMatcher>();
  let trainings = 0;
  return {
    get(intents) {
      const key = intentsKey(intents);
      const hit = entries.get(key);
      if (hit) {
        // Re-insert so Map order is least-recently-used first.
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      // Threshold 0: the node applies its own threshold to the confidence, so one matcher serves every threshold.
      const matcher = trainIntentMatcher(intents, { threshold: 0 });
      trainings++;
      entries.set(key, matcher);
      while (entries.size > maxEntries) entries.delete(entries.keys().next().value!);
      return matcher;
    },
    get size() {
      return entries.size;
    },
    get trainings() {
      return trainings;
    },
  };
}

/** Shared by every intent node in the process. */
export const sharedMatcherCache = createMatcherCache();
