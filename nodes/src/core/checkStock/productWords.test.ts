import { describe, expect, it } from 'vitest';
import { isSizeWord, productWords } from './productWords.js';

describe('productWords', () => {
  const vocabulary = new Set(['akku', 'schrauber', 'holzleim']);

  it('folds, keeps each word once in order, splits glued units and known compounds', () => {
    expect(productWords('Holzleim 500g, Holzleim 0,3l', vocabulary)).toEqual(['holzleim', '500', 'g', '0', '3', 'l']);
    expect(productWords('Akkuschrauber GSR 18V', vocabulary)).toEqual(['akku', 'schrauber', 'gsr', '18v']);
  });

  it('tells sizes, units and counts from real words', () => {
    expect(['500', 'kg', 'l', 'stueck'].every(isSizeWord)).toBe(true);
    expect(['18v', 'lila', 'goldstueck', 'set'].some(isSizeWord)).toBe(false);
  });
});
