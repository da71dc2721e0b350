import { describe, expect, it } from 'vitest';
import { compactText, normalizeText } from './normalizeText.js';

describe('normalizeText', () => {
  it.each([
    ['  Hallo Welt  ', 'hallo welt'],
    ['Grüße aus Österreich', 'gruesse aus oesterreich'],
    ['STRASSE', 'strasse'],
    ['Straße', 'strasse'],
    ['ÄRGER', 'aerger'],
    ['Zu\u0308rich', 'zuerich'], // decomposed ü as sent by some macOS apps
    ['Genève', 'geneve'],
    ['Ja, gerne!!!', 'ja gerne'],
    ['E-Mail', 'e mail'],
    ["don't", 'dont'],
    ['Grüezi   mitenand…', 'grueezi mitenand'],
    ['„Danke“', 'danke'],
    ['ja 👍', 'ja 👍'],
    ['1.000,50', '1 000 50'],
    ['', ''],
  ])('%s → %s', (text, expected) => {
    expect(normalizeText(text)).toBe(expected);
  });
});

describe('compactText', () => {
  it('removes spaces so hyphenated and joined spellings meet', () => {
    expect(compactText('E-Mail')).toBe('email');
    expect(compactText('e mail')).toBe('email');
    expect(compactText(' Grösse  L ')).toBe('groessel');
  });
});
