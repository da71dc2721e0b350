// Offline intent matcher: TF-IDF over word uni/bigrams plus character 3–5-grams (typo tolerance),
// scored against per-intent centroids and nearest training examples. No model download, deterministic.
import { trainLinear, type LinearModel } from './linearRefiner.js';
import { buildVocabulary, foldWords, normalizeUtterance } from './normalizeUtterance.js';

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
  /** Raw score that maps to confidence 0.5, and the logistic slope around it. */
  calibrationCenter?: number;
  calibrationSlope?: number;
  /** Weight of the logistic-regression probability in the score (default 1; 0 = similarity only, trains ~2× faster). */
  linearWeight?: number;
}

type Vec = Map<number, number>;

const DEFAULTS = { threshold: 0.5, wordWeight: 0.5, centroidWeight: 0.5, calibrationCenter: 0.4, calibrationSlope: 8, linearWeight: 1 };

function featuresOf(text: string, vocab: ReadonlySet<string>): { words: string[]; chars: string[] } {
  const tokens = normalizeUtterance(text, { vocabulary: vocab });
  const words = [...tokens];
  for (let i = 0; i + 1 < tokens.length; i++) words.push(`${tokens[i]} ${tokens[i + 1]}`);
  const chars: string[] = [];
  // Char n-grams use unstemmed folded words: misspellings usually keep most of their n-grams.
  for (const w of foldWords(text)) {
    const padded = ` ${w} `;
    for (let n = 3; n <= 5; n++) for (let i = 0; i + n <= padded.length; i++) chars.push(padded.slice(i, i + n));
  }
  return { words, chars: chars.map((c) => `#${c}`) };
}

function normalize(v: Vec, weight: number): void {
  let sum = 0;
  for (const x of v.values()) sum += x * x;
  const k = sum > 0 ? weight / Math.sqrt(sum) : 0;
  for (const [key, x] of v) v.set(key, x * k);
}

export function trainIntentMatcher(intents: IntentDefinition[], options: IntentMatcherOptions = {}): IntentMatcher {
  const opt = { ...DEFAULTS, ...options };
  const vocab = buildVocabulary(intents.flatMap((i) => i.examples));
  const featureIds = new Map<string, number>();
  const docFreq: number[] = [];
  const exampleFeatures: { words: string[]; chars: string[] }[] = [];
  const exampleIntent: number[] = [];
  intents.forEach((intent, idx) => {
    for (const ex of intent.examples) {
      const f = featuresOf(ex, vocab);
      exampleFeatures.push(f);
      exampleIntent.push(idx);
      for (const feat of new Set([...f.words, ...f.chars])) {
        let id = featureIds.get(feat);
        if (id === undefined) { id = featureIds.size; featureIds.set(feat, id); docFreq.push(0); }
        docFreq[id]!++;
      }
    }
  });
  const nDocs = exampleFeatures.length;
  const idf = docFreq.map((df) => Math.log((1 + nDocs) / (1 + df)) + 1);
  // Unseen query features still count in the query norm, which is what pushes unrelated questions down.
  const unseenIdf = Math.log(1 + nDocs) + 1;

  function vectorize(f: { words: string[]; chars: string[] }): Vec {
    const v: Vec = new Map();
    let unseen = 0;
    const block = (feats: string[], weight: number) => {
      const tf = new Map<string, number>();
      for (const x of feats) tf.set(x, (tf.get(x) ?? 0) + 1);
      const part: Vec = new Map();
      let unseenSq = 0;
      let sum = 0;
      for (const [feat, count] of tf) {
        const w = (1 + Math.log(count));
        const id = featureIds.get(feat);
        if (id === undefined) { unseenSq += (w * unseenIdf) ** 2; continue; }
        part.set(id, w * idf[id]!);
        sum += (w * idf[id]!) ** 2;
      }
      const norm = Math.sqrt(sum + unseenSq);
      for (const [id, x] of part) v.set(id, (x / (norm || 1)) * weight);
      unseen += unseenSq;
    };
    block(f.words, Math.sqrt(opt.wordWeight));
    block(f.chars, Math.sqrt(1 - opt.wordWeight));
    return v;
  }

  const exampleVecs = exampleFeatures.map(vectorize);
  // Inverted index keeps matching sub-millisecond: only examples sharing a feature are touched.
  const postings = new Map<number, { ex: number[]; w: number[] }>();
  exampleVecs.forEach((v, ex) => {
    for (const [id, w] of v) {
      let p = postings.get(id);
      if (!p) { p = { ex: [], w: [] }; postings.set(id, p); }
      p.ex.push(ex); p.w.push(w);
    }
  });
  const centroids: Vec[] = intents.map(() => new Map());
  exampleVecs.forEach((v, ex) => {
    const c = centroids[exampleIntent[ex]!]!;
    for (const [id, w] of v) c.set(id, (c.get(id) ?? 0) + w);
  });
  for (const c of centroids) normalize(c, 1);
  const centroidPostings = new Map<number, { intent: number[]; w: number[] }>();
  centroids.forEach((c, i) => {
    for (const [id, w] of c) {
      let p = centroidPostings.get(id);
      if (!p) { p = { intent: [], w: [] }; centroidPostings.set(id, p); }
      p.intent.push(i); p.w.push(w);
    }
  });

  const linear: LinearModel | null = opt.linearWeight > 0 && intents.length > 1
    ? trainLinear(exampleVecs, exampleIntent, featureIds.size, intents.length) : null;

  const exSim = new Float64Array(nDocs);
  function rawScores(q: Vec, exclude = -1): (IntentScore & { sim: number; prob: number })[] {
    exSim.fill(0);
    for (const [id, w] of q) {
      const p = postings.get(id);
      if (p) for (let i = 0; i < p.ex.length; i++) exSim[p.ex[i]!]! += w * p.w[i]!;
    }
    const cs = new Float64Array(intents.length);
    for (const [id, w] of q) {
      const p = centroidPostings.get(id);
      if (p) for (let i = 0; i < p.intent.length; i++) cs[p.intent[i]!]! += w * p.w[i]!;
    }
    const best = new Float64Array(intents.length);
    const second = new Float64Array(intents.length);
    for (let ex = 0; ex < nDocs; ex++) {
      if (ex === exclude) continue;
      const i = exampleIntent[ex]!;
      const s = exSim[ex]!;
      if (s > best[i]!) { second[i] = best[i]!; best[i] = s; } else if (s > second[i]!) second[i] = s;
    }
    const probs = linear && exclude < 0 ? linear.probabilities(q) : null;
    const scores = intents.map((intent, i) => {
      const sim = opt.centroidWeight * cs[i]! + (1 - opt.centroidWeight) * (best[i]! + second[i]!) / 2;
      // Rescale so the uniform 1/K a small model gives to anything counts as zero evidence.
      const prob = probs ? Math.max(0, (probs[i]! - 1 / intents.length) / (1 - 1 / intents.length)) : 0;
      return { intent: intent.id, score: sim + opt.linearWeight * prob, sim, prob };
    });
    return scores.sort((a, b) => b.score - a.score || a.intent.localeCompare(b.intent));
  }

  // Raw cosines shrink as training sets grow and vary with phrasing length, so a fixed threshold on them
  // means different things per bot. We scale by the median leave-one-out score of the training examples.
  const sample: number[] = [];
  const stride = Math.max(1, Math.floor(nDocs / 600));
  for (let ex = 0; ex < nDocs; ex += stride) {
    const own = intents[exampleIntent[ex]!]!.id;
    sample.push(rawScores(exampleVecs[ex]!, ex).find((s) => s.intent === own)!.sim);
  }
  sample.sort((a, b) => a - b);
  const reference = sample[Math.floor(sample.length / 2)] || 1;

  return {
    reference,
    match(text: string): IntentMatch {
      const ranked = rawScores(vectorize(featuresOf(text, vocab)));
      const top = ranked[0];
      // The reference is measured on similarity alone; the linear probability is ~1 on its own training
      // examples, so a typical in-scope score is about reference + linearWeight.
      const relative = top ? top.score / (reference + (linear ? opt.linearWeight : 0)) : 0;
      const confidence = 1 / (1 + Math.exp(-opt.calibrationSlope * (relative - opt.calibrationCenter)));
      const scores = ranked.map(({ intent, score }) => ({ intent, score }));
      return { intent: top && confidence >= opt.threshold ? top.intent : null, confidence, scores };
    },
  };
}
