import { describe, expect, it } from 'vitest';
import { percentileOfSorted, SampleBuffer, summarize } from './percentiles.js';

describe('percentiles', () => {
  it('uses the nearest rank, so every percentile is a real sample', () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentileOfSorted(sorted, 50)).toBe(50);
    expect(percentileOfSorted(sorted, 90)).toBe(90);
    expect(percentileOfSorted(sorted, 99)).toBe(99);
    expect(percentileOfSorted(sorted, 99.5)).toBe(100);
    expect(percentileOfSorted(sorted, 0)).toBe(1);
    expect(percentileOfSorted(sorted, 100)).toBe(100);
    expect(percentileOfSorted([7], 99)).toBe(7);
  });

  it('summarizes unsorted samples without changing them', () => {
    const values = [5, 1, 4, 2, 3];
    expect(summarize(values)).toEqual({ count: 5, min: 1, mean: 3, p50: 3, p90: 5, p95: 5, p99: 5, max: 5 });
    expect(values).toEqual([5, 1, 4, 2, 3]);
  });

  it('reports NaN for no samples', () => {
    const summary = summarize([]);
    expect(summary.count).toBe(0);
    expect(summary.p99).toBeNaN();
  });

  it('buffers samples up to its capacity', () => {
    const buffer = new SampleBuffer(3, 1);
    for (const value of [3, 1, 2, 9]) buffer.push(value);
    expect(Array.from(buffer.values())).toEqual([3, 1, 2]);
    expect(buffer.dropped).toBe(1);
  });
});
