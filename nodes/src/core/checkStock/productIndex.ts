import type { Product, ProductCandidate } from '../../sdk/services/inventory.js';
import { buildVocabulary, foldText } from '../../understanding/normalizeUtterance.js';
import { CatalogueTerms } from './catalogueTerms.js';
import { fillers, isSizeWord, productWords } from './productWords.js';
import { skuKey } from './skuKey.js';
import { TopCandidates } from './topCandidates.js';

/** Only the start of a long message is searched. */
export const MAX_QUERY_CHARS = 200;
/** Candidates scoring lower are not returned at all. */
export const MIN_CANDIDATE_SCORE = 0.3;
/** Once the query's rarer words found this many products, its commoner words only score those, adding none. */
const CANDIDATE_CAP = 2_000;
/** Per size or number the query names that a product lacks ("1 l" asked, "1 kg" listed): another variant. */
const MISSING_SIZE_FACTOR = 0.8;
/** What an unknown size or number in the query ("3 Stück") weighs; an unknown word weighs as much as the rarest. */
const UNKNOWN_SIZE_WEIGHT = 0.5;

const byName = new Intl.Collator('de');

/** A name or query with case, accents, punctuation and spaces gone: "Holzleim 500g" is "Holzleim 500 g". */
const nameKey = (text: string) => foldText(text).replaceAll(' ', '');

interface QueryWord {
  /** catalogue word → how alike, the best over the word alone and joined with a neighbour */
  matches: Map<number, number>;
  weight: number;
  size: boolean;
}

/**
 * Fuzzy product search over names, built once per catalogue state. Scores mix how much of the product's name the
 * query covers (rare words like a brand count more than "Akkuschrauber" shared by many products) with how much of
 * the query this product explains, so "Bosch Akkuschrauber" prefers the Bosch one while "Akkuschrauber" scores all
 * of them alike (the node then asks which one). A query word the catalogue does not know counts against every
 * product, so "Yogamatte lila" does not turn into a list of matt black coffee cups.
 *
 * Only products sharing a real word with the query (not just "1", "l" or "Stück", which thousands of names have)
 * are candidates. The work per search is the length of the matched words' posting lists, in typed arrays.
 */
export class ProductIndex {
  readonly #products: Product[];
  readonly #terms = new CatalogueTerms();
  readonly #vocabulary: ReadonlySet<string>;
  readonly #bySku = new Map<string, number>();
  readonly #byName = new Map<string, number[]>();
  /** per catalogue word */
  readonly #idf: Float64Array;
  readonly #postings: Int32Array[];
  /** per product: its words at `#words[#firstWord[p]]` up to `#firstWord[p + 1]` */
  readonly #firstWord: Int32Array;
  readonly #words: Int32Array;
  /** per product: the sum of its words' idf, and its place when sorted by name (ties between equal scores) */
  readonly #weight: Float64Array;
  readonly #rank: Int32Array;
  /** An unknown query word weighs as much as a word only one product has. */
  readonly #unknownWeight: number;
  // Scratch space per product, reused by every (synchronous) search and cleared for the products it touched.
  readonly #explained: Float64Array;
  readonly #best: Float64Array;
  readonly #bestTerm: Int32Array;
  /** per product word (parallel to `#words`): how well the query meets it */
  readonly #met: Float64Array;
  readonly #candidate: Uint8Array;
  readonly #sizesHad: Uint8Array;
  readonly #touched: Int32Array;

  constructor(products: Iterable<Product>) {
    const list = [...products];
    const count = list.length;
    this.#products = list;
    this.#vocabulary = buildVocabulary(list.map((product) => product.name));
    const postings: number[][] = [];
    const words = list.map((product, position) => {
      this.#bySku.set(skuKey(product.sku), position);
      const key = nameKey(product.name);
      (this.#byName.get(key) ?? this.#byName.set(key, []).get(key)!).push(position);
      const ids = productWords(product.name, this.#vocabulary).map((word) => this.#terms.add(word));
      for (const id of ids) (postings[id] ??= []).push(position);
      return ids;
    });
    this.#postings = postings.map((posting) => Int32Array.from(posting));
    this.#idf = Float64Array.from(this.#postings, (posting) => Math.log(1 + count / posting.length));
    this.#weight = Float64Array.from(words, (ids) => ids.reduce((sum, id) => sum + this.#idf[id]!, 0));
    this.#firstWord = new Int32Array(count + 1);
    words.forEach((ids, position) => (this.#firstWord[position + 1] = this.#firstWord[position]! + ids.length));
    this.#words = Int32Array.from(words.flat());
    this.#met = new Float64Array(this.#words.length);
    this.#rank = new Int32Array(count);
    const order = list.map((_, position) => position).sort((a, b) => byName.compare(list[a]!.name, list[b]!.name) || a - b);
    order.forEach((position, rank) => (this.#rank[position] = rank));
    this.#unknownWeight = Math.log(1 + Math.max(1, count));
    this.#explained = new Float64Array(count);
    this.#best = new Float64Array(count);
    this.#bestTerm = new Int32Array(count);
    this.#candidate = new Uint8Array(count);
    this.#sizesHad = new Uint8Array(count);
    this.#touched = new Int32Array(count);
  }

  get size(): number {
    return this.#products.length;
  }

  findBySku(sku: string): Product | undefined {
    const key = skuKey(sku);
    const position = key ? this.#bySku.get(key) : undefined;
    return position === undefined ? undefined : this.#products[position];
  }

  /**
   * Best first, at most `limit`. A query that is a product's full name (case, accents and spacing aside) returns only
   * that product (or the products of that name): "… 500 g" must not be offered next to "… 1 kg".
   */
  search(fullText: string, limit = 5): ProductCandidate[] {
    // A product question is short; a 4,000-character message must not cost a lookup per word.
    const text = fullText.slice(0, MAX_QUERY_CHARS);
    const folded = foldText(text);
    if (!folded || limit <= 0) return [];
    const top = new TopCandidates(limit);
    const named = this.#byName.get(folded.replaceAll(' ', ''));
    if (named) {
      for (const position of named) top.add(position, 1, this.#rank[position]!);
      return this.#result(top);
    }
    const bySku = this.#skusIn(text);
    for (const position of bySku) top.add(position, 1, this.#rank[position]!);
    const query = this.#analyse(productWords(text, this.#vocabulary));
    const touched = this.#collect(query);
    const totalWeight = query.reduce((sum, word) => sum + word.weight, 0);
    const sizesAsked = query.filter((word) => word.size && word.matches.size > 0).length;
    for (let index = 0; index < touched; index++) {
      const position = this.#touched[index]!;
      if (bySku.has(position)) continue;
      const weight = this.#weight[position]!;
      const cover = weight > 0 ? this.#coveredOf(position) / weight : 0;
      const precision = totalWeight > 0 ? this.#explained[position]! / totalWeight : 0;
      const score = (0.35 * cover + 0.65 * precision) * MISSING_SIZE_FACTOR ** (sizesAsked - this.#sizesHad[position]!);
      if (score >= MIN_CANDIDATE_SCORE) top.add(position, score, this.#rank[position]!);
    }
    this.#clear(touched);
    return this.#result(top);
  }

  /** Per query word the catalogue words it means and its weight (the rarest word it meets); fillers that meet none drop out. */
  #analyse(words: string[]): QueryWord[] {
    const own = words.map((word) => new Map(this.#terms.match(word).map((match) => [match.term, match.similarity])));
    const matched = own.map((matches) => new Map(matches));
    // Adjacent words joined ("Akku Schrauber") meet a catalogue that writes the compound in one word.
    for (let index = 0; index + 1 < words.length; index++) {
      const [left, right] = [words[index]!, words[index + 1]!];
      if (fillers.has(left) || fillers.has(right) || isSizeWord(left) || isSizeWord(right)) continue;
      const [alone, next] = [own[index]!, own[index + 1]!];
      for (const { term, similarity } of this.#terms.match(left + right)) {
        // Only when it takes both words: "Bosch Akkuschrauber" must not explain "Bosch" by "Akkuschrauber".
        if (similarity <= Math.max(alone.get(term) ?? 0, next.get(term) ?? 0)) continue;
        for (const side of [index, index + 1]) if (similarity > (matched[side]!.get(term) ?? 0)) matched[side]!.set(term, similarity);
      }
    }
    const query: QueryWord[] = [];
    words.forEach((word, index) => {
      const matches = matched[index]!;
      const size = isSizeWord(word);
      if (matches.size === 0 && fillers.has(word)) return;
      let weight = matches.size ? 0 : size ? UNKNOWN_SIZE_WEIGHT : this.#unknownWeight;
      for (const term of matches.keys()) weight = Math.max(weight, this.#idf[term]!);
      query.push({ matches, weight, size });
    });
    return query;
  }

  /**
   * Adds up, per product, how well it explains the query (`explained`), how well the query meets each word of its
   * name (`met`) and how many of the query's sizes it has. Products become candidates through real words, rarest
   * first, until the cap; sizes and the commoner words then only score those. Returns how many products it touched.
   */
  #collect(query: QueryWord[]): number {
    const finders = query.filter((word) => !word.size && word.matches.size > 0).sort((a, b) => b.weight - a.weight);
    const sizes = query.filter((word) => word.size && word.matches.size > 0);
    let touched = 0;
    for (const word of [...finders, ...sizes]) {
      const adds = !word.size && touched < CANDIDATE_CAP;
      for (const [term, similarity] of word.matches) {
        for (const position of this.#postings[term]!) {
          if (!this.#candidate[position]) {
            if (!adds) continue;
            this.#candidate[position] = 1;
            this.#touched[touched++] = position;
          }
          if (similarity > this.#best[position]!) {
            this.#best[position] = similarity;
            this.#bestTerm[position] = term;
          }
        }
      }
      // The word counts once per product, by the one word of the name it meets best: "schwarz" meets "schwarz" in
      // "Schwarztee … schwarz", and does not also cover "Schwarztee".
      for (const term of word.matches.keys()) {
        for (const position of this.#postings[term]!) {
          const best = this.#best[position]!;
          if (best === 0) continue;
          this.#explained[position] = this.#explained[position]! + word.weight * best;
          if (word.size) this.#sizesHad[position] = this.#sizesHad[position]! + 1;
          const slot = this.#slotOf(position, this.#bestTerm[position]!);
          if (best > this.#met[slot]!) this.#met[slot] = best;
          this.#best[position] = 0;
        }
      }
    }
    return touched;
  }

  #slotOf(position: number, term: number): number {
    let slot = this.#firstWord[position]!;
    while (this.#words[slot] !== term) slot++;
    return slot;
  }

  /** The idf of the product's words, each as well as the query meets it. */
  #coveredOf(position: number): number {
    let covered = 0;
    for (let slot = this.#firstWord[position]!, end = this.#firstWord[position + 1]!; slot < end; slot++) {
      covered += this.#idf[this.#words[slot]!]! * this.#met[slot]!;
    }
    return covered;
  }

  #clear(touched: number): void {
    for (let index = 0; index < touched; index++) {
      const position = this.#touched[index]!;
      this.#explained[position] = 0;
      this.#met.fill(0, this.#firstWord[position]!, this.#firstWord[position + 1]!);
      this.#candidate[position] = 0;
      this.#sizesHad[position] = 0;
    }
  }

  #result(top: TopCandidates): ProductCandidate[] {
    return top.items.map(({ position, score }) => ({ product: this.#products[position]!, score: Math.round(score * 1000) / 1000 }));
  }

  /**
   * Products whose SKU the text names, alone or among other words ("Ist BO-GSR 18 da?"). Inside a sentence only SKUs
   * of four or more characters with a digit count, so "3 Stück" or a brand cannot hit SKUs like "3" or "BOSCH".
   */
  #skusIn(text: string): Set<number> {
    const words = text.split(/[\s,;:!?()"']+/).map((word) => word.replace(/[.]+$/, '')).filter(Boolean);
    const found = new Set<number>();
    for (let size = 1; size <= 3; size++) {
      for (let start = 0; start + size <= words.length; start++) {
        const key = skuKey(words.slice(start, start + size).join(''));
        const position = key.length >= 4 && /\d/.test(key) ? this.#bySku.get(key) : undefined;
        if (position !== undefined) found.add(position);
      }
    }
    const whole = skuKey(text);
    const position = whole ? this.#bySku.get(whole) : undefined;
    if (position !== undefined) found.add(position);
    return found;
  }
}
