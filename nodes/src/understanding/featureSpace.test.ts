import { describe, expect, it } from 'vitest';
import { buildFeatureSpace, type SparseVector } from './featureSpace.js';

const norm = (v: SparseVector) => Math.sqrt(v.values.reduce((s, x) => s + x * x, 0));
const dot = (a: SparseVector, b: SparseVector) => {
  const m = new Map<number, number>();
  a.ids.forEach((id, j) => m.set(id, a.values[j]!));
  let s = 0;
  b.ids.forEach((id, j) => (s += (m.get(id) ?? 0) * b.values[j]!));
  return s;
};

describe('buildFeatureSpace', () => {
  const space = buildFeatureSpace(['Wann habt ihr offen?', 'Wo kann ich parken?', 'Kann ich mit Karte zahlen?'], 0.5);

  it('gives training texts unit vectors over words and character n-grams', () => {
    expect(space.trained).toHaveLength(3);
    for (const v of space.trained) expect(norm(v)).toBeCloseTo(1, 5);
    expect(space.size).toBeGreaterThan(30);
  });

  it('vectorises a training text at query time exactly as in training', () => {
    const texts = ['Wann habt ihr offen?', 'Wo kann ich parken?', 'Kann ich mit Karte zahlen?'];
    texts.forEach((text, i) => {
      const q = space.vectorize(text);
      expect(Array.from(q.ids)).toEqual(Array.from(space.trained[i]!.ids));
      expect(Array.from(q.values)).toEqual(Array.from(space.trained[i]!.values));
    });
  });

  it('keeps typos close through character n-grams', () => {
    expect(dot(space.vectorize('Wo kan ich parkn?'), space.trained[1]!)).toBeGreaterThan(0.4);
    expect(dot(space.vectorize('Wo kan ich parkn?'), space.trained[0]!)).toBeLessThan(0.2);
  });

  it('lets unseen words shrink the known part of a query', () => {
    const known = space.vectorize('Wo kann ich parken?');
    const diluted = space.vectorize('Wo kann ich meinen Traktor parken?');
    expect(norm(known)).toBeCloseTo(1, 5);
    expect(norm(diluted)).toBeLessThan(0.9);
    // A foreign word shares at most a few character bigrams ("en", "ik") with the training texts.
    expect(norm(space.vectorize('Quantenphysik'))).toBeLessThan(0.2);
    expect(space.vectorize('xyz qqq').ids).toHaveLength(0);
  });

  it('forms character n-grams across word boundaries unless told not to', () => {
    // "kann ich" and "ich kann" share every word and in-word n-gram, but not the n-grams spanning the space.
    const across = buildFeatureSpace(['kann ich', 'ich kann'], 0.5);
    const within = buildFeatureSpace(['kann ich', 'ich kann'], 0.5, false);
    expect(across.size).toBeGreaterThan(within.size);
    expect(dot(within.trained[0]!, within.trained[1]!)).toBeGreaterThan(dot(across.trained[0]!, across.trained[1]!));
  });
});
