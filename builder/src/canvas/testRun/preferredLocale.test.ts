import { describe, expect, it } from 'vitest';
import { preferredLocale } from './preferredLocale.js';

describe('preferredLocale', () => {
  it('takes the locale of the UI language, also a regional one', () => {
    expect(preferredLocale(['de', 'en'], 'en')).toBe('en');
    expect(preferredLocale(['de-CH', 'fr-CH'], 'de')).toBe('de-CH');
  });

  it('falls back to the flow’s first locale', () => {
    expect(preferredLocale(['fr', 'it'], 'de')).toBe('fr');
  });
});
