const FOLDS: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/**
 * Canonical form for comparing free-text answers with known words and labels.
 * Umlauts are spelled out (ä → ae) because customers on keyboards without
 * them type "Zuerich" for "Zürich"; other accents (é, à in Swiss French names)
 * are dropped. Apostrophes vanish so "don't" stays one word; other punctuation
 * becomes a space so "E-Mail" and "e mail" tokenise alike. Symbols such as emoji
 * survive because 👍 is a meaningful answer.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC') // macOS may send decomposed umlauts (u + U+0308)
    .toLowerCase()
    .replace(/[äöüß]/g, (ch) => FOLDS[ch] ?? ch)
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/['’‘`´]/g, '')
    .replace(/\p{P}/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Normalised and without spaces, so "E-Mail", "e mail" and "email" compare equal. */
export function compactText(text: string): string {
  return normalizeText(text).replace(/ /g, '');
}
