// Discriminative layer: multinomial logistic regression (plain SGD) on the same TF-IDF vectors.
// Similarity scoring alone cannot learn that a shared feature matters for one intent and not another.
import type { SparseVector } from './featureSpace.js';

export interface LinearModel { probabilities(x: SparseVector): Float64Array }

export function trainLinear(xs: SparseVector[], ys: number[], nFeatures: number, nClasses: number, epochs = 3, rate = 8): LinearModel {
  const w = new Float32Array(nFeatures * nClasses);
  const p = new Float64Array(nClasses);
  const touched = new Int32Array(nClasses);
  const forward = (x: SparseVector) => {
    p.fill(0);
    for (let j = 0; j < x.ids.length; j++) {
      const v = x.values[j]!;
      const base = x.ids[j]! * nClasses;
      for (let c = 0; c < nClasses; c++) p[c]! += v * w[base + c]!;
    }
    let max = -Infinity;
    for (let c = 0; c < nClasses; c++) if (p[c]! > max) max = p[c]!;
    let sum = 0;
    for (let c = 0; c < nClasses; c++) {
      p[c] = Math.exp(p[c]! - max);
      sum += p[c]!;
    }
    for (let c = 0; c < nClasses; c++) p[c]! /= sum;
    return p;
  };
  // Deterministic visiting order (stride permutation) instead of Math.random shuffles.
  const n = xs.length;
  const step = n > 1 ? findCoprime(n) : 1;
  for (let e = 0; e < epochs; e++) {
    const lr = rate / (1 + e);
    for (let k = 0, i = e % Math.max(n, 1); k < n; k++, i = (i + step) % n) {
      const x = xs[i]!;
      const probs = forward(x);
      probs[ys[i]!]! -= 1;
      // Most classes get a negligible gradient once training is under way; skipping them keeps the update sparse.
      let active = 0;
      for (let c = 0; c < nClasses; c++) if (Math.abs(probs[c]!) > 1e-4) touched[active++] = c;
      for (let j = 0; j < x.ids.length; j++) {
        const v = lr * x.values[j]!;
        const base = x.ids[j]! * nClasses;
        for (let a = 0; a < active; a++) {
          const c = touched[a]!;
          w[base + c]! -= v * probs[c]!;
        }
      }
    }
  }
  return { probabilities: (x) => Float64Array.from(forward(x)) };
}

function findCoprime(n: number): number {
  const gcd = (a: number, b: number): number => (b ? gcd(b, a % b) : a);
  let s = Math.floor(n * 0.618) || 1;
  while (gcd(s, n) !== 1) s++;
  return s;
}
