import { describe, expect, it } from 'vitest';
import { fieldLabel, localizedPart, readableName } from './localizedTitle.js';

describe('localizedPart', () => {
  it('picks the German or English half of "Deutsch / English"', () => {
    expect(localizedPart('Dauer (Minuten) / Duration (minutes)', 'de')).toBe('Dauer (Minuten)');
    expect(localizedPart('Dauer (Minuten) / Duration (minutes)', 'en')).toBe('Duration (minutes)');
  });

  it('keeps texts that are the same in both languages', () => {
    expect(localizedPart('URL', 'de')).toBe('URL');
    expect(localizedPart('Variable für „wieder da ab“ / Variable for "back from"', 'en')).toBe('Variable for "back from"');
  });

  it('does not split slashes without spaces or texts with several separators', () => {
    expect(localizedPart('Ja/Nein', 'en')).toBe('Ja/Nein');
    expect(localizedPart('a / b / c', 'de')).toBe('a / b / c');
  });

  it('returns undefined for missing or blank texts', () => {
    expect(localizedPart(undefined, 'de')).toBeUndefined();
    expect(localizedPart('  ', 'de')).toBeUndefined();
  });
});

describe('fieldLabel', () => {
  it('falls back to a readable property name', () => {
    expect(fieldLabel(undefined, 'timeoutMs', 'de')).toBe('Timeout ms');
    expect(fieldLabel('Schwelle / Threshold', 'threshold', 'en')).toBe('Threshold');
    expect(readableName('max_retries')).toBe('Max retries');
    expect(fieldLabel(undefined, 0, 'en')).toBe('0');
  });
});
