import { describe, expect, it } from 'vitest';
import { isUiLanguage, pickUiLanguage } from './uiLanguage.js';

describe('pickUiLanguage', () => {
  it.each([
    [['de'], 'de'],
    [['de-CH', 'en'], 'de'],
    [['DE-at'], 'de'],
    [['en-US', 'de'], 'en'],
    [['fr-CH', 'de-CH'], 'en'],
    [['dev'], 'en'],
    [[], 'en'],
  ] as const)('browser %j gives %s', (languages, expected) => {
    expect(pickUiLanguage(null, languages)).toBe(expected);
  });

  it('prefers the stored choice', () => {
    expect(pickUiLanguage('en', ['de-DE'])).toBe('en');
    expect(pickUiLanguage('de', ['en-US'])).toBe('de');
  });

  it('ignores a stored value that is no UI language', () => {
    expect(pickUiLanguage('fr', ['de-DE'])).toBe('de');
    expect(isUiLanguage('fr')).toBe(false);
  });
});
