import { describe, expect, it } from 'vitest';
import { coffeeCatalogue } from './coffeeCatalogue.js';
import { findProduct } from './findProduct.js';
import { memoryInventory } from './memoryInventory.js';
import { ProductIndex } from './productIndex.js';

const products = coffeeCatalogue();
const inventory = memoryInventory(products);
const index = new ProductIndex(products);

describe('search quality: names that differ only in size', () => {
  it('takes every product whose full name the customer typed, without asking', async () => {
    const asked: string[] = [];
    for (const product of products) {
      const match = await findProduct(inventory, product.name);
      if (match.kind !== 'found' || match.product.sku !== product.sku) asked.push(product.name);
    }
    expect(asked).toEqual([]);
  });

  it('returns only the named product, also in other case and spacing', () => {
    expect(index.search('Espressobohnen Mühlbach mild 1 kg').map((candidate) => candidate.product.name)).toEqual(['Espressobohnen Mühlbach mild 1 kg']);
    expect(index.search('espressobohnen muehlbach MILD 1kg')).toEqual([{ product: expect.objectContaining({ name: 'Espressobohnen Mühlbach mild 1 kg' }), score: 1 }]);
  });

  it('prefers the size the query names, inside a sentence or with a typo', async () => {
    for (const [query, name] of [
      ['Haben Sie Espressobohnen Mühlbach mild 1 l noch da?', 'Espressobohnen Mühlbach mild 1 l'],
      ['esrpessobohnen mühlbach mild 1 l', 'Espressobohnen Mühlbach mild 1 l'],
      ['thermsokanne lindenhof keramik 0,3 l', 'Thermoskanne Lindenhof Keramik 0,3 l'],
      ['Kaffeemühle Goldstück matt 500g', 'Kaffeemühle Goldstück matt 500 g'],
    ] as const) {
      const match = await findProduct(inventory, query);
      expect(match.kind === 'found' && match.product.name, query).toBe(name);
    }
  });

  it('still asks which size when the query names none', async () => {
    const match = await findProduct(inventory, 'Espressobohnen Mühlbach mild');
    expect(match.kind).toBe('ambiguous');
    const names = match.kind === 'ambiguous' ? match.candidates.map((product) => product.name) : [];
    expect(names.every((name) => name.startsWith('Espressobohnen Mühlbach mild '))).toBe(true);
  });
});

describe('search quality: things the shop does not sell', () => {
  it('finds nothing to suggest, even when a word of the query is part of a name or an attribute', async () => {
    for (const query of ['Yogamatte lila', 'Druckerpatrone schwarz', 'Fahrradschlauch 28 Zoll', 'Gartenschlauch 1 l', 'Winterreifen 205/55 R16']) {
      expect(await findProduct(inventory, query), query).toEqual({ kind: 'none' });
    }
  });

  it('never makes a product a candidate through sizes, units or numbers alone', () => {
    expect(index.search('1 l')).toEqual([]);
    expect(index.search('6 Stück 500 g')).toEqual([]);
  });

  it('does not read the unit "Stück" into "Goldstück"', () => {
    const names = index.search('Schwarztee Goldstück', 100).map((candidate) => candidate.product.name);
    expect(names.slice(0, 24).every((name) => name.startsWith('Schwarztee Goldstück '))).toBe(true);
    expect(names.filter((name) => !name.includes('Schwarztee') && !name.includes('Goldstück'))).toEqual([]);
  });
});
