// Trained matchers keyed by the content of their training data: a flow version's intent node trains once,
// not per turn, and equal configs in different flows share one matcher. Bounded so edited drafts cannot pile up.
import { createHash } from 'node:crypto';
import { trainIntentMatcher, type IntentDefinition, type IntentMatcher } from './intentMatcher.js';

export interface MatcherCache {
  /**
   * The matcher for these intents (a list, or a function building it). `source`: an object whose identity stands for
   * the content (a compiled config's intents array), so repeated look-ups skip building and hashing the list.
   */
  get(intents: IntentDefinition[] | (() => IntentDefinition[]), source?: object): IntentMatcher;
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
  const keysBySource = new WeakMap<object, string>();
  let trainings = 0;
  return {
    get(given, source) {
      let intents: IntentDefinition[] | undefined;
      const list = () => (intents ??= typeof given === 'function' ? given() : given);
      let key = source ? keysBySource.get(source) : undefined;
      if (key === undefined) {
        key = intentsKey(list());
        if (source) keysBySource.set(source, key);
      }
      const hit = entries.get(key);
      if (hit) {
        // Re-insert so Map order is least-recently-used first.
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      // Threshold 0: the node applies its own threshold to the confidence, so one matcher serves every threshold.
      const matcher = trainIntentMatcher(list(), { threshold: 0 });
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
