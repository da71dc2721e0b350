// Compounds the FAQ uses, findable from their parts: a customer writing "Kosten der Lieferung" should meet the entry
// that says "Lieferkosten" even when no phrasing has "Kosten" or "Lieferung" alone (splitCompound needs known parts,
// which an FAQ rarely has for its own compounds). Every split of every long FAQ word is keyed by its two stemmed
// halves; a question containing both halves, in either order, gets the compound's own token too.
import { stemGerman } from './normalizeUtterance.js';

const LINKERS = ['', 's', 'es', 'n', 'en'];
const MIN_PART = 3;

export interface CompoundIndex {
  /** Stemmed compounds whose two halves both occur among `words` (folded words of a question). */
  compoundsIn(words: readonly string[]): string[];
}

export function buildCompoundIndex(knownWords: Iterable<string>): CompoundIndex {
  const byHalves = new Map<string, string>();
  for (const word of knownWords) {
    if (word.length < 2 * MIN_PART + 1 || /\d/.test(word)) continue;
    for (let i = MIN_PART; i <= word.length - MIN_PART; i++) {
      const tail = stemGerman(word.slice(i));
      for (const linker of LINKERS) {
        const head = word.slice(0, i);
        if (!head.endsWith(linker) || head.length - linker.length < MIN_PART) continue;
        byHalves.set(`${stemGerman(head.slice(0, head.length - linker.length))}|${tail}`, stemGerman(word));
      }
    }
  }
  return {
    compoundsIn(words) {
      const stems = [...new Set(words.filter((w) => w.length >= MIN_PART).map(stemGerman))];
      const found = new Set<string>();
      for (const a of stems) {
        for (const b of stems) {
          if (a === b) continue;
          const compound = byHalves.get(`${a}|${b}`);
          if (compound) found.add(compound);
        }
      }
      return [...found];
    },
  };
}
