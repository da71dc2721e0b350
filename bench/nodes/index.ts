/**
 * The `nodes` benchmark: what the understanding and action nodes cost per turn, over HTTP on 127.0.0.1 against
 * `dialogwerk serve` (own process, fresh libSQL file, production settings), driven by scriptDriver.ts (own process).
 *   intent-faq  intent → faq in one turn (online-shop example), looping and paced, next to the plain ask flow
 *   stock       check_stock over a 10,000-product synthetic catalogue
 *   booking     book_slot: offer on start, then a booking of a slot no other conversation books
 *   memory      server memory after 10,000 live conversations of the intent → faq flow; matcher cache footprint
 */
import { readFileSync, existsSync, rmSync } from 'node:fs';
import { admin, ADMIN_TOKEN, runDriver, startDialogwerkServer, FLOW_ID, type BenchServer } from '../turns/servers.js';
import { runJsonChild } from '../turns/spawnProcess.js';
import { processTicks } from '../turns/machineLoad.js';
import type { DriverResult } from '../turns/loadDriver.js';
import type { LatencySummary } from '../turns/percentiles.js';
import { summarizeProbe, type ProbeSummary } from '../turns/probeSummary.js';
import { bookingFirstDay, bookingFlow, stockFlow, understandingFlow, BOOKING_FLOW_ID, STOCK_FLOW_ID, UNDERSTANDING_FLOW_ID } from './benchFlows.js';
import { catalogueCsv, syntheticCatalogue } from './catalogue.js';
import type { ScriptDriverArgs, ScriptDriverResult } from './scriptDriver.js';
import type { MatcherCacheResult } from './matcherFootprint.js';

export const NODE_SCENARIOS = ['intent-faq', 'stock', 'booking', 'memory'] as const;
export type NodeScenario = (typeof NODE_SCENARIOS)[number];

export interface NodesOptions {
  quick: boolean;
  only: Set<NodeScenario>;
  profileDir?: string;
}

export interface Measured<T> {
  driver: T;
  /** server CPU from the driver's start to its end, per request the driver completed */
  serverCpuUsPerRequest?: number;
  serverPeakRssKiB?: number;
  serverProbe?: ProbeSummary;
}

async function publish(url: string, flow: { id: string }): Promise<void> {
  await admin(url, 'PUT', `/v1/flows/${flow.id}`, flow);
  await admin(url, 'POST', `/v1/flows/${flow.id}/publish`, { note: 'benchmark' });
}

function runScript(args: ScriptDriverArgs): Promise<ScriptDriverResult> {
  const budget = (args.warmupMs ?? 0) + (args.durationMs ?? 0) + (args.mode === 'once' ? 10 * 60_000 : 70_000);
  return runJsonChild<ScriptDriverResult>('bench/nodes/scriptDriver.ts', args, { timeoutMs: budget, label: `script driver (${args.script}, ${args.mode})` });
}

/** Runs a driver against a server, with the server's CPU, peak RSS and probe; the server is always disposed of. */
async function measure<T extends { windowStartEpochMs: number }>(server: BenchServer, requests: (driver: T) => number, windowMs: (driver: T) => number, run: () => Promise<T>): Promise<Measured<T>> {
  let result: Measured<T>;
  try {
    const pid = server.child.pid!;
    const before = processTicks(pid);
    const driver = await run();
    const after = processTicks(pid);
    const cpuMs = before === undefined || after === undefined ? undefined : (after - before) * 10;
    result = { driver, serverPeakRssKiB: server.peakRssKiB(), serverCpuUsPerRequest: cpuMs === undefined ? undefined : (cpuMs * 1000) / Math.max(1, requests(driver)) };
  } catch (error) {
    await server.dispose();
    throw error;
  }
  const probe = await server.dispose();
  if (probe) result.serverProbe = summarizeProbe(probe, result.driver.windowStartEpochMs, windowMs(result.driver));
  return result;
}

function checkScript(label: string, driver: ScriptDriverResult): void {
  if (driver.totalRequests === 0) throw new Error(`${label}: no request completed (${driver.firstError ?? 'no error recorded'})`);
  if (driver.unexpectedReplies > 0 || driver.errors > driver.totalRequests / 1000) {
    throw new Error(`${label}: ${driver.errors} errors, ${driver.unexpectedReplies} unexpected replies, e.g. ${driver.firstError}`);
  }
}

const scriptMeasure = (server: BenchServer, args: Omit<ScriptDriverArgs, 'baseUrl'>) =>
  measure<ScriptDriverResult>(server, (d) => d.totalRequests, (d) => d.windowMs, () => runScript({ ...args, baseUrl: server.url } as ScriptDriverArgs)).then((m) => {
    checkScript(`${args.script} ${args.mode}`, m.driver);
    return m;
  });

const profile = (options: NodesOptions, name: string) => (options.profileDir ? { profileDir: `${options.profileDir}/${name}` } : {});

export interface IntentFaqResult {
  plainLoop: Measured<DriverResult>;
  faqLoop: Measured<ScriptDriverResult>;
  faqPaced: Measured<ScriptDriverResult>;
  /** half the load of faqPaced: latency below saturation */
  faqPacedHalf: Measured<ScriptDriverResult>;
}

async function intentFaq(options: NodesOptions, log: (line: string) => void): Promise<IntentFaqResult> {
  const q = options.quick;
  const loop = { conversations: 100, warmupMs: q ? 500 : 2_000, durationMs: q ? 2_000 : 10_000 };
  log(`  plain ask flow, ${loop.conversations} looping …`);
  const plainServer = await startDialogwerkServer(profile(options, 'intent-faq-plain'));
  const plainLoop = await measure<DriverResult>(plainServer, (d) => d.totalTurns + d.conversations, (d) => d.windowMs, () =>
    runDriver({ target: 'dialogwerk', baseUrl: plainServer.url, flowId: FLOW_ID, mode: 'loop', ...loop }),
  );
  if (plainLoop.driver.unexpectedReplies || plainLoop.driver.errors > plainLoop.driver.totalTurns / 1000) throw new Error(`plain loop: ${plainLoop.driver.firstError}`);

  log(`  intent → faq, ${loop.conversations} looping …`);
  const loopServer = await startDialogwerkServer(profile(options, 'intent-faq-loop'));
  await publish(loopServer.url, understandingFlow());
  const faqLoop = await scriptMeasure(loopServer, { flowId: UNDERSTANDING_FLOW_ID, script: 'faq', mode: 'loop', ...loop });

  const paced = async (conversations: number, name: string) => {
    const args = { conversations, intervalMs: 1_000, warmupMs: q ? 1_000 : 5_000, durationMs: q ? 3_000 : 15_000 };
    log(`  intent → faq, ${conversations} paced @1/s …`);
    const server = await startDialogwerkServer(profile(options, name));
    await publish(server.url, understandingFlow());
    return scriptMeasure(server, { flowId: UNDERSTANDING_FLOW_ID, script: 'faq', mode: 'paced', ...args });
  };
  // The plain flow's paced scenario (b) runs 1,000 conversations; the half load shows latency below saturation.
  const faqPaced = await paced(q ? 200 : 1_000, 'intent-faq-paced');
  const faqPacedHalf = await paced(q ? 100 : 500, 'intent-faq-paced-half');
  return { plainLoop, faqLoop, faqPaced, faqPacedHalf };
}

export interface StockResult {
  products: number;
  importMs: number;
  loop: Measured<ScriptDriverResult>;
}

async function stock(options: NodesOptions, log: (line: string) => void): Promise<StockResult> {
  const q = options.quick;
  const products = 10_000;
  const server = await startDialogwerkServer(profile(options, 'stock'));
  let importMs: number;
  try {
    const csv = catalogueCsv(syntheticCatalogue(products));
    const started = performance.now();
    const response = await fetch(`${server.url}/v1/inventory/import?mode=replace`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'text/csv' },
      body: csv,
      signal: AbortSignal.timeout(60_000),
    });
    if (!response.ok) throw new Error(`inventory import: HTTP ${response.status} ${(await response.text()).slice(0, 500)}`);
    await response.text();
    importMs = performance.now() - started;
    await publish(server.url, stockFlow());
  } catch (error) {
    await server.dispose();
    throw error;
  }
  log(`  imported ${products.toLocaleString('en-US')} products in ${Math.round(importMs)} ms; 100 looping …`);
  const loop = await scriptMeasure(server, {
    flowId: STOCK_FLOW_ID, script: 'stock', mode: 'loop', conversations: 100, catalogueSize: products, warmupMs: q ? 500 : 2_000, durationMs: q ? 2_000 : 10_000,
    // 100 customers asking at once queue for seconds behind ~5 ms searches; a timeout would hide that as an error.
    requestTimeoutMs: 30_000,
  });
  return { products, importMs, loop };
}

export interface BookingResult {
  /** the first offer on an empty calendar (single request, cold) */
  firstOfferMs: number;
  loop: Measured<ScriptDriverResult>;
  /** one offer after the run, with every booking of the run in the calendar (median of 5) */
  offerAfterMs: number;
}

async function timedStart(url: string, flowId: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}/v1/bots/${flowId}/conversations`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  if (response.status !== 201) throw new Error(`start ${flowId}: HTTP ${response.status} ${(await response.text()).slice(0, 300)}`);
  await response.text();
  return performance.now() - started;
}

async function booking(options: NodesOptions, log: (line: string) => void): Promise<BookingResult> {
  const q = options.quick;
  const firstDay = bookingFirstDay();
  const server = await startDialogwerkServer(profile(options, 'booking'));
  let firstOfferMs: number;
  try {
    await publish(server.url, bookingFlow(firstDay));
    firstOfferMs = await timedStart(server.url, BOOKING_FLOW_ID);
  } catch (error) {
    await server.dispose();
    throw error;
  }
  log(`  first offer ${firstOfferMs.toFixed(1)} ms; 100 conversations booking distinct slots, looping …`);
  let offerAfterMs = Number.NaN;
  const loop = await measure<ScriptDriverResult>(server, (d) => d.totalRequests, (d) => d.windowMs, async () => {
    const driver = await runScript({
      baseUrl: server.url, flowId: BOOKING_FLOW_ID, script: 'booking', mode: 'loop', conversations: 100, bookingFirstDay: firstDay,
      warmupMs: q ? 500 : 2_000, durationMs: q ? 2_000 : 10_000,
    });
    const after: number[] = [];
    for (let i = 0; i < 5; i++) after.push(await timedStart(server.url, BOOKING_FLOW_ID));
    offerAfterMs = after.sort((a, b) => a - b)[2]!;
    return driver;
  });
  checkScript('booking loop', loop.driver);
  return { firstOfferMs, loop, offerAfterMs };
}

export interface MemorySnapshot {
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  gc: boolean;
}

export interface MemoryResult {
  conversations: number;
  idle: MemorySnapshot;
  afterOne: MemorySnapshot;
  afterAll: MemorySnapshot;
  fill: ScriptDriverResult;
  heapPerConversationBytes: number;
  rssPerConversationBytes: number;
  serverPeakRssKiB?: number;
  matcherCache: MatcherCacheResult;
}

async function snapshot(server: BenchServer): Promise<MemorySnapshot> {
  const file = `${server.dataDir}/probe.json.memory.json`;
  rmSync(file, { force: true });
  server.child.kill('SIGUSR2');
  for (let waited = 0; waited < 10_000; waited += 50) {
    if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as MemorySnapshot;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('memory snapshot: the server probe did not answer SIGUSR2');
}

async function memory(options: NodesOptions, log: (line: string) => void): Promise<MemoryResult> {
  const conversations = options.quick ? 1_000 : 10_000;
  const server = await startDialogwerkServer({ exposeGc: true });
  let result: Omit<MemoryResult, 'matcherCache'>;
  try {
    await publish(server.url, understandingFlow());
    const idle = await snapshot(server);
    const args = { baseUrl: server.url, flowId: UNDERSTANDING_FLOW_ID, script: 'faq', mode: 'once', concurrency: 50, messagesPerConversation: 1 } as const;
    await runScript({ ...args, conversations: 1 });
    const afterOne = await snapshot(server);
    log(`  ${conversations.toLocaleString('en-US')} conversations of the intent → faq flow, one answered question each …`);
    const fill = await runScript({ ...args, conversations });
    checkScript('memory fill', fill);
    const afterAll = await snapshot(server);
    result = {
      conversations,
      idle,
      afterOne,
      afterAll,
      fill,
      heapPerConversationBytes: (afterAll.heapUsed - afterOne.heapUsed) / conversations,
      rssPerConversationBytes: (afterAll.rss - afterOne.rss) / conversations,
      serverPeakRssKiB: server.peakRssKiB(),
    };
  } finally {
    await server.dispose();
  }
  log('  matcher cache: 64 flows × 20 intents, in a separate process …');
  const matcherCache = await runJsonChild<MatcherCacheResult>('bench/nodes/matcherFootprint.ts', { flows: 64, intents: 20, examplesPerIntent: 10 }, {
    timeoutMs: 5 * 60_000,
    label: 'matcher footprint',
  });
  return { ...result, matcherCache };
}

export interface NodesResults {
  'intent-faq'?: IntentFaqResult;
  stock?: StockResult;
  booking?: BookingResult;
  memory?: MemoryResult;
}

export interface NodesRow {
  scenario: string;
  metric: string;
  value: string;
  goal: string;
  met: boolean | null;
}

const fmt = (n: number | undefined, digits = 0) =>
  n !== undefined && Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits }) : 'n/a';
const mib = (bytes: number | undefined) => (bytes === undefined ? 'n/a' : `${fmt(bytes / 2 ** 20, 1)} MiB`);
const lat = (l: LatencySummary | undefined) => (l ? `${fmt(l.p50, 1)} / ${fmt(l.p95, 1)} / ${fmt(l.p99, 1)} ms` : 'n/a');

export async function runNodesBenchmark(
  options: NodesOptions,
  log: (line: string) => void,
  around: <T>(run: () => Promise<T>) => Promise<T>,
): Promise<{ results: NodesResults; rows: NodesRow[] }> {
  const results: NodesResults = {};
  const rows: NodesRow[] = [];
  const row = (scenario: string, metric: string, value: string) => rows.push({ scenario, metric, value, goal: '', met: null });

  if (options.only.has('intent-faq')) {
    log('(intent-faq) intent → faq chain vs the plain ask flow …');
    const r = (results['intent-faq'] = await around(() => intentFaq(options, log)));
    const s = '(intent-faq) HTTP';
    const faq = r.faqLoop.driver.labels.faq;
    row(s, 'plain ask flow, 100 looping: turns/s', fmt(r.plainLoop.driver.turnsPerSecond));
    row(s, 'plain ask flow: p50 / p95 / p99', lat(r.plainLoop.driver.latencyMs));
    row(s, 'plain ask flow: server CPU per request', `${fmt(r.plainLoop.serverCpuUsPerRequest)} µs`);
    row(s, 'intent → faq, 100 looping: turns/s', fmt(faq?.perSecond));
    row(s, 'intent → faq, looping: p50 / p95 / p99', lat(faq?.latencyMs));
    row(s, 'intent → faq: server CPU per request', `${fmt(r.faqLoop.serverCpuUsPerRequest)} µs`);
    row(s, 'ratio intent → faq / plain (turns/s)', fmt((faq?.perSecond ?? Number.NaN) / r.plainLoop.driver.turnsPerSecond, 2));
    for (const run of [r.faqPaced, r.faqPacedHalf]) {
      const paced = run.driver.labels.faq;
      const n = fmt(run.driver.conversations);
      row(s, `intent → faq, ${n} paced @1/s: achieved turns/s`, fmt(paced?.perSecond));
      row(s, `intent → faq, ${n} paced: p50 / p95 / p99 / max`, `${lat(paced?.latencyMs).replace(' ms', '')} / ${fmt(paced?.latencyMs.max, 1)} ms`);
      if (run.serverProbe) {
        row(s, `intent → faq, ${n} paced: server CPU per request / event-loop utilisation / longest GC`, `${fmt(run.serverCpuUsPerRequest)} µs / ${fmt(run.serverProbe.eventLoopUtilization * 100)} % / ${fmt(run.serverProbe.gc.maxMs, 1)} ms`);
      }
    }
    const o = r.faqLoop.driver.outcomes;
    row(s, 'answers (expected / other entry / no_match)', `${fmt(o['answered as expected'] ?? 0)} / ${fmt(o['answered otherwise'] ?? 0)} / ${fmt(o['no answer (no_match)'] ?? 0)}`);
  }

  if (options.only.has('stock')) {
    log('(stock) check_stock over 10,000 products …');
    const r = (results.stock = await around(() => stock(options, log)));
    const s = '(stock) HTTP, 100 looping';
    const lookups = r.loop.driver.labels.stock;
    const choose = r.loop.driver.labels.choose;
    row(s, 'CSV import of 10,000 products', `${fmt(r.importMs)} ms`);
    row(s, 'lookups/s (plus "choose" turns/s)', `${fmt(lookups?.perSecond)} (+ ${fmt(choose?.perSecond ?? 0)})`);
    row(s, 'lookup turn p50 / p95 / p99', lat(lookups?.latencyMs));
    row(s, 'server CPU per request', `${fmt(r.loop.serverCpuUsPerRequest)} µs`);
    row(s, 'peak RSS server', mib((r.loop.serverPeakRssKiB ?? Number.NaN) * 1024));
    const o = r.loop.driver.outcomes;
    const total = Object.values(o).reduce((a, b) => a + b, 0);
    const chose = Object.entries(o).filter(([key]) => key.endsWith('asked to choose')).reduce((a, [, n]) => a + n, 0);
    row(s, 'lookups answered at once / "Meinten Sie …?"', `${fmt(total - chose)} / ${fmt(chose)} (unknown products offered a choice: ${fmt(o['unknown: asked to choose'] ?? 0)} of ${fmt((o['unknown: asked to choose'] ?? 0) + (o['unknown: answered'] ?? 0))})`);
  }

  if (options.only.has('booking')) {
    log('(booking) book_slot …');
    const r = (results.booking = await around(() => booking(options, log)));
    const s = '(booking) HTTP, 100 looping';
    const book = r.loop.driver.labels.book;
    const offer = r.loop.driver.labels.offer;
    row(s, 'first offer turn, empty calendar (cold)', `${fmt(r.firstOfferMs, 1)} ms`);
    row(s, 'bookings/s (each with its offer turn)', fmt(book?.perSecond));
    row(s, 'booking turn p50 / p95 / p99', lat(book?.latencyMs));
    row(s, 'offer turn (start) p50 / p95 / p99', lat(offer?.latencyMs));
    row(s, 'server CPU per request', `${fmt(r.loop.serverCpuUsPerRequest)} µs`);
    row(s, 'offer after the run (bookings in calendar), median of 5', `${fmt(r.offerAfterMs, 1)} ms (${fmt(r.loop.driver.outcomes.booked ?? 0)} bookings)`);
  }

  if (options.only.has('memory')) {
    log('(memory) live conversations and the matcher cache …');
    const r = (results.memory = await around(() => memory(options, log)));
    const s = `(memory) ${fmt(r.conversations)} conversations`;
    row(s, 'server heap / RSS idle (flow published)', `${mib(r.idle.heapUsed)} / ${mib(r.idle.rss)}`);
    row(s, 'server heap / RSS after 1 conversation', `${mib(r.afterOne.heapUsed)} / ${mib(r.afterOne.rss)}`);
    row(s, `server heap / RSS after ${fmt(r.conversations)}`, `${mib(r.afterAll.heapUsed)} / ${mib(r.afterAll.rss)}`);
    row(s, 'live heap per conversation', `${fmt(r.heapPerConversationBytes / 1024, 1)} KiB`);
    row(s, 'peak RSS server', mib((r.serverPeakRssKiB ?? Number.NaN) * 1024));
    const m = r.matcherCache;
    const c = `(memory) matcher cache ${m.flows} × ${m.intents} intents`;
    row(c, 'heap of the full cache / per matcher', `${mib(m.cacheHeapBytes)} / ${fmt(m.perMatcherBytes / 1024, 0)} KiB`);
    row(c, 'training per matcher (median / max)', `${fmt(m.trainingMs.p50, 1)} / ${fmt(m.trainingMs.max, 1)} ms`);
    row(c, 'match per utterance: 20 intents (cache hit incl. key hash)', `${fmt(m.matchUs20, 0)} µs (${fmt(m.cacheGetUs, 0)} µs of it cache key)`);
  }
  return { results, rows };
}
