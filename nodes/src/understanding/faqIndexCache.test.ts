import { describe, expect, it } from 'vitest';
import { createFaqIndexCache } from './faqIndexCache.js';

const entries = [
  { id: 'a', phrasings: ['Öffnungszeiten'] },
  { id: 'b', phrasings: ['Versandkosten'] },
];

describe('faqIndexCache', () => {
  it('builds once per content, whatever array carries it', () => {
    const cache = createFaqIndexCache();
    const first = cache.get(entries);
    expect(cache.get(entries)).toBe(first);
    expect(cache.get(entries.map((e) => ({ ...e, phrasings: [...e.phrasings] })))).toBe(first);
    expect(cache.builds).toBe(1);
    expect(first.match('Öffnungszeiten?').id).toBe('a');
  });

  it('builds again when a phrasing or id changes', () => {
    const cache = createFaqIndexCache();
    cache.get(entries);
    const edited = cache.get([{ id: 'a', phrasings: ['Wann offen?'] }, entries[1]!]);
    expect(cache.builds).toBe(2);
    expect(edited.match('Öffnungszeiten').id).toBeNull();
    cache.get([{ id: 'c', phrasings: ['Öffnungszeiten'] }, entries[1]!]);
    expect(cache.builds).toBe(3);
  });

  it('stays within its limit, dropping the least recently used', () => {
    const cache = createFaqIndexCache(2);
    const make = (word: string) => [{ id: 'x', phrasings: [word] }];
    cache.get(make('eins'));
    cache.get(make('zwei'));
    cache.get(make('eins'));
    cache.get(make('drei'));
    expect(cache.size).toBe(2);
    expect(cache.builds).toBe(3);
    cache.get(make('eins'));
    expect(cache.builds).toBe(3);
    cache.get(make('zwei'));
    expect(cache.builds).toBe(4);
  });
});
