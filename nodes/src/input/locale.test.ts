import { describe, expect, it } from 'vitest';
import { intlLocale, splitLocale } from './locale.js';

describe('splitLocale', () => {
  it.each([
    ['de', { language: 'de' }],
    ['de-CH', { language: 'de', region: 'CH' }],
    ['de_at', { language: 'de', region: 'AT' }],
    ['EN-gb', { language: 'en', region: 'GB' }],
    ['zh-Hant-TW', { language: 'zh', region: 'TW' }],
    ['es-419', { language: 'es', region: '419' }],
    ['', { language: '' }],
  ])('%s', (locale, expected) => {
    expect(splitLocale(locale)).toEqual(expected);
  });
});

describe('intlLocale', () => {
  it('canonicalises tags and survives malformed ones', () => {
    expect(intlLocale('de_CH')).toBe('de-CH');
    expect(intlLocale('en-gb')).toBe('en-GB');
    expect(intlLocale('not a locale!')).toBe('de');
    expect(intlLocale('')).toBe('de');
  });
});
