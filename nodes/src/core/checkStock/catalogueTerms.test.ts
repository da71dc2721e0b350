import { describe, expect, it } from 'vitest';
import { CatalogueTerms } from './catalogueTerms.js';

describe('CatalogueTerms', () => {
  const terms = new CatalogueTerms();
  const ids = Object.fromEntries(['schrauben', 'akkuschrauber', 'stueck', 'goldstueck', '18v', 'lager', 'bosch'].map((word) => [word, terms.add(word)]));
  const found = (query: string) => terms.match(query).map((match) => terms.word(match.term)).sort();

  it('numbers each word once', () => {
    expect(terms.add('bosch')).toBe(ids.bosch);
    expect(terms.size).toBe(7);
  });

  it('matches typos, inflections and compound parts, from the cache the second time', () => {
    expect(found('bosh')).toEqual(['bosch']);
    expect(found('schraube')).toContain('schrauben');
    expect(found('schrauber')).toContain('akkuschrauber');
    expect(terms.match('bosh')).toBe(terms.match('bosh'));
  });

  it('matches numbers, units and fillers only exactly, and never as parts of other words', () => {
    expect(found('18v')).toEqual(['18v']);
    expect(found('12v')).toEqual([]);
    expect(found('stueck')).toEqual(['stueck']);
    expect(found('goldstueck')).toEqual(['goldstueck']);
    expect(found('lager')).toEqual(['lager']);
    expect(found('auf')).toEqual([]);
  });
});
