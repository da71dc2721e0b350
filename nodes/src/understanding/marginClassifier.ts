// Ranking layer of the intent matcher: one-vs-rest linear SVMs (squared hinge loss), trained by dual coordinate
// descent. On short utterances a max-margin fit over many sparse n-grams ranks intents better than the softmax layer
// (CLINC150: +1 point top-1), and it trains in one pass per class instead of touching every class per example.
import type { SparseVector } from './featureSpace.js';

export interface MarginModel {
  /** Raw margin per class: about +1 on a typical own training example, about −1 on the others' examples. */
  margins(x: SparseVector): Float64Array;
}

export interface MarginOptions {
  /** Soft-margin constant for the negative examples; positives get `c · negatives / positives` (class balance). */
  c?: number;
  /** Upper bound on passes over the data; training stops earlier once no example violates the optimality condition much. */
  maxEpochs?: number;
}

export function trainMargin(xs: SparseVector[], ys: number[], nFeatures: number, nClasses: number, options: MarginOptions = {}): MarginModel {
  const c = options.c ?? 1;
  const maxEpochs = options.maxEpochs ?? 10;
  const n = xs.length;
  // Class-major weights (+ one bias per class): a class's pass only touches its own contiguous row.
  const stride = nFeatures + 1;
  const w = new Float32Array(stride * nClasses);
  const sqNorm = xs.map((x) => {
    let s = 1; // the bias feature
    for (const v of x.values) s += v * v;
    return s;
  });
  // One flat copy of the examples (CSR): monomorphic typed-array access keeps the inner loops fast.
  const starts = new Int32Array(n + 1);
  xs.forEach((x, i) => (starts[i + 1] = starts[i]! + x.ids.length));
  const featureOf = new Int32Array(starts[n]!);
  const valueOf = new Float64Array(starts[n]!);
  xs.forEach((x, i) => {
    featureOf.set(x.ids, starts[i]!);
    valueOf.set(x.values, starts[i]!);
  });
  const labels = Int32Array.from(ys);
  const counts = new Int32Array(nClasses);
  for (const y of ys) counts[y]!++;
  const alpha = new Float64Array(n);
  const quiet = new Uint8Array(n);
  const order = Int32Array.from({ length: n }, (_, i) => i);
  let seed = 0x9e3779b9;
  for (let cls = 0; cls < nClasses; cls++) {
    const base = cls * stride;
    const bias = base + nFeatures;
    // Squared hinge: the box constraint becomes a diagonal term 1/(2C) (Hsieh et al. 2008, L2-loss SVM dual).
    const positives = counts[cls]!;
    const dPos = positives > 0 && positives < n ? 1 / (2 * c * ((n - positives) / positives)) : 1 / (2 * c);
    const dNeg = 1 / (2 * c);
    alpha.fill(0);
    quiet.fill(0);
    for (let epoch = 0, verify = false; epoch < maxEpochs; epoch++) {
      let worst = 0;
      // A fresh order per pass matters for coordinate descent (a fixed stride order costs 0.6 point on CLINC150);
      // a seeded generator keeps training deterministic.
      shuffle(order, seed);
      seed = (seed * 1103515245 + 12345) >>> 0;
      for (let k = 0; k < n; k++) {
        const i = order[k]!;
        // Shrinking: an example that sat outside the margin with alpha 0 twice in a row is skipped until the check pass.
        if (!verify && quiet[i]! >= 2) continue;
        const y = labels[i] === cls ? 1 : -1;
        const d = y > 0 ? dPos : dNeg;
        const from = starts[i]!;
        const to = starts[i + 1]!;
        let out = w[bias]!;
        for (let j = from; j < to; j++) out += w[base + featureOf[j]!]! * valueOf[j]!;
        const a0 = alpha[i]!;
        const g = y * out - 1 + d * a0;
        // Projected gradient: at alpha = 0 only a negative gradient can move the variable.
        const pg = a0 === 0 ? Math.min(g, 0) : g;
        if (a0 === 0 && g > 0) quiet[i]!++;
        else quiet[i] = 0;
        if (pg === 0) continue;
        if (Math.abs(pg) > worst) worst = Math.abs(pg);
        const a = Math.max(a0 - g / (sqNorm[i]! + d), 0);
        const delta = (a - a0) * y;
        if (delta === 0) continue;
        alpha[i] = a;
        for (let j = from; j < to; j++) w[base + featureOf[j]!]! += delta * valueOf[j]!;
        w[bias]! += delta;
      }
      if (worst < 0.1) {
        // Converged on the active examples: one full pass confirms it for all of them, else go on with all.
        if (verify) break;
        verify = true;
        quiet.fill(0);
      } else verify = false;
    }
  }
  return {
    margins(x) {
      const out = new Float64Array(nClasses);
      for (let cls = 0; cls < nClasses; cls++) {
        const base = cls * stride;
        let s = w[base + nFeatures]!;
        for (let j = 0; j < x.ids.length; j++) s += w[base + x.ids[j]!]! * x.values[j]!;
        out[cls] = s;
      }
      return out;
    },
  };
}

/** Fisher–Yates with a xorshift32 generator seeded by `seed`. */
function shuffle(order: Int32Array, seed: number): void {
  let x = seed >>> 0 || 1;
  for (let i = order.length - 1; i > 0; i--) {
    x ^= x << 13; x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5; x >>>= 0;
    const j = x % (i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
}
