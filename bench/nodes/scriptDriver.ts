/**
 * HTTP load driver for the `nodes` benchmark, run in its own process:
 * `node bin/run-ts.js bench/nodes/scriptDriver.ts '<ScriptDriverArgs JSON>'`; prints one JSON line (ScriptDriverResult).
 *
 * Like bench/turns/loadDriver.ts (same keep-alive client and resend rule), but what each conversation sends comes
 * from a script (conversationScripts.ts), and latency is kept per request label (start, faq, offer, book …).
 * - `loop`: every conversation sends its next request as soon as the previous reply arrived.
 * - `paced`: one request per conversation per `intervalMs`, spread evenly; late replies skip slots, no bursts.
 * - `once`: `conversations` conversations, `concurrency` at a time, each runs `messagesPerConversation` messages
 *   and stops (no window: every request counts). Used to fill a server with live conversations.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { post } from '../turns/loadDriver.js';
import { SampleBuffer, summarize, type LatencySummary } from '../turns/percentiles.js';
import { isMainModule } from '../turns/spawnProcess.js';
import { createScript, type Action, type ConversationState, type ParsedReply, type ScriptName, type ScriptOptions } from './conversationScripts.js';

export interface ScriptDriverArgs extends ScriptOptions {
  baseUrl: string;
  flowId: string;
  script: ScriptName;
  mode: 'loop' | 'paced' | 'once';
  conversations: number;
  warmupMs?: number;
  durationMs?: number;
  intervalMs?: number;
  /** once: conversations in flight at a time */
  concurrency?: number;
  /** once: messages after the start */
  messagesPerConversation?: number;
  requestTimeoutMs?: number;
}

export interface LabelResult {
  /** requests with this label completed inside the window */
  count: number;
  perSecond: number;
  latencyMs: LatencySummary;
}

export interface ScriptDriverResult {
  script: ScriptName;
  mode: ScriptDriverArgs['mode'];
  conversations: number;
  windowMs: number;
  windowStartEpochMs: number;
  /** every request completed, warm-up and drain included */
  totalRequests: number;
  labels: Record<string, LabelResult>;
  /** per second of the window, all labels together */
  timeline: { second: number; requests: number; p50: number; p99: number }[];
  outcomes: Record<string, number>;
  errors: number;
  retries: number;
  unexpectedReplies: number;
  firstError?: string;
  driverStalls: { count: number; maxMs: number };
  driverCpuMs: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function driveScript(args: ScriptDriverArgs): Promise<ScriptDriverResult> {
  const baseUrl = new URL(args.baseUrl);
  if (baseUrl.hostname !== '127.0.0.1' && baseUrl.hostname !== 'localhost') throw new Error('the load driver only talks to 127.0.0.1');
  const timeoutMs = args.requestTimeoutMs ?? 10_000;
  const inFlight = args.mode === 'once' ? (args.concurrency ?? 50) : args.conversations;
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(100, inFlight), maxFreeSockets: Math.max(100, inFlight) });
  const script = createScript(args.script, args);
  const startPath = `/v1/bots/${encodeURIComponent(args.flowId)}/conversations`;

  const samples = new Map<string, SampleBuffer>();
  let errors = 0;
  let retries = 0;
  let unexpected = 0;
  let totalRequests = 0;
  let firstError: string | undefined;
  const countRetry = () => void retries++;

  const windowed = args.mode !== 'once';
  const t0 = performance.now();
  const windowStart = t0 + (windowed ? (args.warmupMs ?? 0) : 0);
  const windowEnd = windowed ? windowStart + (args.durationMs ?? 10_000) : Number.POSITIVE_INFINITY;
  const seconds = Array.from({ length: windowed ? Math.ceil((args.durationMs ?? 10_000) / 1000) : 0 }, () => [] as number[]);
  const guardMs = windowed ? windowEnd - t0 + timeoutMs + 10_000 : 10 * 60_000;
  const guard = setTimeout(() => {
    process.stderr.write('script driver: hard deadline passed, exiting\n');
    process.exit(3);
  }, guardMs);
  guard.unref();

  const stalls: number[] = [];
  let lastTick = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    const late = now - lastTick - 10;
    if (late > 20 && now >= windowStart && now < windowEnd) stalls.push(Math.round(late));
    lastTick = now;
  }, 10);

  const connection = new Map<number, { path: string; headers: Record<string, string> }>();

  /** One request of one conversation; false when it failed (the same action is tried again). */
  const step = async (state: ConversationState): Promise<boolean> => {
    const action: Action = script.next(state);
    const isStart = action.kind === 'start';
    const target = isStart ? { path: startPath, headers: {} } : connection.get(state.index);
    if (!target) throw new Error('message before start');
    const body = isStart ? '{}' : JSON.stringify(action.kind === 'send' ? action.body : {});
    const sentAt = performance.now();
    let status: number;
    let text: string;
    try {
      ({ status, body: text } = await post(agent, baseUrl, target.path, body, target.headers, timeoutMs, countRetry));
    } catch (error) {
      errors++;
      firstError ??= (error as Error).message;
      return false;
    }
    const doneAt = performance.now();
    totalRequests++;
    if (status !== (isStart ? 201 : 200)) {
      errors++;
      firstError ??= `${action.label}: HTTP ${status} ${text.slice(0, 300)}`;
      return false;
    }
    const reply = JSON.parse(text) as ParsedReply;
    if (isStart) {
      state.sent = 0;
      connection.set(state.index, { path: `/v1/conversations/${reply.conversationId}/messages`, headers: { authorization: `Bearer ${reply.token}` } });
    } else {
      state.sent++;
    }
    const problem = script.check(state, action, reply);
    if (problem) {
      unexpected++;
      firstError ??= `${action.label}: ${problem}`;
    }
    state.last = reply;
    if (doneAt >= windowStart && doneAt < windowEnd) {
      let buffer = samples.get(action.label);
      if (!buffer) samples.set(action.label, (buffer = new SampleBuffer()));
      buffer.push(doneAt - sentAt);
      if (windowed) seconds[Math.floor((doneAt - windowStart) / 1000)]?.push(doneAt - sentAt);
    }
    return true;
  };

  const loop = async (index: number) => {
    const state: ConversationState = { index, sent: 0 };
    while (performance.now() < windowEnd) {
      if (!(await step(state))) await sleep(10);
    }
  };

  const interval = args.intervalMs ?? 1_000;
  const paced = async (index: number) => {
    const state: ConversationState = { index, sent: 0 };
    // The conversation starts before the clock's first slot (its start is not a paced turn).
    while (!state.last && performance.now() < windowEnd) if (!(await step(state))) await sleep(10);
    const offset = (index * interval) / args.conversations;
    for (let slot = 0; ; ) {
      const due = t0 + offset + slot * interval;
      if (due >= windowEnd) break;
      for (let now = performance.now(); now < due; now = performance.now()) await sleep(Math.ceil(due - now));
      await step(state);
      slot = Math.max(slot + 1, Math.ceil((performance.now() - t0 - offset) / interval));
    }
  };

  if (args.mode === 'once') {
    let next = 0;
    const messages = args.messagesPerConversation ?? 1;
    await Promise.all(
      Array.from({ length: Math.min(inFlight, args.conversations) }, async () => {
        while (next < args.conversations) {
          const state: ConversationState = { index: next++, sent: 0 };
          for (let attempts = 0; (!state.last || state.sent < messages) && attempts < messages + 5; attempts++) await step(state);
          connection.delete(state.index);
        }
      }),
    );
  } else {
    await Promise.all(Array.from({ length: args.conversations }, (_, index) => (args.mode === 'loop' ? loop(index) : paced(index))));
  }
  clearTimeout(guard);
  clearInterval(ticker);
  agent.destroy();

  const windowMs = windowed ? (args.durationMs ?? 10_000) : performance.now() - t0;
  const labels: Record<string, LabelResult> = {};
  for (const [label, buffer] of samples) {
    labels[label] = { count: buffer.length, perSecond: buffer.length / (windowMs / 1000), latencyMs: summarize(buffer.values()) };
  }
  const cpu = process.cpuUsage();
  const round = (n: number) => Math.round(n * 10) / 10;
  return {
    script: args.script,
    mode: args.mode,
    conversations: args.conversations,
    windowMs: Math.round(windowMs),
    windowStartEpochMs: Math.round(performance.timeOrigin + windowStart),
    totalRequests,
    labels,
    timeline: seconds.map((values, second) => {
      const summary = summarize(values);
      return { second, requests: values.length, p50: round(summary.p50), p99: round(summary.p99) };
    }),
    outcomes: script.outcomes,
    errors,
    retries,
    unexpectedReplies: unexpected,
    ...(firstError ? { firstError } : {}),
    driverStalls: { count: stalls.length, maxMs: Math.max(0, ...stalls) },
    driverCpuMs: Math.round((cpu.user + cpu.system) / 1000),
  };
}

if (isMainModule(import.meta.url)) {
  const raw = process.argv[2];
  if (!raw) {
    process.stderr.write('usage: scriptDriver.ts <ScriptDriverArgs JSON>\n');
    process.exit(2);
  }
  const result = await driveScript(JSON.parse(raw) as ScriptDriverArgs);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
