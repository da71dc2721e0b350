// TF-IDF feature space of the intent matcher: stemmed word uni/bigrams plus character 2–5-grams of the folded words
// (typo tolerance; by default also across word boundaries), each block L2-normalised and weighted. Vectors are typed
// arrays: training allocates little garbage.
import { foldWords, normalizeWords, stemGerman } from './normalizeUtterance.js';

/** A sparse vector: parallel arrays of feature ids and values. */
export interface SparseVector { ids: Int32Array; values: Float32Array }

export interface FeatureSpace {
  size: number;
  /** TF-IDF vectors of the training texts, in input order. */
  trained: SparseVector[];
  vectorize(text: string): SparseVector;
}

/** Word features are strings; character n-grams are packed into integers (see `charCode`). */
interface Features { words: string[]; chars: number[] }

/**
 * Folded text holds only a–z, 0–9 and spaces, so a character fits in 6 bits and a 2–5-gram in 30 bits: a small
 * integer key instead of a sliced string, which saves most of the feature space's hashing and garbage.
 */
function charCode(c: number): number {
  if (c >= 97 && c <= 122) return c - 85; // a–z → 12..37
  if (c >= 48 && c <= 57) return c - 46; // 0–9 → 2..11
  return 1; // space (and anything unexpected)
}

function featuresOf(folded: string[], vocab: ReadonlySet<string>, acrossWords: boolean): Features {
  const tokens = normalizeWords(folded, { vocabulary: vocab });
  const words = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i++) words.push(`${tokens[i]} ${tokens[i + 1]}`);
  const chars: number[] = [];
  // Char n-grams use unstemmed folded words: misspellings usually keep most of their n-grams. Across word boundaries
  // ("y bill", "e my c") they also carry word order and short function words, which helps the margin layer.
  for (const w of acrossWords ? [folded.join(' ')] : folded) {
    const padded = ` ${w} `;
    const codes = Array.from({ length: padded.length }, (_, i) => charCode(padded.charCodeAt(i)));
    for (let n = 2; n <= 5; n++) {
      for (let i = 0; i + n <= codes.length; i++) {
        let key = 0;
        for (let j = i; j < i + n; j++) key = key * 64 + codes[j]!;
        chars.push(key);
      }
    }
  }
  return { words, chars };
}

/** `wordWeight` is the share of the word block against the character block. */
export function buildFeatureSpace(texts: string[], wordWeight: number, charsAcrossWords = true): FeatureSpace {
  const folded = texts.map(foldWords);
  // Same as buildVocabulary(texts), without folding every text a second time.
  const vocab = new Set<string>();
  for (const words of folded) for (const w of words) if (w.length >= 3) vocab.add(w).add(stemGerman(w));
  const featureIds = new Map<string, number>();
  const charIds = new Map<number, number>();
  let size = 0;
  const docFreq: number[] = [];
  const features = folded.map((words) => featuresOf(words, vocab, charsAcrossWords));
  // Document frequency: a per-text stamp instead of a Set per text counts each feature once per text.
  const lastSeen: number[] = [];
  // Each training text's feature ids, per block, so vectorising them needs no second round of string hashing.
  const docIds = features.map((f, doc) => {
    const blocks: number[][] = [];
    const lists = [[f.words, featureIds], [f.chars, charIds]] as [(string | number)[], Map<string | number, number>][];
    for (const [list, map] of lists) {
      const ids: number[] = [];
      blocks.push(ids);
      for (const feat of list) {
        let id = map.get(feat);
        if (id === undefined) {
          id = size++;
          map.set(feat, id);
          docFreq.push(0);
          lastSeen.push(-1);
        }
        if (lastSeen[id] !== doc) {
          lastSeen[id] = doc;
          docFreq[id]!++;
        }
        ids.push(id);
      }
    }
    return blocks;
  });
  const nDocs = texts.length;
  const idf = docFreq.map((df) => Math.log((1 + nDocs) / (1 + df)) + 1);
  // Unseen query features still count in the query norm, which is what pushes unrelated questions down.
  const unseenIdf = Math.log(1 + nDocs) + 1;

  /** A training text: every feature is known; same order and values as `vectorizeFeatures` would give. */
  function vectorizeIds(blocks: number[][]): SparseVector {
    const ids: number[] = [];
    const values: number[] = [];
    const tf = new Map<number, number>();
    blocks.forEach((feats, b) => {
      tf.clear();
      for (const id of feats) tf.set(id, (tf.get(id) ?? 0) + 1);
      const start = ids.length;
      let sumSq = 0;
      for (const [id, count] of tf) {
        const x = (1 + Math.log(count)) * idf[id]!;
        sumSq += x * x;
        ids.push(id);
        values.push(x);
      }
      const k = sumSq > 0 ? Math.sqrt(b === 0 ? wordWeight : 1 - wordWeight) / Math.sqrt(sumSq) : 0;
      for (let i = start; i < values.length; i++) values[i]! *= k;
    });
    return { ids: Int32Array.from(ids), values: Float32Array.from(values) };
  }

  function vectorizeFeatures(f: Features): SparseVector {
    const ids: number[] = [];
    const values: number[] = [];
    const block = <K>(feats: K[], known: Map<K, number>, weight: number) => {
      const tf = new Map<K, number>();
      for (const x of feats) tf.set(x, (tf.get(x) ?? 0) + 1);
      const start = ids.length;
      let sumSq = 0;
      for (const [feat, count] of tf) {
        const w = 1 + Math.log(count);
        const id = known.get(feat);
        const x = w * (id === undefined ? unseenIdf : idf[id]!);
        sumSq += x * x;
        if (id !== undefined) {
          ids.push(id);
          values.push(x);
        }
      }
      const k = sumSq > 0 ? weight / Math.sqrt(sumSq) : 0;
      for (let i = start; i < values.length; i++) values[i]! *= k;
    };
    block(f.words, featureIds, Math.sqrt(wordWeight));
    block(f.chars, charIds, Math.sqrt(1 - wordWeight));
    return { ids: Int32Array.from(ids), values: Float32Array.from(values) };
  }

  return {
    size,
    trained: docIds.map(vectorizeIds),
    vectorize: (text) => vectorizeFeatures(featuresOf(foldWords(text), vocab, charsAcrossWords)),
  };
}
