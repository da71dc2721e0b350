import { describe, expect, it } from 'vitest';
import { ProductIndex } from './productIndex.js';
import { catalogue } from './testCatalogue.js';
import { skuKey } from './skuKey.js';
import { editDistance, tokenSimilarity } from './tokenSimilarity.js';


const index = new ProductIndex(catalogue);
const top = (query: string) => index.search(query).map((candidate) => candidate.product.sku);
const best = (query: string) => index.search(query)[0];

describe('skuKey and token similarity', () => {
  it('ignores case, spaces, dashes and underscores in SKUs', () => {
    expect(skuKey(' bo-gsr 18 ')).toBe('BOGSR18');
    expect(skuKey('BO_GSR–18')).toBe('BOGSR18');
  });

  it('counts typos and transpositions, and stops early', () => {
    expect(editDistance('bosch', 'bosh', 2)).toBe(1);
    expect(editDistance('leim', 'liem', 2)).toBe(1);
    expect(editDistance('akkuschrauber', 'hammer', 2)).toBe(3);
  });

  it('tolerates typos by word length, finds compound parts and keeps numbers exact', () => {
    expect(tokenSimilarity('bosh', 'bosch')).toBeGreaterThan(0.6);
    expect(tokenSimilarity('bos', 'box')).toBe(0);
    expect(tokenSimilarity('schraub', 'akkuschraub')).toBeGreaterThan(0.6);
    expect(tokenSimilarity('18v', '12v')).toBe(0);
    expect(tokenSimilarity('608', '608')).toBe(1);
  });
});

describe('ProductIndex', () => {
  it('finds a product by SKU in any format, alone or inside a sentence', () => {
    expect(index.findBySku('bo gsr18')?.name).toBe('Akkuschrauber Bosch GSR 18V');
    expect(index.findBySku('nothing')).toBeUndefined();
    expect(best('Ist BO-GSR 18 noch da?')).toEqual({ product: catalogue[0], score: 1 });
    expect(best('hl500')?.product.sku).toBe('HL-500');
  });

  it('scores an exact name highest', () => {
    expect(best('holzleim 500 G')).toEqual({ product: catalogue[3], score: 1 });
  });

  it('prefers the product a brand names and scores shared words alike', () => {
    const bosch = index.search('Haben Sie den Bosch Akkuschrauber noch?');
    expect(bosch[0]!.product.sku).toBe('BO-GSR18');
    expect(bosch[0]!.score - (bosch[1]?.score ?? 0)).toBeGreaterThan(0.2);
    const both = index.search('Akkuschrauber');
    expect(both.map((candidate) => candidate.product.sku).slice(0, 2).sort()).toEqual(['BO-GSR18', 'MA-DF333']);
    expect(Math.abs(both[0]!.score - both[1]!.score)).toBeLessThan(0.05);
  });

  it('tolerates typos', () => {
    expect(top('Akuschrauber Bosh')[0]).toBe('BO-GSR18');
    expect(top('Holzliem')[0]).toBe('HL-500');
    expect(top('makitta')[0]).toBe('MA-DF333');
  });

  it('folds umlauts and ß (Swiss spelling meets German)', () => {
    expect(top('Gartenschlauch Groesse 2')[0]).toBe('GS-2');
    expect(top('gartenschlauch grösse 2')[0]).toBe('GS-2');
    expect(top('Wandfarbe weiß')[0]).toBe('WP-10');
  });

  it('matches compounds written apart or partly', () => {
    expect(top('Akku Schrauber von Makita')[0]).toBe('MA-DF333');
    expect(top('Schraubendreher')[0]).toBe('SD-SET6');
    expect(top('Kugellager')[0]).toBe('KL-608');
  });

  it('returns nothing for unrelated questions and filler-only text', () => {
    expect(index.search('Wie teuer ist der Versand nach Österreich?')).toEqual([]);
    expect(index.search('Haben Sie das noch auf Lager?')).toEqual([]);
    expect(index.search('')).toEqual([]);
    expect(index.search('???')).toEqual([]);
  });

  it('keeps model numbers apart', () => {
    expect(top('Makita DF331')).not.toContain('BO-GSR18');
  });
});

describe('ProductIndex: SKUs inside sentences', () => {
  const shop = new ProductIndex([
    { sku: '3', name: 'Geschenkgutschein', available: 1 },
    { sku: 'BOSCH', name: 'Bosch Katalog', available: 1 },
    { sku: 'HL-500', name: 'Holzleim 500 g', available: 40 },
  ]);

  it('ignores short or digit-less SKUs in a sentence but finds them alone', () => {
    expect(shop.search('Ich brauche 3 Stück Holzleim')[0]!.product.sku).toBe('HL-500');
    expect(shop.search('Ich brauche 3 Stück Holzleim').map((candidate) => candidate.product.sku)).not.toContain('3');
    expect(shop.findBySku('3')?.name).toBe('Geschenkgutschein');
    expect(shop.search('hl 500 bitte')[0]).toMatchObject({ product: { sku: 'HL-500' }, score: 1 });
  });
});

describe('ProductIndex: long messages', () => {
  it('searches only the start of a very long message', () => {
    const index = new ProductIndex(catalogue);
    const long = `Holzleim ${'bla '.repeat(1000)} Makita`;
    expect(index.search(long).map((candidate) => candidate.product.sku)).toEqual(['HL-500']);
  });
});
