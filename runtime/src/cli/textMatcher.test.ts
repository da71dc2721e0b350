import { describe, expect, it } from 'vitest';
import { compileMatcher } from './textMatcher.js';

describe('compileMatcher', () => {
  it('matches exactly by default, so a changed wording is noticed', () => {
    expect(compileMatcher('Worum geht es?').test('Worum geht es?')).toBe(true);
    expect(compileMatcher('Worum geht es?').test('Worum geht es? ')).toBe(false);
    expect(compileMatcher('Worum').test('Worum geht es?')).toBe(false);
  });

  it('treats * as any text, across lines, with \\* for a literal star', () => {
    expect(compileMatcher('Grüezi*').test('Grüezi und willkommen\nbei uns')).toBe(true);
    expect(compileMatcher('*(z. B.*').test('Ab wann? (z. B. „Montag“)')).toBe(true);
    expect(compileMatcher('5 \\* 5').test('5 * 5')).toBe(true);
    expect(compileMatcher('a\\*b*').test('a*bc')).toBe(true);
    expect(compileMatcher('a\\*b*').test('axbc')).toBe(false);
  });

  it('reads /regex/flags and ignores the stateful g flag', () => {
    const matcher = compileMatcher('/räume/gi');
    expect(matcher.test('Wie viele Räume?')).toBe(true);
    expect(matcher.test('Wie viele Räume?')).toBe(true);
    expect(() => compileMatcher('/([/')).toThrow(SyntaxError);
  });
});
