import { normalizeText } from './normalizeText.js';

// Keys are in normalizeText form (ü → ue, ß → ss). The articles "ein"/"eine"
// are deliberately missing: "ein paar" means "a few", not 1.
const WORDS: Record<string, number> = {
  null: 0, eins: 1, zwei: 2, zwo: 2, drei: 3, vier: 4, fuenf: 5, sechs: 6,
  sieben: 7, acht: 8, neun: 9, zehn: 10, elf: 11, zwoelf: 12, dreizehn: 13,
  vierzehn: 14, fuenfzehn: 15, sechzehn: 16, siebzehn: 17, achtzehn: 18,
  neunzehn: 19, zwanzig: 20, dreissig: 30, vierzig: 40, fuenfzig: 50,
  sechzig: 60, siebzig: 70, achtzig: 80, neunzig: 90, hundert: 100,
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7,
  eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12, thirteen: 13,
  fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60,
  seventy: 70, eighty: 80, ninety: 90, hundred: 100,
};

const DE_UNITS = 'ein|zwei|drei|vier|fuenf|sechs|sieben|acht|neun';
const DE_TENS = 'zwanzig|dreissig|vierzig|fuenfzig|sechzig|siebzig|achtzig|neunzig';
// German writes 21 as one word, units first: "einundzwanzig".
const DE_COMPOUND = new RegExp(`^(${DE_UNITS})und(${DE_TENS})$`);

function wordValue(word: string): number | undefined {
  const compound = DE_COMPOUND.exec(word);
  if (compound) return (WORDS[compound[1] === 'ein' ? 'eins' : compound[1]!] ?? 0) + (WORDS[compound[2]!] ?? 0);
  return WORDS[word];
}

/**
 * Finds spelled-out numbers (0–99 in German and English). Returns every number
 * found so the caller can reject answers that mention more than one.
 */
export function findNumberWords(text: string): number[] {
  const found: number[] = [];
  let previous: number | undefined;
  for (const word of normalizeText(text).split(' ')) {
    const value = wordValue(word);
    // English puts units after tens ("twenty-one" → "twenty one"): merge them.
    if (value !== undefined && value < 10 && previous !== undefined && previous >= 20 && previous < 100 && previous % 10 === 0) {
      found[found.length - 1] = previous + value;
      previous = undefined;
      continue;
    }
    if (value !== undefined) found.push(value);
    previous = value;
  }
  return found;
}
