// TF-IDF feature space of the intent matcher: stemmed word uni/bigrams plus character 3–5-grams of the folded words
// (typo tolerance), each block L2-normalised and weighted. Vectors are typed arrays: training allocates little garbage.
import { foldWords, normalizeWords, stemGerman } from './normalizeUtterance.js';

/** A sparse vector: parallel arrays of feature ids and values. */
export interface SparseVector { ids: Int32Array; values: Float32Array }

export interface FeatureSpace {
  size: number;
  /** TF-IDF vectors of the training texts, in input order. */
  trained: SparseVector[];
  vectorize(text: string): SparseVector;
}

interface Features { words: string[]; chars: string[] }

function featuresOf(folded: string[], vocab: ReadonlySet<string>): Features {
  const tokens = normalizeWords(folded, { vocabulary: vocab });
  const words = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i++) words.push(`${tokens[i]} ${tokens[i + 1]}`);
  const chars: string[] = [];
  // Char n-grams use unstemmed folded words: misspellings usually keep most of their n-grams.
  for (const w of folded) {
    const padded = ` ${w} `;
    for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) chars.push(`#${padded.slice(i, i + n)}`);
  }
  return { words, chars };
}

/** `wordWeight` is the share of the word block against the character block. */
export function buildFeatureSpace(texts: string[], wordWeight: number): FeatureSpace {
  const folded = texts.map(foldWords);
  // Same as buildVocabulary(texts), without folding every text a second time.
  const vocab = new Set<string>();
  for (const words of folded) for (const w of words) if (w.length >= 3) vocab.add(w).add(stemGerman(w));
  const featureIds = new Map<string, number>();
  const docFreq: number[] = [];
  const features = folded.map((words) => featuresOf(words, vocab));
  // Document frequency: a per-text stamp instead of a Set per text counts each feature once per text.
  const lastSeen: number[] = [];
  features.forEach((f, doc) => {
    for (const list of [f.words, f.chars]) {
      for (const feat of list) {
        let id = featureIds.get(feat);
        if (id === undefined) {
          id = featureIds.size;
          featureIds.set(feat, id);
          docFreq.push(0);
          lastSeen.push(-1);
        }
        if (lastSeen[id] !== doc) {
          lastSeen[id] = doc;
          docFreq[id]!++;
        }
      }
    }
  });
  const nDocs = texts.length;
  const idf = docFreq.map((df) => Math.log((1 + nDocs) / (1 + df)) + 1);
  // Unseen query features still count in the query norm, which is what pushes unrelated questions down.
  const unseenIdf = Math.log(1 + nDocs) + 1;

  function vectorizeFeatures(f: Features): SparseVector {
    const ids: number[] = [];
    const values: number[] = [];
    const block = (feats: string[], weight: number) => {
      const tf = new Map<string, number>();
      for (const x of feats) tf.set(x, (tf.get(x) ?? 0) + 1);
      const start = ids.length;
      let sumSq = 0;
      for (const [feat, count] of tf) {
        const w = 1 + Math.log(count);
        const id = featureIds.get(feat);
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
    block(f.words, Math.sqrt(wordWeight));
    block(f.chars, Math.sqrt(1 - wordWeight));
    return { ids: Int32Array.from(ids), values: Float32Array.from(values) };
  }

  return {
    size: featureIds.size,
    trained: features.map(vectorizeFeatures),
    vectorize: (text) => vectorizeFeatures(featuresOf(foldWords(text), vocab)),
  };
}
