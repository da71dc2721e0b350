import type { ProbeData } from './servers.js';

/** What happened inside a server process during the driver's measurement window (from serverProbe.mjs). */
export interface ProbeSummary {
  /** mean event-loop utilisation of the seconds inside the window (1 = the main thread never waited) */
  eventLoopUtilization: number;
  /** the 10 ms probe tick came more than 20 ms late: the event loop was blocked */
  stalls: { count: number; maxMs: number; worst: { atS: number; ms: number }[] };
  gc: { count: number; totalMs: number; maxMs: number; markCompactCount: number; worst: { atS: number; ms: number; kind: number }[] };
}

const KIND = { markSweepCompact: 4 };

export function summarizeProbe(probe: ProbeData, windowStartEpochMs: number, windowMs: number): ProbeSummary {
  const end = windowStartEpochMs + windowMs;
  const inside = (at: number) => at >= windowStartEpochMs && at < end;
  const at = (epoch: number) => Math.round((epoch - windowStartEpochMs) / 10) / 100;
  // an ELU sample covers the second before its timestamp
  const elu = probe.elu.filter(([t]) => t > windowStartEpochMs + 500 && t <= end + 500).map(([, u]) => u);
  const stalls = probe.stalls.filter(([t]) => inside(t));
  const gcs = probe.gcs.filter(([t]) => inside(t));
  return {
    eventLoopUtilization: elu.length ? Math.round((elu.reduce((a, b) => a + b, 0) / elu.length) * 1000) / 1000 : Number.NaN,
    stalls: {
      count: stalls.length,
      maxMs: Math.max(0, ...stalls.map(([, ms]) => ms)),
      worst: [...stalls].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t, ms]) => ({ atS: at(t), ms })),
    },
    gc: {
      count: gcs.length,
      totalMs: Math.round(gcs.reduce((sum, [, ms]) => sum + ms, 0)),
      maxMs: Math.max(0, ...gcs.map(([, ms]) => ms)),
      markCompactCount: gcs.filter(([, , kind]) => kind === KIND.markSweepCompact).length,
      worst: [...gcs].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([t, ms, kind]) => ({ atS: at(t), ms, kind })),
    },
  };
}
