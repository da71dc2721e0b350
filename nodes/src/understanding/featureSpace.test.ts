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

  it('keeps typos close through character n-grams', () => {
    expect(dot(space.vectorize('Wo kan ich parkn?'), space.trained[1]!)).toBeGreaterThan(0.4);
    expect(dot(space.vectorize('Wo kan ich parkn?'), space.trained[0]!)).toBeLessThan(0.2);
  });

  it('lets unseen words shrink the known part of a query', () => {
    const known = space.vectorize('Wo kann ich parken?');
    const diluted = space.vectorize('Wo kann ich meinen Traktor parken?');
    expect(norm(known)).toBeCloseTo(1, 5);
    expect(norm(diluted)).toBeLessThan(0.9);
    expect(space.vectorize('Quantenphysik').ids).toHaveLength(0);
  });
});
