/** Latency statistics for benchmark samples (milliseconds). Nearest-rank percentiles: p99 is a real sample. */

export interface LatencySummary {
  count: number;
  min: number;
  mean: number;
  p50: number;
  p90: number;
  p95: number;
  p99: number;
  max: number;
}

/** The nearest-rank percentile `p` (0–100) of values already sorted ascending; NaN for no values. */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (p <= 0) return sorted[0]!;
  if (p >= 100) return sorted[sorted.length - 1]!;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1]!;
}

/** Sorts a copy and returns the usual summary; the input is left untouched. */
export function summarize(values: ArrayLike<number>): LatencySummary {
  const sorted = Float64Array.from(values).sort();
  let sum = 0;
  for (const value of sorted) sum += value;
  const count = sorted.length;
  return {
    count,
    min: count ? sorted[0]! : Number.NaN,
    mean: count ? sum / count : Number.NaN,
    p50: percentileOfSorted(sorted, 50),
    p90: percentileOfSorted(sorted, 90),
    p95: percentileOfSorted(sorted, 95),
    p99: percentileOfSorted(sorted, 99),
    max: count ? sorted[count - 1]! : Number.NaN,
  };
}

/** Growable Float64 sample buffer that stops recording at `capacity` samples (bounded memory). */
export class SampleBuffer {
  #data: Float64Array;
  #length = 0;
  dropped = 0;

  constructor(private readonly capacity = 5_000_000, initial = 65_536) {
    this.#data = new Float64Array(Math.min(initial, capacity));
  }

  push(value: number): void {
    if (this.#length === this.#data.length) {
      if (this.#length >= this.capacity) {
        this.dropped++;
        return;
      }
      const grown = new Float64Array(Math.min(this.capacity, this.#data.length * 2));
      grown.set(this.#data);
      this.#data = grown;
    }
    this.#data[this.#length++] = value;
  }

  get length(): number {
    return this.#length;
  }

  values(): Float64Array {
    return this.#data.subarray(0, this.#length);
  }
}
