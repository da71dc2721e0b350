import { percentileOfSorted } from '../turns/percentiles.js';

/** The canvas benchmark's definitions, as plain functions over what the page recorded (milliseconds). */

/** A frame longer than this missed at least one 60 Hz vsync; at 50 fps a frame takes 20 ms. */
export const LONG_FRAME_MS = 20;

/**
 * Time until interactive: the nodes are drawn, fitted and painted (`renderedAt`) and the main thread has become free,
 * i.e. the end of the last long task that ends before the first `quietMs` window without any long task, counted from
 * when the nodes were painted. Returns `renderedAt` when no long task ends later.
 * Null while no quiet window has been seen yet up to `observedUntil`.
 */
export function timeToInteractive(renderedAt: number, longTasks: readonly (readonly [number, number])[], quietMs: number, observedUntil: number): number | null {
  const tasks = [...longTasks].map(([start, duration]) => ({ start, end: start + duration })).sort((a, b) => a.start - b.start);
  let interactive = renderedAt;
  for (const task of tasks) {
    if (task.end <= interactive) continue;
    if (task.start >= interactive + quietMs) break;
    interactive = task.end;
  }
  return observedUntil >= interactive + quietMs ? interactive : null;
}

export interface FrameStats {
  frames: number;
  durationMs: number;
  fps: number;
  medianFrameMs: number;
  p95FrameMs: number;
  longestFrameMs: number;
  /** frames over LONG_FRAME_MS */
  longFrames: number;
}

/**
 * Frame statistics from consecutive animation-frame time stamps recorded over a window of `windowMs` (frames per
 * second count over the whole window, so a main thread that stalls at the end of it cannot hide the stall).
 */
export function frameStats(times: readonly number[], windowMs: number): FrameStats {
  const intervals = times.slice(1).map((time, i) => time - times[i]!);
  const sorted = Float64Array.from(intervals).sort();
  return {
    frames: times.length,
    durationMs: windowMs,
    fps: windowMs > 0 ? (times.length * 1000) / windowMs : Number.NaN,
    medianFrameMs: percentileOfSorted(sorted, 50),
    p95FrameMs: percentileOfSorted(sorted, 95),
    longestFrameMs: sorted.length ? sorted[sorted.length - 1]! : Number.NaN,
    longFrames: intervals.filter((ms) => ms > LONG_FRAME_MS).length,
  };
}

export function median(values: readonly number[]): number {
  return percentileOfSorted(Float64Array.from(values).sort(), 50);
}

export function worst(values: readonly number[], higherIsWorse = true): number {
  return values.length === 0 ? Number.NaN : higherIsWorse ? Math.max(...values) : Math.min(...values);
}
