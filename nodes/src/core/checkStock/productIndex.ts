import type { Product, ProductCandidate } from '../../sdk/services/inventory.js';
import { buildVocabulary, foldText, splitCompound, stemGerman } from '../../understanding/normalizeUtterance.js';
import { skuKey } from './skuKey.js';
import { tokenSimilarity } from './tokenSimilarity.js';

/** Below this a query token and a product word are unrelated. */
const TOKEN_MATCH = 0.6;
/** Only the start of a long message is searched. */
export const MAX_QUERY_CHARS = 200;
/** Candidates scoring lower are not returned at all. */
export const MIN_CANDIDATE_SCORE = 0.3;

/**
 * Words customers wrap around a product ("Haben Sie noch …auf Lager?"). They are ignored unless a product name has
 * exactly that word, so a brewery's "Lager hell" is still found by "Lager".
 */
const fillers = new Set(
  ('haben habt hast hat gibt gibts es noch auf lager vorrat verfuegbar lieferbar da sie ihr du ich wir den dem die das der ein eine ' +
    'einen einem von mit zu im in ist sind welche welcher suche suchen brauche moechte wuerde gerne bitte wie viel viele ' +
    'do does you have any still in stock is are the a an of available how many much please need looking for want').split(' '),
);

interface IndexedProduct {
  product: Product;
  tokens: string[];
  weight: number;
  folded: string;
}

/** Folded words, compounds split into parts the catalogue uses ("akkuschrauber" → akku, schrauber when listed apart). */
function uniqueTokens(text: string, vocabulary: ReadonlySet<string>): string[] {
  const words = foldText(text).split(' ').filter(Boolean);
  return [...new Set(words.flatMap((word) => (vocabulary.has(word) ? null : splitCompound(word, vocabulary)) ?? [word]))];
}

/** Exact or typo-tolerant on the words, or alike once inflection is stripped ("Schrauben" and "Schraube"). */
function similarity(query: string, token: string): number {
  const plain = tokenSimilarity(query, token);
  return plain === 1 ? 1 : Math.max(plain, tokenSimilarity(stemGerman(query), stemGerman(token)));
}

/**
 * Fuzzy product search over names, built once per catalogue state. Scores mix how much of the product's name the
 * query covers (rare words like a brand count more than "Akkuschrauber" shared by many products) with how much of
 * the query's product words this product explains, so "Bosch Akkuschrauber" prefers the Bosch one while
 * "Akkuschrauber" scores all of them alike (the node then asks which one).
 */
export class ProductIndex {
  readonly #products: IndexedProduct[] = [];
  readonly #bySku = new Map<string, Product>();
  readonly #idf = new Map<string, number>();
  readonly #postings = new Map<string, number[]>();
  readonly #vocabulary: ReadonlySet<string>;

  constructor(products: Iterable<Product>) {
    const list = [...products];
    this.#vocabulary = buildVocabulary(list.map((product) => product.name));
    for (const product of list) {
      this.#bySku.set(skuKey(product.sku), product);
      const tokens = uniqueTokens(product.name, this.#vocabulary);
      const position = this.#products.push({ product, tokens, weight: 0, folded: foldText(product.name) }) - 1;
      for (const token of tokens) {
        const posting = this.#postings.get(token) ?? [];
        posting.push(position);
        this.#postings.set(token, posting);
      }
    }
    for (const [token, posting] of this.#postings) this.#idf.set(token, Math.log(1 + this.#products.length / posting.length));
    for (const entry of this.#products) entry.weight = entry.tokens.reduce((sum, token) => sum + this.#idf.get(token)!, 0);
  }

  get size(): number {
    return this.#products.length;
  }

  findBySku(sku: string): Product | undefined {
    const key = skuKey(sku);
    return key ? this.#bySku.get(key) : undefined;
  }

  search(fullText: string, limit = 5): ProductCandidate[] {
    // A product question is short; a 4,000-character message must not cost a similarity check per word and product.
    const text = fullText.slice(0, MAX_QUERY_CHARS);
    const folded = foldText(text);
    if (!folded) return [];
    const scores = new Map<number, number>();
    for (const sku of this.#skusIn(text)) {
      const position = this.#products.findIndex((entry) => entry.product === sku);
      scores.set(position, 1);
    }
    const queryTokens = uniqueTokens(text, this.#vocabulary);
    // Adjacent words joined ("Akku Schrauber") meet a catalogue that writes the compound in one word.
    const joined = queryTokens.slice(1).map((token, index) => queryTokens[index]! + token);
    const matches = new Map<string, Map<string, number>>();
    for (const query of [...queryTokens, ...joined]) {
      const similar = new Map<string, number>();
      for (const token of this.#postings.keys()) {
        if (fillers.has(query) && query !== token) continue;
        const alike = similarity(query, token);
        if (alike >= TOKEN_MATCH) similar.set(token, alike);
      }
      if (similar.size) matches.set(query, similar);
    }
    const relevant = queryTokens.filter((query) => matches.has(query));
    // Per catalogue word: how well the query (any form) meets it; per query word: its weight, the rarest word it meets.
    const tokenBest = new Map<string, number>();
    for (const similar of matches.values()) {
      for (const [token, alike] of similar) if (alike > (tokenBest.get(token) ?? 0)) tokenBest.set(token, alike);
    }
    const queryWeight = relevant.map((query) => Math.max(...[...matches.get(query)!.keys()].map((token) => this.#idf.get(token)!)));
    const relevantWeight = queryWeight.reduce((sum, weight) => sum + weight, 0);
    const candidates = new Set<number>();
    for (const token of tokenBest.keys()) for (const position of this.#postings.get(token)!) candidates.add(position);
    for (const position of candidates) {
      const entry = this.#products[position]!;
      if (entry.folded === folded) {
        scores.set(position, 1);
        continue;
      }
      let covered = 0;
      for (const token of entry.tokens) covered += this.#idf.get(token)! * (tokenBest.get(token) ?? 0);
      let explained = 0;
      relevant.forEach((query, index) => {
        const similar = matches.get(query)!;
        let best = 0;
        for (const token of entry.tokens) best = Math.max(best, similar.get(token) ?? 0);
        explained += queryWeight[index]! * best;
      });
      const cover = entry.weight > 0 ? covered / entry.weight : 0;
      const precision = relevantWeight > 0 ? explained / relevantWeight : 0;
      const score = 0.35 * cover + 0.65 * precision;
      if (score > (scores.get(position) ?? 0)) scores.set(position, score);
    }
    return [...scores]
      .filter(([, score]) => score >= MIN_CANDIDATE_SCORE)
      .sort((a, b) => b[1] - a[1] || this.#products[a[0]]!.product.name.localeCompare(this.#products[b[0]]!.product.name))
      .slice(0, limit)
      .map(([position, score]) => ({ product: this.#products[position]!.product, score: Math.round(score * 1000) / 1000 }));
  }

  /**
   * Products whose SKU the text names, alone or among other words ("Ist BO-GSR 18 da?"). Inside a sentence only SKUs
   * of four or more characters with a digit count, so "3 Stück" or a brand cannot hit SKUs like "3" or "BOSCH".
   */
  #skusIn(text: string): Product[] {
    const words = text.split(/[\s,;:!?()"']+/).map((word) => word.replace(/[.]+$/, '')).filter(Boolean);
    const found = new Set<Product>();
    for (let size = 1; size <= 3; size++) {
      for (let start = 0; start + size <= words.length; start++) {
        const key = skuKey(words.slice(start, start + size).join(''));
        const product = key.length >= 4 && /\d/.test(key) ? this.#bySku.get(key) : undefined;
        if (product) found.add(product);
      }
    }
    const whole = this.findBySku(text);
    if (whole) found.add(whole);
    return [...found];
  }
}
