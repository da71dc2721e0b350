import { describe, expect, it } from 'vitest';
import type { SparseVector } from './featureSpace.js';
import { trainMargin } from './marginClassifier.js';

const vec = (entries: [number, number][]): SparseVector => ({
  ids: Int32Array.from(entries.map((e) => e[0])),
  values: Float32Array.from(entries.map((e) => e[1])),
});

// Three classes; feature 0–2 mark a class each, feature 3 is shared noise.
const xs = [
  vec([[0, 0.9], [3, 0.4]]), vec([[0, 1]]), vec([[0, 0.8], [3, 0.6]]),
  vec([[1, 0.9], [3, 0.4]]), vec([[1, 1]]), vec([[1, 0.7], [3, 0.7]]),
  vec([[2, 1]]), vec([[2, 0.9], [3, 0.4]]),
];
const ys = [0, 0, 0, 1, 1, 1, 2, 2];

describe('trainMargin', () => {
  const model = trainMargin(xs, ys, 4, 3);

  it('gives each class a positive margin on its own examples and negative ones elsewhere', () => {
    xs.forEach((x, i) => {
      const m = model.margins(x);
      for (let c = 0; c < 3; c++) {
        if (c === ys[i]) expect(m[c]).toBeGreaterThan(0.5);
        else expect(m[c]).toBeLessThan(-0.5);
      }
    });
  });

  it('ranks an unseen mixture by its dominant feature', () => {
    const m = model.margins(vec([[1, 0.8], [0, 0.2], [3, 0.5]]));
    expect(m.indexOf(Math.max(...m))).toBe(1);
  });

  it('is deterministic and scores an empty vector by the biases alone', () => {
    const again = trainMargin(xs, ys, 4, 3);
    expect(Array.from(again.margins(xs[4]!))).toEqual(Array.from(model.margins(xs[4]!)));
    for (const m of model.margins(vec([]))) expect(m).toBeLessThan(0);
  });

  it('copes with a class without examples and with a single pass', () => {
    const m = trainMargin(xs, ys, 4, 4, { maxEpochs: 1 }).margins(xs[0]!);
    expect(m).toHaveLength(4);
    expect(m[3]).toBeLessThan(0);
  });
});
