/**
 * (a) HTTP throughput: closed-loop conversations against `dialogwerk serve` (own process) and against the bare
 * Hono + libSQL baseline (own process), both driven by loadDriver.ts (own process) with the same settings.
 */
import path from 'node:path';
import { runDriver, startBareHonoServer, startDialogwerkServer, FLOW_ID, type BenchServer } from './servers.js';
import type { DriverResult } from './loadDriver.js';
import { processTicks } from './machineLoad.js';
import { summarizeProbe, type ProbeSummary } from './probeSummary.js';

export interface HttpThroughputOptions {
  conversations: number;
  warmupMs: number;
  durationMs: number;
  /** CPU-profile both server processes into <profileDir>/a-bare-hono and <profileDir>/a-dialogwerk */
  profileDir?: string;
}

export interface ServerRun {
  driver: DriverResult;
  /** VmHWM of the server process right after the load phase */
  serverPeakRssKiB?: number;
  /** CPU the server process used from the driver's start to its end (conversation starts, warm-up, window, drain) */
  serverCpuMs?: number;
  /** serverCpuMs per request the driver completed (starts + turns): robust against other load on the machine */
  serverCpuUsPerRequest?: number;
  /** event-loop stalls, GC pauses and utilisation inside the server during the window (serverProbe.mjs) */
  serverProbe?: ProbeSummary;
}

export interface HttpThroughputResult {
  options: HttpThroughputOptions;
  baseline: ServerRun;
  dialogwerk: ServerRun;
  /** Dialogwerk turns/s ÷ baseline turns/s */
  ratio: number;
}

/** Runs the driver against a started server, reads the server's CPU, peak RSS and probe, and always disposes of the server. */
export async function measureServer(server: BenchServer, run: (url: string) => Promise<DriverResult>): Promise<ServerRun> {
  let result: ServerRun;
  try {
    const before = server.child.pid === undefined ? undefined : processTicks(server.child.pid);
    const driver = await run(server.url);
    const after = server.child.pid === undefined ? undefined : processTicks(server.child.pid);
    const serverCpuMs = before === undefined || after === undefined ? undefined : (after - before) * 10;
    const requests = driver.totalTurns + (driver.target === 'dialogwerk' ? driver.conversations : 0);
    result = {
      driver,
      serverPeakRssKiB: server.peakRssKiB(),
      serverCpuMs,
      serverCpuUsPerRequest: serverCpuMs === undefined || requests === 0 ? undefined : (serverCpuMs * 1000) / requests,
    };
  } catch (error) {
    await server.dispose();
    throw error;
  }
  const probe = await server.dispose();
  if (probe) result.serverProbe = summarizeProbe(probe, result.driver.windowStartEpochMs, result.driver.windowMs);
  return result;
}

export async function httpThroughput(options: HttpThroughputOptions): Promise<HttpThroughputResult> {
  const common = { mode: 'loop' as const, conversations: options.conversations, warmupMs: options.warmupMs, durationMs: options.durationMs };
  const profile = (name: string) => (options.profileDir ? { profileDir: path.join(options.profileDir, name) } : {});
  const baseline = await measureServer(await startBareHonoServer(profile('a-bare-hono')), (baseUrl) => runDriver({ ...common, target: 'bare', baseUrl }));
  const dialogwerk = await measureServer(await startDialogwerkServer(profile('a-dialogwerk')), (baseUrl) =>
    runDriver({ ...common, target: 'dialogwerk', baseUrl, flowId: FLOW_ID }),
  );
  return { options, baseline, dialogwerk, ratio: dialogwerk.driver.turnsPerSecond / baseline.driver.turnsPerSecond };
}
