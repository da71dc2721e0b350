import { describe, expect, it } from 'vitest';
import { buildCompoundIndex } from './faqCompounds.js';
import { stemGerman } from './normalizeUtterance.js';

describe('faqCompounds', () => {
  const index = buildCompoundIndex(['lieferkosten', 'oeffnungszeiten', 'versand', 'geschenkgutschein']);

  it('finds a known compound from its halves in either order, across linkers and inflections', () => {
    expect(index.compoundsIn(['kosten', 'der', 'lieferung'])).toEqual([stemGerman('lieferkosten')]);
    expect(index.compoundsIn(['zeiten', 'oeffnung'])).toEqual([stemGerman('oeffnungszeiten')]);
    expect(index.compoundsIn(['gutschein', 'als', 'geschenk'])).toEqual([stemGerman('geschenkgutschein')]);
  });

  it('finds nothing from one half or unrelated words', () => {
    expect(index.compoundsIn(['kosten'])).toEqual([]);
    expect(index.compoundsIn(['versand', 'kosten'])).toEqual([]);
    expect(index.compoundsIn([])).toEqual([]);
  });
});
