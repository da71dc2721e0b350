import { describe, expect, it } from 'vitest';
import { createMatcherCache, intentsKey } from './matcherCache.js';

const intents = (suffix = '') => [
  { id: 'hours', examples: ['Wann habt ihr offen?', `Öffnungszeiten${suffix}`] },
  { id: 'parking', examples: ['Wo kann ich parken?'] },
];

describe('createMatcherCache', () => {
  it('trains once per training content, whatever the object identity', () => {
    const cache = createMatcherCache();
    const first = cache.get(intents());
    expect(cache.get(structuredClone(intents()))).toBe(first);
    expect(cache.trainings).toBe(1);
    expect(cache.get(intents(' bitte'))).not.toBe(first);
    expect(cache.trainings).toBe(2);
  });

  it('builds and hashes the list only once per source object', () => {
    const cache = createMatcherCache();
    const source = {};
    let built = 0;
    const build = () => {
      built++;
      return intents();
    };
    const first = cache.get(build, source);
    expect(cache.get(build, source)).toBe(first);
    expect(cache.get(build, source)).toBe(first);
    expect(built).toBe(1);
    // Another source with the same content shares the trained matcher.
    expect(cache.get(build, {})).toBe(first);
    expect(built).toBe(2);
    expect(cache.trainings).toBe(1);
  });

  it('keys on ids and examples', () => {
    expect(intentsKey(intents())).toBe(intentsKey(intents()));
    expect(intentsKey(intents())).not.toBe(intentsKey([{ ...intents()[0]!, id: 'other' }, intents()[1]!]));
  });

  it('keeps at most maxEntries matchers, dropping the least recently used', () => {
    const cache = createMatcherCache(2);
    const a = cache.get(intents('a'));
    cache.get(intents('b'));
    expect(cache.get(intents('a'))).toBe(a);
    cache.get(intents('c'));
    expect(cache.size).toBe(2);
    expect(cache.get(intents('a'))).toBe(a);
    cache.get(intents('b'));
    expect(cache.trainings).toBe(4);
  });

  it('trains with threshold 0 so callers apply their own', () => {
    const matcher = createMatcherCache().get(intents());
    expect(matcher.match('Wer hat Amerika entdeckt?').intent).not.toBeNull();
  });
});
