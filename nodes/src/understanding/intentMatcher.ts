// Offline intent matcher: TF-IDF over word uni/bigrams plus character 2–5-grams (typo tolerance). One-vs-rest linear
// SVMs rank the intents; similarity to per-intent centroids and nearest training examples says how in-scope the
// utterance is (an optional logistic-regression layer can add to that). No model download, deterministic.
import { buildFeatureSpace, type SparseVector } from './featureSpace.js';
import { trainLinear, type LinearModel } from './linearRefiner.js';
import { trainMargin, type MarginModel } from './marginClassifier.js';

export interface IntentDefinition { id: string; examples: string[] }
export interface IntentScore { intent: string; score: number }
export interface IntentMatch { intent: string | null; confidence: number; scores: IntentScore[] }
export interface IntentMatcher { match(text: string): IntentMatch; reference: number }

export interface IntentMatcherOptions {
  /** Confidence below this yields `intent: null` (the node's fallback port). */
  threshold?: number;
  /** Weight of the word block against the character n-gram block. */
  wordWeight?: number;
  /** Weight of the centroid similarity against the nearest-example similarity. */
  centroidWeight?: number;
  /** Relative score that maps to confidence 0.5 (default 0.32 with the margin layer, else 0.4), and the slope around it. */
  calibrationCenter?: number;
  calibrationSlope?: number;
  /** Weight of the logistic-regression probability in the score (0 = off, the default since the margin layer ranks better). */
  linearWeight?: number;
  /** Weight of the one-vs-rest SVM margin (`marginClassifier.ts`); > 0 lets it rank the intents (default 2). */
  marginWeight?: number;
  /** Soft-margin constant of the SVM layer. */
  marginC?: number;
  /** Character n-grams across word boundaries (default) or within words only. */
  charsAcrossWords?: boolean;
}

const DEFAULTS = {
  threshold: 0.5, wordWeight: 0.35, centroidWeight: 0.5, calibrationSlope: 8, linearWeight: 0,
  marginWeight: 2, marginC: 1, charsAcrossWords: true,
};
/** Default calibration centres: with the margin layer, and for similarity (+ logistic layer) alone. */
const CENTER_WITH_MARGIN = 0.32;
const CENTER_WITHOUT_MARGIN = 0.4;
/** Squashes an SVM margin (about ±1 on training data) into 0..1. */
const squash = (margin: number) => 1 / (1 + Math.exp(-2 * margin));


/** Feature → rows (examples or intents) with their weights, as flat typed arrays. */
interface Postings { offsets: Int32Array; rows: Int32Array; weights: Float32Array }

function buildPostings(vectors: SparseVector[], nFeatures: number): Postings {
  const offsets = new Int32Array(nFeatures + 1);
  for (const v of vectors) for (const id of v.ids) offsets[id + 1]!++;
  for (let f = 0; f < nFeatures; f++) offsets[f + 1]! += offsets[f]!;
  const cursor = offsets.slice(0, nFeatures);
  const rows = new Int32Array(offsets[nFeatures]!);
  const weights = new Float32Array(offsets[nFeatures]!);
  vectors.forEach((v, row) => {
    for (let j = 0; j < v.ids.length; j++) {
      const at = cursor[v.ids[j]!]!++;
      rows[at] = row;
      weights[at] = v.values[j]!;
    }
  });
  return { offsets, rows, weights };
}

function accumulate(q: SparseVector, postings: Postings, into: Float64Array): void {
  into.fill(0);
  for (let j = 0; j < q.ids.length; j++) {
    const id = q.ids[j]!;
    const w = q.values[j]!;
    for (let at = postings.offsets[id]!, end = postings.offsets[id + 1]!; at < end; at++) into[postings.rows[at]!]! += w * postings.weights[at]!;
  }
}

function centroidsOf(vectors: SparseVector[], owner: number[], nIntents: number, nFeatures: number): SparseVector[] {
  const sums = new Float64Array(nFeatures);
  const members: SparseVector[][] = Array.from({ length: nIntents }, () => []);
  vectors.forEach((v, i) => members[owner[i]!]!.push(v));
  return members.map((vs) => {
    const touched = new Set<number>();
    for (const v of vs) for (let j = 0; j < v.ids.length; j++) { sums[v.ids[j]!]! += v.values[j]!; touched.add(v.ids[j]!); }
    const ids = Int32Array.from(touched);
    let norm = 0;
    for (const id of ids) norm += sums[id]! ** 2;
    const k = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const values = Float32Array.from(ids, (id) => sums[id]! * k);
    for (const id of ids) sums[id] = 0;
    return { ids, values };
  });
}

export function trainIntentMatcher(intents: IntentDefinition[], options: IntentMatcherOptions = {}): IntentMatcher {
  const opt: typeof DEFAULTS & IntentMatcherOptions = { ...DEFAULTS, ...options };
  const texts: string[] = [];
  const exampleIntent: number[] = [];
  intents.forEach((intent, idx) => {
    for (const example of intent.examples) {
      texts.push(example);
      exampleIntent.push(idx);
    }
  });
  const space = buildFeatureSpace(texts, opt.wordWeight, opt.charsAcrossWords);
  const exampleVecs = space.trained;
  const nDocs = texts.length;
  const nIntents = intents.length;
  // Inverted indexes keep matching sub-millisecond: only rows sharing a feature with the query are touched.
  const postings = buildPostings(exampleVecs, space.size);
  const centroids = centroidsOf(exampleVecs, exampleIntent, nIntents, space.size);
  const centroidPostings = buildPostings(centroids, space.size);
  const linear: LinearModel | null = opt.linearWeight > 0 && nIntents > 1
    ? trainLinear(exampleVecs, exampleIntent, space.size, nIntents) : null;
  const margin: MarginModel | null = opt.marginWeight > 0 && nIntents > 1
    ? trainMargin(exampleVecs, exampleIntent, space.size, nIntents, { c: opt.marginC }) : null;

  const exSim = new Float64Array(nDocs);
  const cs = new Float64Array(nIntents);
  const best = new Float64Array(nIntents);
  const second = new Float64Array(nIntents);
  function rawScores(q: SparseVector): IntentScore[] {
    accumulate(q, postings, exSim);
    accumulate(q, centroidPostings, cs);
    best.fill(0);
    second.fill(0);
    for (let ex = 0; ex < nDocs; ex++) {
      const i = exampleIntent[ex]!;
      const s = exSim[ex]!;
      if (s > best[i]!) { second[i] = best[i]!; best[i] = s; } else if (s > second[i]!) second[i] = s;
    }
    const probs = linear ? linear.probabilities(q) : null;
    const evidence = intents.map((_, i) => {
      const sim = opt.centroidWeight * cs[i]! + (1 - opt.centroidWeight) * (best[i]! + second[i]!) / 2;
      // Rescale so the uniform 1/K a small model gives to anything counts as zero evidence.
      const prob = probs ? Math.max(0, (probs[i]! - 1 / nIntents) / (1 - 1 / nIntents)) : 0;
      return sim + opt.linearWeight * prob;
    });
    let scores: IntentScore[];
    if (margin) {
      // The SVM margin alone ranks the intents; similarity (and the logistic layer) only say how in-scope the
      // utterance is at all. Using their best value for every intent keeps the SVM's order and still lets an
      // utterance far from all training examples score low. The margin term is scaled by the query's known share
      // (its vector norm; unseen features count in the norm but have no entry), because an utterance of unseen
      // words gets the bias-only margin of every intent — about 0.5 after squashing, which is not evidence.
      const m = margin.margins(q);
      let inScope = 0;
      for (const e of evidence) if (e > inScope) inScope = e;
      let known = 0;
      for (const v of q.values) known += v * v;
      known = Math.sqrt(known);
      scores = intents.map((intent, i) => ({ intent: intent.id, score: inScope + opt.marginWeight * known * squash(m[i]!) }));
    } else {
      scores = intents.map((intent, i) => ({ intent: intent.id, score: evidence[i]! }));
    }
    return scores.sort((a, b) => b.score - a.score || a.intent.localeCompare(b.intent));
  }

  const center = opt.calibrationCenter ?? (margin ? CENTER_WITH_MARGIN : CENTER_WITHOUT_MARGIN);
  const reference = calibrationReference(exampleVecs, exampleIntent, centroids, opt.centroidWeight, space.size);

  return {
    reference,
    match(text: string): IntentMatch {
      const scores = rawScores(space.vectorize(text));
      const top = scores[0];
      // The reference is measured on similarity alone; the linear probability is ~1 and the SVM margin ~+1 on their
      // own training examples, so a typical in-scope score is about reference + linearWeight + marginWeight·squash(1).
      const typical = reference + (linear ? opt.linearWeight : 0) + (margin ? opt.marginWeight * squash(1) : 0);
      const relative = top ? top.score / typical : 0;
      const confidence = 1 / (1 + Math.exp(-opt.calibrationSlope * (relative - center)));
      return { intent: top && confidence >= opt.threshold ? top.intent : null, confidence, scores };
    },
  };
}

/**
 * Raw cosines shrink as training sets grow and vary with phrasing length, so a fixed threshold on them means
 * different things per bot. The yardstick is the median leave-one-out similarity of training examples to their own
 * intent (up to ~400 sampled examples; only the own intent's examples are compared, which keeps training fast).
 */
function calibrationReference(vectors: SparseVector[], owner: number[], centroids: SparseVector[], centroidWeight: number, nFeatures: number): number {
  const members: number[][] = centroids.map(() => []);
  owner.forEach((intent, ex) => members[intent]!.push(ex));
  const dense = new Float64Array(nFeatures);
  const dot = (v: SparseVector) => {
    let s = 0;
    for (let j = 0; j < v.ids.length; j++) s += dense[v.ids[j]!]! * v.values[j]!;
    return s;
  };
  const sample: number[] = [];
  const stride = Math.max(1, Math.floor(vectors.length / 200));
  for (let ex = 0; ex < vectors.length; ex += stride) {
    const q = vectors[ex]!;
    for (let j = 0; j < q.ids.length; j++) dense[q.ids[j]!] = q.values[j]!;
    let best = 0;
    let second = 0;
    for (const other of members[owner[ex]!]!) {
      if (other === ex) continue;
      const s = dot(vectors[other]!);
      if (s > best) { second = best; best = s; } else if (s > second) second = s;
    }
    sample.push(centroidWeight * dot(centroids[owner[ex]!]!) + (1 - centroidWeight) * (best + second) / 2);
    for (let j = 0; j < q.ids.length; j++) dense[q.ids[j]!] = 0;
  }
  sample.sort((a, b) => a - b);
  return sample[Math.floor(sample.length / 2)] || 1;
}
