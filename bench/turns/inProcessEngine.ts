/**
 * (c) In-process engine: Dialogwerk's ConversationService without HTTP. createRuntime() with a fresh libSQL file
 * (WAL, synchronous=NORMAL, as in production), the looping three-question flow PUT and published through the admin
 * API (app.request, no network), then N conversations loop concurrently; every turn is durably committed before
 * its promise resolves (the TurnCommitter batches the turns that finish in the same tick).
 *
 * Runs in its own process so memory numbers are its own: `node bin/run-ts.js bench/turns/inProcessEngine.ts '<JSON>'`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
// @ts-expect-error plain JavaScript helper of the bin scripts
import { runtimeBundleIsFresh, runtimeLibraryBundle } from '../../bin/runtimeBundle.js';
import { loopingThreeQuestionFlow } from '../../runtime/src/testing/flowFixtures.js';
import { isMainModule } from './spawnProcess.js';

// Measure the engine as `npm start` runs it: the prebuilt bundle when it is up to date, else the sources.
const runtimeModule: typeof import('../../runtime/src/index.js') = runtimeBundleIsFresh()
  ? await import(pathToFileURL(runtimeLibraryBundle).href)
  : await import('../../runtime/src/index.js');
const { createRuntime, readRuntimeConfig } = runtimeModule;

export interface EngineBenchOptions {
  conversations: number;
  /** timed turns per conversation */
  turnsPerConversation: number;
  /** untimed turns per conversation before the clock starts */
  warmupTurnsPerConversation: number;
  /** hard time limit for the timed phase */
  maxMs?: number;
}

export interface EngineMemory {
  peakRssKiB: number;
  rssAfterKiB: number;
  heapUsedAfterKiB: number;
}

export interface EngineBenchResult {
  engine: string;
  conversations: number;
  turns: number;
  elapsedMs: number;
  turnsPerSecond: number;
  /** CPU time of this process (all threads) per timed turn: robust against other load on the machine */
  cpuUsPerTurn: number;
  unexpectedReplies: number;
  firstUnexpected?: string;
  memory: EngineMemory;
  /** Dialogwerk only: how the group commit batched the timed turns */
  commits?: { batches: number; turns: number; turnsPerBatch: number; maxBatch: number };
}

export const ANSWERS = ['Ada', 'ada@example.com', 'ja'] as const;
const NEXT_INPUT = ['email', 'yesno', 'text'] as const;

export function memoryNow(): EngineMemory {
  const usage = process.memoryUsage();
  return {
    peakRssKiB: process.resourceUsage().maxRSS,
    rssAfterKiB: Math.round(usage.rss / 1024),
    heapUsedAfterKiB: Math.round(usage.heapUsed / 1024),
  };
}

export async function runInProcessEngine(options: EngineBenchOptions): Promise<EngineBenchResult> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'dialogwerk-engine-bench-'));
  const flowId = 'bench-three-questions';
  const adminToken = 'bench-admin-token-0123456789';
  const runtime = await createRuntime({
    ...readRuntimeConfig({}),
    dataDir,
    databaseUrl: `file:${path.join(dataDir, 'dialogwerk.db')}`,
    adminToken,
    logLevel: 'warn',
    purgeIntervalSeconds: 0,
    exampleFlows: false,
  });
  try {
    const headers = { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' };
    for (const [method, route, body] of [
      ['PUT', `/v1/flows/${flowId}`, loopingThreeQuestionFlow(flowId)],
      ['POST', `/v1/flows/${flowId}/publish`, { note: 'benchmark' }],
    ] as const) {
      const response = await runtime.app.request(route, { method, headers, body: JSON.stringify(body) });
      if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${await response.text()}`);
    }

    const service = runtime.conversations;
    const conversations = await Promise.all(
      Array.from({ length: options.conversations }, async () => {
        const started = await service.start({ flowId });
        if (started.input?.type !== 'text') throw new Error(`start: unexpected reply ${JSON.stringify(started)}`);
        return { id: started.conversationId, token: started.token, k: 0 };
      }),
    );

    let unexpected = 0;
    let firstUnexpected: string | undefined;
    const loop = async (conversation: (typeof conversations)[number], turns: number, deadline: number) => {
      for (let i = 0; i < turns && performance.now() < deadline; i++) {
        const k = conversation.k++;
        const reply = await service.send(conversation.id, conversation.token, { id: `m${k}`, text: ANSWERS[k % 3] });
        if (reply.status !== 'awaiting_input' || reply.input?.type !== NEXT_INPUT[k % 3]) {
          unexpected++;
          firstUnexpected ??= JSON.stringify(reply).slice(0, 300);
        }
      }
    };

    const limit = options.maxMs ?? 120_000;
    await Promise.all(conversations.map((c) => loop(c, options.warmupTurnsPerConversation, performance.now() + limit)));
    const before = { ...service.committer.stats };
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    await Promise.all(conversations.map((c) => loop(c, options.turnsPerConversation, startedAt + limit)));
    const elapsedMs = performance.now() - startedAt;
    const cpu = process.cpuUsage(cpuBefore);
    const after = service.committer.stats;
    const turns = after.turns - before.turns;
    const batches = after.batches - before.batches;
    return {
      engine: 'dialogwerk ConversationService (libSQL file, WAL, synchronous=NORMAL, group commit)',
      conversations: options.conversations,
      turns,
      elapsedMs,
      turnsPerSecond: turns / (elapsedMs / 1000),
      cpuUsPerTurn: (cpu.user + cpu.system) / turns,
      unexpectedReplies: unexpected,
      ...(firstUnexpected ? { firstUnexpected } : {}),
      memory: memoryNow(),
      commits: { batches, turns, turnsPerBatch: batches ? turns / batches : 0, maxBatch: after.maxBatch },
    };
  } finally {
    await runtime.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

if (isMainModule(import.meta.url)) {
  const result = await runInProcessEngine(JSON.parse(process.argv[2] ?? '{}') as EngineBenchOptions);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
