import { ensureBotbuilderInstalled } from './botbuilderDependencies.js';
/**
 * The `turns` benchmark: (a) HTTP throughput vs a bare Hono + libSQL server, (b) latency under a realistic paced
 * load, (c) the in-process engine vs Microsoft Bot Framework (botbuilder-dialogs), all on the three-question dialog.
 */
import { httpThroughput, type HttpThroughputResult } from './httpThroughput.js';
import { latencyUnderLoad, type LatencyResult } from './latencyUnderLoad.js';
import { runJsonChild, benchmarkPids } from './spawnProcess.js';
import { waitForQuiet, watchMachineLoad, type MachineLoad } from './machineLoad.js';
import type { EngineBenchOptions, EngineBenchResult } from './inProcessEngine.js';

export interface TurnsOptions {
  quick: boolean;
  only: Set<'a' | 'b' | 'c'>;
  /** rounds of (c); each round runs Dialogwerk then botbuilder, each in a fresh process */
  engineRounds: number;
  /** CPU-profile the server processes of (a) and (b) into this directory */
  profileDir?: string;
  /** how long to wait for other processes to calm down before each scenario */
  quietWaitMs: number;
}

export interface Row {
  scenario: string;
  metric: string;
  value: string;
  goal: string;
  met: boolean | null;
}

export interface EngineComparison {
  options: EngineBenchOptions;
  rounds: { dialogwerk: EngineBenchResult; botbuilder: EngineBenchResult }[];
  /** medians over the rounds */
  dialogwerkTurnsPerSecond: number;
  botbuilderTurnsPerSecond: number;
  ratio: number;
  dialogwerkCpuUsPerTurn: number;
  botbuilderCpuUsPerTurn: number;
}

export interface TurnsResults {
  a?: WithMachine<HttpThroughputResult>;
  b?: WithMachine<LatencyResult>;
  c?: WithMachine<EngineComparison>;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((x, y) => x - y);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export type WithMachine<T> = T & { machine: MachineLoad & { quietBefore: Awaited<ReturnType<typeof waitForQuiet>> } };

/** Waits (bounded) for a quiet machine, then runs the scenario while recording how busy the machine was. */
export async function withLoad<T>(quietWaitMs: number, log: (line: string) => void, run: () => Promise<T>): Promise<WithMachine<T>> {
  const quietBefore = await waitForQuiet(benchmarkPids, { maxWaitMs: quietWaitMs });
  if (!quietBefore.quiet) log(`  other processes still use ${quietBefore.foreignCores?.toFixed(2)} cores after waiting ${Math.round(quietBefore.waitedMs / 1000)} s; running anyway`);
  const watch = watchMachineLoad(benchmarkPids);
  try {
    const result = await run();
    return { ...result, machine: { ...watch.stop(), quietBefore } };
  } catch (error) {
    watch.stop();
    throw error;
  }
}

async function engineComparison(options: EngineBenchOptions, rounds: number, log: (line: string) => void): Promise<EngineComparison> {
  ensureBotbuilderInstalled(log);
  const budget = { timeoutMs: (options.maxMs ?? 120_000) * 2 + 60_000 };
  const results: EngineComparison['rounds'] = [];
  for (let round = 0; round < rounds; round++) {
    const dialogwerk = await runJsonChild<EngineBenchResult>('bench/turns/inProcessEngine.ts', options, { ...budget, label: 'in-process engine' });
    const botbuilder = await runJsonChild<EngineBenchResult>('bench/turns/botbuilderBaseline.ts', options, { ...budget, label: 'botbuilder baseline' });
    for (const result of [dialogwerk, botbuilder]) {
      if (result.unexpectedReplies > 0) throw new Error(`${result.engine}: ${result.unexpectedReplies} unexpected replies, e.g. ${result.firstUnexpected}`);
    }
    log(`  (c) round ${round + 1}/${rounds}: Dialogwerk ${dialogwerk.turnsPerSecond.toFixed(0)} turns/s, botbuilder ${botbuilder.turnsPerSecond.toFixed(0)} turns/s`);
    results.push({ dialogwerk, botbuilder });
  }
  const ours = median(results.map((r) => r.dialogwerk.turnsPerSecond));
  const theirs = median(results.map((r) => r.botbuilder.turnsPerSecond));
  return {
    options,
    rounds: results,
    dialogwerkTurnsPerSecond: ours,
    botbuilderTurnsPerSecond: theirs,
    ratio: ours / theirs,
    dialogwerkCpuUsPerTurn: median(results.map((r) => r.dialogwerk.cpuUsPerTurn)),
    botbuilderCpuUsPerTurn: median(results.map((r) => r.botbuilder.cpuUsPerTurn)),
  };
}

const fmt = (n: number, digits = 0) => (Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a');
/** Ratios are cut, not rounded, so a value shown as meeting a goal does meet it (1.997 shows as 1.99). */
const ratio = (n: number) => (Number.isFinite(n) ? (Math.floor(n * 100) / 100).toFixed(2) : 'n/a');
const mib = (kib: number | undefined) => (kib === undefined ? 'n/a' : `${fmt(kib / 1024)} MiB`);

/** A run is void if nothing completed, a reply was not the expected next question, or more than 0.1 % of requests failed. */
function checkDriver(label: string, driver: { errors: number; unexpectedReplies: number; firstError?: string; turns: number; totalTurns: number }): void {
  if (driver.turns === 0) throw new Error(`${label}: no turns completed (${driver.firstError ?? 'no error recorded'})`);
  if (driver.unexpectedReplies > 0 || driver.errors > driver.totalTurns / 1000) {
    throw new Error(`${label}: ${driver.errors} errors, ${driver.unexpectedReplies} unexpected replies, e.g. ${driver.firstError}`);
  }
}

const errorsCell = (driver: { errors: number; retries: number }) => `${fmt(driver.errors)} / ${fmt(driver.retries)}`;

export async function runTurnsBenchmark(options: TurnsOptions, log: (line: string) => void): Promise<{ results: TurnsResults; rows: Row[] }> {
  const q = options.quick;
  const results: TurnsResults = {};
  const rows: Row[] = [];

  if (options.only.has('a')) {
    const conversations = 100;
    log(`(a) HTTP throughput: ${conversations} looping conversations, ${q ? '0.5 + 2' : '2 + 10'} s (warm-up + measured), baseline first …`);
    const a = await withLoad(options.quietWaitMs, log, () =>
      httpThroughput({ conversations, warmupMs: q ? 500 : 2_000, durationMs: q ? 2_000 : 10_000, profileDir: options.profileDir }),
    );
    checkDriver('(a) baseline', a.baseline.driver);
    checkDriver('(a) dialogwerk', a.dialogwerk.driver);
    results.a = a;
    rows.push(
      { scenario: '(a) HTTP, 100 looping', metric: 'bare Hono + libSQL write, turns/s', value: fmt(a.baseline.driver.turnsPerSecond), goal: '', met: null },
      { scenario: '(a) HTTP, 100 looping', metric: 'Dialogwerk serve, turns/s', value: fmt(a.dialogwerk.driver.turnsPerSecond), goal: '', met: null },
      { scenario: '(a) HTTP, 100 looping', metric: 'ratio Dialogwerk / baseline', value: ratio(a.ratio), goal: '>= 0.5', met: a.ratio >= 0.5 },
      {
        scenario: '(a) HTTP, 100 looping',
        metric: 'server CPU per request (Dialogwerk / baseline)',
        value: `${fmt(a.dialogwerk.serverCpuUsPerRequest ?? Number.NaN)} / ${fmt(a.baseline.serverCpuUsPerRequest ?? Number.NaN)} µs`,
        goal: '',
        met: null,
      },
      ...(a.dialogwerk.serverProbe
        ? [{ scenario: '(a) HTTP, 100 looping', metric: 'Dialogwerk event-loop utilisation', value: `${fmt(a.dialogwerk.serverProbe.eventLoopUtilization * 100)} %`, goal: '', met: null }]
        : []),
      { scenario: '(a) HTTP, 100 looping', metric: 'Dialogwerk p50 / p99 latency', value: `${fmt(a.dialogwerk.driver.latencyMs.p50, 1)} / ${fmt(a.dialogwerk.driver.latencyMs.p99, 1)} ms`, goal: '', met: null },
      {
        scenario: '(a) HTTP, 100 looping',
        metric: 'failed requests / keep-alive resends (Dialogwerk)',
        value: errorsCell(a.dialogwerk.driver),
        goal: '',
        met: null,
      },
      { scenario: '(a) HTTP, 100 looping', metric: 'peak RSS server (Dialogwerk / baseline)', value: `${mib(a.dialogwerk.serverPeakRssKiB)} / ${mib(a.baseline.serverPeakRssKiB)}`, goal: '', met: null },
    );
  }

  if (options.only.has('b')) {
    const conversations = q ? 200 : 1_000;
    log(`(b) latency: ${conversations} conversations answering once per second, ${q ? '1 + 3' : '5 + 15'} s (warm-up + measured) …`);
    const b = await withLoad(options.quietWaitMs, log, () =>
      latencyUnderLoad({ conversations, intervalMs: 1_000, warmupMs: q ? 1_000 : 5_000, durationMs: q ? 3_000 : 15_000, profileDir: options.profileDir }),
    );
    checkDriver('(b) dialogwerk', b.driver);
    results.b = b;
    const l = b.driver.latencyMs;
    rows.push(
      { scenario: `(b) ${fmt(conversations)} paced @1/s`, metric: 'reply latency p50 / p90', value: `${fmt(l.p50, 1)} / ${fmt(l.p90, 1)} ms`, goal: '', met: null },
      { scenario: `(b) ${fmt(conversations)} paced @1/s`, metric: 'reply latency p99', value: `${fmt(l.p99, 1)} ms`, goal: '< 25 ms', met: l.p99 < 25 },
      { scenario: `(b) ${fmt(conversations)} paced @1/s`, metric: 'reply latency max', value: `${fmt(l.max, 1)} ms`, goal: '', met: null },
      {
        scenario: `(b) ${fmt(conversations)} paced @1/s`,
        metric: 'p99 per second: best / worst second',
        value: `${fmt(Math.min(...b.driver.timeline.map((s) => s.p99)), 1)} / ${fmt(Math.max(...b.driver.timeline.map((s) => s.p99)), 1)} ms`,
        goal: '',
        met: null,
      },
      {
        scenario: `(b) ${fmt(conversations)} paced @1/s`,
        metric: 'server CPU per request',
        value: `${fmt(b.serverCpuUsPerRequest ?? Number.NaN)} µs`,
        goal: '',
        met: null,
      },
      { scenario: `(b) ${fmt(conversations)} paced @1/s`, metric: 'achieved / offered turns/s', value: `${fmt(b.driver.turnsPerSecond)} / ${fmt(b.offeredTurnsPerSecond)}`, goal: '', met: null },
      { scenario: `(b) ${fmt(conversations)} paced @1/s`, metric: 'failed requests / keep-alive resends', value: errorsCell(b.driver), goal: '', met: null },
      { scenario: `(b) ${fmt(conversations)} paced @1/s`, metric: 'peak RSS server', value: mib(b.serverPeakRssKiB), goal: '', met: null },
      ...(b.serverProbe
        ? [
            {
              scenario: `(b) ${fmt(conversations)} paced @1/s`,
              metric: 'server event-loop utilisation / longest stall',
              value: `${fmt(b.serverProbe.eventLoopUtilization * 100)} % / ${fmt(b.serverProbe.stalls.maxMs)} ms`,
              goal: '',
              met: null,
            },
            {
              scenario: `(b) ${fmt(conversations)} paced @1/s`,
              metric: 'server GC pauses: count / longest / mark-compacts',
              value: `${fmt(b.serverProbe.gc.count)} / ${fmt(b.serverProbe.gc.maxMs, 1)} ms / ${fmt(b.serverProbe.gc.markCompactCount)}`,
              goal: '',
              met: null,
            },
          ]
        : []),
      { scenario: `(b) ${fmt(conversations)} paced @1/s`, metric: 'driver: longest own stall', value: `${fmt(b.driver.driverStalls.maxMs)} ms`, goal: '', met: null },
    );
  }

  if (options.only.has('c')) {
    const engine: EngineBenchOptions = { conversations: 100, turnsPerConversation: q ? 30 : 300, warmupTurnsPerConversation: q ? 5 : 30, maxMs: 120_000 };
    const rounds = q ? 1 : options.engineRounds;
    log(`(c) in-process engine vs botbuilder: ${engine.conversations} concurrent conversations × ${engine.turnsPerConversation} turns, ${rounds} round(s) …`);
    const c = await withLoad(options.quietWaitMs, log, () => engineComparison(engine, rounds, log));
    results.c = c;
    const last = c.rounds[c.rounds.length - 1]!;
    rows.push(
      { scenario: '(c) in-process, 100 concurrent', metric: 'botbuilder-dialogs turns/s (median)', value: fmt(c.botbuilderTurnsPerSecond), goal: '', met: null },
      { scenario: '(c) in-process, 100 concurrent', metric: 'Dialogwerk engine turns/s (median)', value: fmt(c.dialogwerkTurnsPerSecond), goal: '', met: null },
      { scenario: '(c) in-process, 100 concurrent', metric: 'ratio Dialogwerk / botbuilder', value: `${ratio(c.ratio)}x`, goal: '>= 2x', met: c.ratio >= 2 },
      {
        scenario: '(c) in-process, 100 concurrent',
        metric: 'CPU per turn (Dialogwerk / botbuilder, median)',
        value: `${fmt(c.dialogwerkCpuUsPerTurn)} / ${fmt(c.botbuilderCpuUsPerTurn)} µs`,
        goal: '',
        met: null,
      },
      {
        scenario: '(c) in-process, 100 concurrent',
        metric: 'Dialogwerk turns per commit (avg / max)',
        value: `${fmt(last.dialogwerk.commits?.turnsPerBatch ?? Number.NaN, 1)} / ${fmt(last.dialogwerk.commits?.maxBatch ?? Number.NaN)}`,
        goal: '',
        met: null,
      },
      {
        scenario: '(c) in-process, 100 concurrent',
        metric: 'peak RSS (Dialogwerk / botbuilder)',
        value: `${mib(last.dialogwerk.memory.peakRssKiB)} / ${mib(last.botbuilder.memory.peakRssKiB)}`,
        goal: '',
        met: null,
      },
    );
  }
  return { results, rows };
}
