import { readFileSync } from 'node:fs';
import os from 'node:os';

/**
 * Watches how busy the machine is while a scenario runs, so a result disturbed by other work on the box (tests of
 * other engineers, builds) can be recognised: CPU used by the benchmark's own processes vs by everything else.
 * Linux only (/proc); elsewhere every figure is undefined.
 */
export interface MachineLoad {
  /** average number of busy cores over the scenario (all processes) */
  busyCores?: number;
  /** cores used by the benchmark's own processes (runner, servers, drivers, engine children) */
  ownCores?: number;
  /** busyCores - ownCores: work that was not ours */
  foreignCores?: number;
  loadAverage1m: number;
  cores: number;
}

const ticksPerSecond = 100; // USER_HZ on Linux

function machineBusyTicks(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const values = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (values[3] ?? 0) + (values[4] ?? 0);
    const total = values.slice(0, 8).reduce((a, b) => a + b, 0);
    return { busy: total - idle, total };
  } catch {
    return undefined;
  }
}

/** CPU time (user + system) a live process has used so far, in clock ticks (1/100 s); undefined without /proc. */
export function processTicks(pid: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(fields[11]) + Number(fields[12]); // utime + stime
  } catch {
    return undefined;
  }
}

/** Starts sampling every `intervalMs`; `stop()` returns averages over the whole period. */
export function watchMachineLoad(ownPids: () => number[], intervalMs = 250): { stop(): MachineLoad } {
  const startedAt = Date.now();
  const first = machineBusyTicks();
  const last = new Map<number, number>();
  let ownTicks = 0;
  const sample = (initial = false) => {
    for (const pid of ownPids()) {
      const ticks = processTicks(pid);
      if (ticks === undefined) continue;
      const previous = last.get(pid);
      // A pid first seen after the start was started during the scenario: all its ticks count.
      if (!initial) ownTicks += ticks - (previous ?? 0);
      last.set(pid, ticks);
    }
  };
  sample(true);
  const timer = setInterval(() => sample(), intervalMs);
  timer.unref();
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      const end = machineBusyTicks();
      const seconds = (Date.now() - startedAt) / 1000;
      const result: MachineLoad = { loadAverage1m: os.loadavg()[0]!, cores: os.cpus().length };
      if (first && end && seconds > 0) {
        result.busyCores = (end.busy - first.busy) / ticksPerSecond / seconds;
        result.ownCores = ownTicks / ticksPerSecond / seconds;
        result.foreignCores = Math.max(0, result.busyCores - result.ownCores);
      }
      return result;
    },
  };
}

/**
 * Waits until the machine is quiet (other processes use less than `maxForeignCores` over a one-second sample) or
 * `maxWaitMs` passed, so a scenario does not start in the middle of someone else's test run. Returns what it saw.
 */
export async function waitForQuiet(ownPids: () => number[], options: { maxWaitMs: number; maxForeignCores?: number }): Promise<{ waitedMs: number; quiet: boolean; foreignCores?: number }> {
  const startedAt = Date.now();
  const threshold = options.maxForeignCores ?? 0.2;
  let foreign: number | undefined;
  do {
    const watch = watchMachineLoad(ownPids, 500);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    foreign = watch.stop().foreignCores;
    if (foreign === undefined || foreign < threshold) return { waitedMs: Date.now() - startedAt, quiet: true, foreignCores: foreign };
  } while (Date.now() - startedAt < options.maxWaitMs);
  return { waitedMs: Date.now() - startedAt, quiet: false, foreignCores: foreign };
}
