import { describe, expect, it } from 'vitest';
import { findNumberWords } from './numberWords.js';

describe('findNumberWords', () => {
  it.each([
    ['null', [0]],
    ['ZWÖLF', [12]],
    ['zwoelf', [12]],
    ['dreißig', [30]],
    ['dreissig', [30]],
    ['neunundneunzig', [99]],
    ['einundzwanzig', [21]],
    ['ninety-nine', [99]],
    ['twenty one', [21]],
    ['hundert', [100]],
    ['zwei oder drei', [2, 3]],
    ['one two', [1, 2]],
    ['twenty twenty', [20, 20]],
    ['eine Person', []],
    ['ein paar', []],
    ['keine', []],
  ])('%s → %j', (text, expected) => {
    expect(findNumberWords(text)).toEqual(expected);
  });
});
