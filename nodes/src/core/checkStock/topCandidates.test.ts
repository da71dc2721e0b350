import { describe, expect, it } from 'vitest';
import { TopCandidates } from './topCandidates.js';

describe('TopCandidates', () => {
  it('keeps the best few, best first, equal scores by rank', () => {
    const top = new TopCandidates(3);
    [[0, 0.5, 4], [1, 0.9, 3], [2, 0.5, 1], [3, 0.2, 0], [4, 0.7, 2], [5, 0.5, 0]].forEach(([position, score, rank]) => top.add(position!, score!, rank!));
    expect(top.items.map((item) => item.position)).toEqual([1, 4, 5]);
  });

  it('keeps nothing with a limit of 0', () => {
    const top = new TopCandidates(0);
    top.add(1, 1, 0);
    expect(top.items).toEqual([]);
  });
});
