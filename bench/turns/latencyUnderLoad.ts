/**
 * (b) Latency under realistic load: many conversations, each answering once per second (paced, starts spread evenly
 * over the first second), against `dialogwerk serve` in its own process; the driver runs in its own process too.
 */
import path from 'node:path';
import { runDriver, startDialogwerkServer, FLOW_ID } from './servers.js';
import { measureServer, type ServerRun } from './httpThroughput.js';

export interface LatencyOptions {
  conversations: number;
  intervalMs: number;
  warmupMs: number;
  durationMs: number;
  /** CPU-profile the server process into <profileDir>/b-dialogwerk */
  profileDir?: string;
}

export interface LatencyResult extends ServerRun {
  options: LatencyOptions;
  /** the load offered: conversations × (1000 / intervalMs) */
  offeredTurnsPerSecond: number;
}

export async function latencyUnderLoad(options: LatencyOptions): Promise<LatencyResult> {
  const run = await measureServer(await startDialogwerkServer(options.profileDir ? { profileDir: path.join(options.profileDir, 'b-dialogwerk') } : {}), (baseUrl) =>
    runDriver({
      target: 'dialogwerk',
      baseUrl,
      flowId: FLOW_ID,
      mode: 'paced',
      conversations: options.conversations,
      intervalMs: options.intervalMs,
      warmupMs: options.warmupMs,
      durationMs: options.durationMs,
      startConcurrency: 100,
    }),
  );
  return { ...run, options, offeredTurnsPerSecond: options.conversations * (1000 / options.intervalMs) };
}
