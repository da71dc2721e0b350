import { describe, expect, it } from 'vitest';
import { isSingleLocale, linesOf, listForLocale, listFromLines, localizedKindLocales, shownLocales, textForLocale, withLocaleList, withLocaleText } from './localizedValue.js';

const both = ['de', 'en'];

describe('per-locale text', () => {
  it('is one plain field for a one-locale flow', () => {
    expect(isSingleLocale('Hallo', ['de'])).toBe(true);
    expect(isSingleLocale(undefined, ['de'])).toBe(true);
    expect(withLocaleText('Hallo', 'de', 'Hallo!', ['de'])).toBe('Hallo!');
    expect(withLocaleText('Hallo', 'de', '', ['de'])).toBeUndefined();
  });

  it('keeps per-locale values per locale even in a one-locale flow, so nothing is lost', () => {
    expect(isSingleLocale({ de: 'Hallo', en: 'Hello' }, ['de'])).toBe(false);
    expect(shownLocales({ de: 'Hallo', en: 'Hello' }, ['de'])).toEqual(['de', 'en']);
  });

  it('shows a plain string in the default locale and splits it on the first edit of another locale', () => {
    expect(textForLocale('Hallo', 'de', both)).toBe('Hallo');
    expect(textForLocale('Hallo', 'en', both)).toBe('');
    expect(withLocaleText('Hallo', 'en', 'Hello', both)).toEqual({ de: 'Hallo', en: 'Hello' });
  });

  it('drops empty locales and becomes undefined when all are empty', () => {
    expect(withLocaleText({ de: 'Hallo', en: 'Hello' }, 'en', '', both)).toEqual({ de: 'Hallo' });
    expect(withLocaleText({ de: 'Hallo' }, 'de', '', both)).toBeUndefined();
  });

  it('keeps locales the flow does not declare', () => {
    expect(withLocaleText({ de: 'Hallo', fr: 'Salut' }, 'en', 'Hello', both)).toEqual({ de: 'Hallo', en: 'Hello', fr: 'Salut' });
  });

  it('lists the locales that get their own field', () => {
    expect(localizedKindLocales('x', ['de'])).toEqual([]);
    expect(localizedKindLocales('x', both)).toEqual(both);
  });
});

describe('per-locale phrase lists', () => {
  it('edits one phrase per line', () => {
    expect(linesOf(['a', 'b'])).toBe('a\nb');
    expect(linesOf(undefined)).toBe('');
    expect(listFromLines(' a \n\n b\n')).toEqual(['a', 'b']);
  });

  it('reads and writes per locale', () => {
    expect(listForLocale(['a'], 'de', both)).toEqual(['a']);
    expect(listForLocale(['a'], 'en', both)).toEqual([]);
    expect(withLocaleList(['a'], 'en', ['b'], both)).toEqual({ de: ['a'], en: ['b'] });
    expect(withLocaleList(['a'], 'de', ['c'], ['de'])).toEqual(['c']);
    expect(withLocaleList({ de: ['a'] }, 'de', [], both)).toBeUndefined();
  });
});
