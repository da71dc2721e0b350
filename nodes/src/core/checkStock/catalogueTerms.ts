import { stemGerman } from '../../understanding/normalizeUtterance.js';
import { fillers, isSizeWord } from './productWords.js';
import { tokenSimilarity } from './tokenSimilarity.js';

/** Below this a query word and a catalogue word are unrelated. */
export const TOKEN_MATCH = 0.6;
/** Query words remembered with their matches; a shop's questions repeat the same few hundred words. */
const CACHE_SIZE = 4_096;

export interface TermMatch {
  term: number;
  similarity: number;
}

/**
 * The distinct words of a catalogue, numbered, with their stems worked out once when the index is built. Finds the
 * catalogue words a query word means: exactly, with typos, or alike once inflection is stripped ("Schrauben" and
 * "Schraube"); words with digits and fillers only exactly.
 */
export class CatalogueTerms {
  readonly #ids = new Map<string, number>();
  readonly #words: string[] = [];
  readonly #stems: string[] = [];
  readonly #byStem = new Map<string, number[]>();
  readonly #fuzzy: number[] = [];
  readonly #cache = new Map<string, TermMatch[]>();

  /** The word's number, added if new. */
  add(word: string): number {
    let id = this.#ids.get(word);
    if (id !== undefined) return id;
    id = this.#words.push(word) - 1;
    this.#ids.set(word, id);
    const stem = stemGerman(word);
    this.#stems.push(stem);
    (this.#byStem.get(stem) ?? this.#byStem.set(stem, []).get(stem)!).push(id);
    // Units are no typos or compound parts of real words: "Goldstück" is not a size in "Stück".
    if (!/\d/.test(word) && !isSizeWord(word)) this.#fuzzy.push(id);
    return id;
  }

  get size(): number {
    return this.#words.length;
  }

  word(id: number): string {
    return this.#words[id]!;
  }

  /** Catalogue words at least TOKEN_MATCH alike to `query`, each once. */
  match(query: string): readonly TermMatch[] {
    const cached = this.#cache.get(query);
    if (cached) return cached;
    const found = this.#compute(query);
    if (this.#cache.size >= CACHE_SIZE) this.#cache.clear();
    this.#cache.set(query, found);
    return found;
  }

  #compute(query: string): TermMatch[] {
    const exact = this.#ids.get(query);
    // Digits must match exactly ("18" is not "12"), and a filler means nothing unless a name has that very word.
    if (fillers.has(query) || isSizeWord(query) || /\d/.test(query)) return exact === undefined ? [] : [{ term: exact, similarity: 1 }];
    const stem = stemGerman(query);
    // Short words allow no typos and are no compound parts: only the word itself or a word with the same stem.
    if (query.length < 4) {
      const ids = new Set(this.#byStem.get(stem) ?? []);
      if (exact !== undefined) ids.add(exact);
      return [...ids].map((term) => ({ term, similarity: term === exact ? 1 : tokenSimilarity(stem, this.#stems[term]!) }))
        .filter((match) => match.similarity >= TOKEN_MATCH);
    }
    const found: TermMatch[] = [];
    for (const term of this.#fuzzy) {
      const word = this.#words[term]!;
      let alike = word === query ? 1 : tokenSimilarity(query, word);
      if (alike < 1) alike = Math.max(alike, tokenSimilarity(stem, this.#stems[term]!));
      if (alike >= TOKEN_MATCH) found.push({ term, similarity: alike });
    }
    return found;
  }
}
