import { describe, expect, it } from 'vitest';
import { frameStats, timeToInteractive } from './canvasMetrics.js';

describe('timeToInteractive', () => {
  it('is the render time when no long task ends after it', () => {
    expect(timeToInteractive(800, [[100, 300]], 1000, 2000)).toBe(800);
  });

  it('extends to the end of long tasks that follow within the quiet window, and stops at the first quiet window', () => {
    const tasks: [number, number][] = [
      [700, 200], // the drawing task, ends at 900
      [1400, 100], // within a second: ends at 1500
      [3000, 60], // after a quiet second: not counted
    ];
    expect(timeToInteractive(850, tasks, 1000, 4000)).toBe(1500);
  });

  it('says null while the quiet window has not been observed yet', () => {
    expect(timeToInteractive(850, [[1400, 100]], 1000, 2000)).toBeNull();
  });
});

describe('frameStats', () => {
  it('counts frames over the whole window, frame times and frames over 20 ms', () => {
    const times = [0, 16, 33, 50, 100, 116];
    const stats = frameStats(times, 1000);
    expect(stats.frames).toBe(6);
    expect(stats.fps).toBe(6);
    expect(stats.longFrames).toBe(1);
    expect(stats.longestFrameMs).toBe(50);
    expect(stats.medianFrameMs).toBe(17);
  });
});
