/**
 * HTTP load driver, run in its own process: `node bin/run-ts.js bench/turns/loadDriver.ts '<DriverArgs JSON>'`.
 * Prints one JSON line (DriverResult) on stdout; progress and problems go to stderr.
 *
 * - `loop`: every conversation sends its next answer as soon as the previous reply arrived (closed loop, no pause).
 * - `paced`: every conversation sends one answer per `intervalMs`; conversation i starts at i/N of the interval, so
 *   sends are spread evenly. A send whose previous reply is still outstanding goes out as soon as the reply arrives
 *   (counted in `lateSends`); slots that passed meanwhile are skipped (`skippedSlots`), not sent in a burst.
 *
 * Only turns completed inside the measurement window (after `warmupMs`, for `durationMs`) count. Every loop is
 * bounded by time (hard deadline) and count (`maxTurnsPerConversation`); requests time out after `requestTimeoutMs`.
 * Connections are keep-alive (node:http Agent, maxSockets = conversations).
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { SampleBuffer, summarize, type LatencySummary } from './percentiles.js';
import { isMainModule } from './spawnProcess.js';

export interface DriverArgs {
  /** `dialogwerk`: start conversations, then POST answers to /v1/conversations/:id/messages. `bare`: POST /turn. */
  target: 'dialogwerk' | 'bare';
  baseUrl: string;
  flowId?: string;
  mode: 'loop' | 'paced';
  conversations: number;
  warmupMs: number;
  durationMs: number;
  /** paced mode: time between two answers of one conversation */
  intervalMs?: number;
  requestTimeoutMs?: number;
  maxTurnsPerConversation?: number;
  /** how many conversations are started at once before the load phase (dialogwerk only) */
  startConcurrency?: number;
}

export interface DriverResult {
  target: DriverArgs['target'];
  mode: DriverArgs['mode'];
  conversations: number;
  /** wall time to start all conversations (dialogwerk) */
  startMs: number;
  windowMs: number;
  /** turns completed inside the window */
  turns: number;
  turnsPerSecond: number;
  /** all turns, including warm-up and drain */
  totalTurns: number;
  errors: number;
  /** requests resent once because a kept-alive socket was closed under them (not errors) */
  retries: number;
  /** replies with status 200 but not the expected next question */
  unexpectedReplies: number;
  firstError?: string;
  /** reply latency: from the moment the request was written to the full reply body (window only) */
  latencyMs: LatencySummary;
  /** paced only: from the scheduled send time to the reply, i.e. including any lateness of the send */
  scheduledLatencyMs?: LatencySummary;
  lateSends: number;
  /** paced only: send slots skipped because the previous reply arrived after them */
  skippedSlots: number;
  /** wall-clock time (Date.now()) at which the measurement window started, to line up with server-side logs */
  windowStartEpochMs: number;
  /** per second of the window: completed turns and their latency (from the send) */
  timeline: { second: number; turns: number; p50: number; p99: number; max: number }[];
  /** the driver's own event loop blocked (10 ms tick > 20 ms late) inside the window: such latency is not the server's */
  driverStalls: { count: number; maxMs: number; worst: { atS: number; ms: number }[] };
  driverCpuMs: number;
  driverPeakRssKiB: number;
}

const ANSWERS = ['Ada', 'ada@example.com', 'ja'] as const;
/** After answering question k (name, email, yes/no), the bot asks this input type next. */
const NEXT_INPUT = ['email', 'yesno', 'text'] as const;

interface Reply {
  status: number;
  body: string;
}

interface PostError extends Error {
  code?: string;
  /** the request went out on a kept-alive socket that the server may have closed meanwhile */
  reusedSocket?: boolean;
}

function postOnce(agent: http.Agent, url: URL, path: string, body: string, headers: Record<string, string>, timeoutMs: number): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      {
        agent,
        host: url.hostname,
        port: url.port,
        method: 'POST',
        path,
        headers: { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)), ...headers },
      },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        response.on('end', () => resolve({ status: response.statusCode ?? 0, body: text }));
        response.on('error', reject);
      },
    );
    request.setTimeout(timeoutMs, () => request.destroy(new Error(`request timed out after ${timeoutMs} ms`)));
    request.on('error', (error: PostError) => {
      error.reusedSocket = request.reusedSocket;
      reject(error);
    });
    request.end(body);
  });
}

/**
 * POST with the one retry every keep-alive client needs: a kept-alive socket can be closed by the server (idle
 * timeout) just as a request goes out on it, which surfaces as ECONNRESET/EPIPE before any response. Chat messages
 * carry a client message id, so the server treats a resend as the same message.
 */
export async function post(agent: http.Agent, url: URL, path: string, body: string, headers: Record<string, string>, timeoutMs: number, onRetry?: () => void): Promise<Reply> {
  try {
    return await postOnce(agent, url, path, body, headers, timeoutMs);
  } catch (error) {
    const { code, reusedSocket } = error as PostError;
    if (!reusedSocket || (code !== 'ECONNRESET' && code !== 'EPIPE')) throw error;
    onRetry?.();
    return postOnce(agent, url, path, body, headers, timeoutMs);
  }
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, ms)));

export async function drive(args: DriverArgs): Promise<DriverResult> {
  const baseUrl = new URL(args.baseUrl);
  if (baseUrl.hostname !== '127.0.0.1' && baseUrl.hostname !== 'localhost') throw new Error('the load driver only talks to 127.0.0.1');
  const timeoutMs = args.requestTimeoutMs ?? 10_000;
  const maxTurns = args.maxTurnsPerConversation ?? 1_000_000;
  const agent = new http.Agent({ keepAlive: true, maxSockets: Math.max(100, args.conversations), maxFreeSockets: Math.max(100, args.conversations) });
  const latency = new SampleBuffer();
  const scheduled = new SampleBuffer();
  let errors = 0;
  let unexpected = 0;
  let firstError: string | undefined;
  let totalTurns = 0;
  let windowTurns = 0;
  let lateSends = 0;
  let retries = 0;
  const countRetry = () => void retries++;
  let skippedSlots = 0;
  const fail = (message: string) => {
    errors++;
    firstError ??= message;
  };

  // Conversations (dialogwerk): start them all before the clock runs.
  const conversations: { path: string; headers: Record<string, string>; index: number }[] = [];
  const startedAt = performance.now();
  if (args.target === 'dialogwerk') {
    if (!args.flowId) throw new Error('flowId is required for target dialogwerk');
    const startPath = `/v1/bots/${encodeURIComponent(args.flowId)}/conversations`;
    let next = 0;
    const workers = Array.from({ length: Math.min(args.startConcurrency ?? 50, args.conversations) }, async () => {
      while (next < args.conversations) {
        const index = next++;
        const reply = await post(agent, baseUrl, startPath, '{}', {}, timeoutMs);
        if (reply.status !== 201) throw new Error(`start failed: HTTP ${reply.status} ${reply.body.slice(0, 300)}`);
        const started = JSON.parse(reply.body) as { conversationId: string; token: string; input?: { type: string } };
        if (started.input?.type !== 'text') throw new Error(`start: expected the name question, got ${reply.body.slice(0, 300)}`);
        conversations[index] = {
          path: `/v1/conversations/${started.conversationId}/messages`,
          headers: { authorization: `Bearer ${started.token}` },
          index,
        };
      }
    });
    await Promise.all(workers);
  } else {
    for (let index = 0; index < args.conversations; index++) conversations.push({ path: '/turn', headers: {}, index });
  }
  const startMs = performance.now() - startedAt;

  const t0 = performance.now();
  const windowStart = t0 + args.warmupMs;
  const windowEnd = windowStart + args.durationMs;
  const hardDeadline = windowEnd + timeoutMs + 5_000;
  const guard = setTimeout(() => {
    process.stderr.write('load driver: hard deadline passed, exiting\n');
    process.exit(3);
  }, hardDeadline - t0 + 5_000);
  guard.unref();

  const stalls: { atS: number; ms: number }[] = [];
  let lastTick = performance.now();
  const ticker = setInterval(() => {
    const now = performance.now();
    const late = now - lastTick - 10;
    if (late > 20 && now >= windowStart && now < windowEnd) stalls.push({ atS: Math.round((now - windowStart) / 10) / 100, ms: Math.round(late) });
    lastTick = now;
  }, 10);

  const turn = async (conversation: (typeof conversations)[number], k: number): Promise<{ sentAt: number; doneAt: number } | undefined> => {
    const answer = ANSWERS[k % 3]!;
    const body =
      args.target === 'dialogwerk'
        ? JSON.stringify({ id: `m${k}`, text: answer })
        : JSON.stringify({ conversationId: `c${conversation.index}`, text: answer });
    const sentAt = performance.now();
    let reply: Reply;
    try {
      reply = await post(agent, baseUrl, conversation.path, body, conversation.headers, timeoutMs, countRetry);
    } catch (error) {
      fail((error as Error).message);
      return undefined;
    }
    const doneAt = performance.now();
    totalTurns++;
    if (reply.status !== 200) {
      fail(`HTTP ${reply.status}: ${reply.body.slice(0, 300)}`);
      return undefined;
    }
    if (args.target === 'dialogwerk') {
      const parsed = JSON.parse(reply.body) as { status?: string; input?: { type?: string } };
      if (parsed.status !== 'awaiting_input' || parsed.input?.type !== NEXT_INPUT[k % 3]) {
        unexpected++;
        firstError ??= `unexpected reply to "${answer}": ${reply.body.slice(0, 300)}`;
      }
    }
    return { sentAt, doneAt };
  };

  const seconds = Array.from({ length: Math.ceil(args.durationMs / 1000) }, () => [] as number[]);
  const record = (timing: { sentAt: number; doneAt: number }, scheduledAt?: number) => {
    if (timing.doneAt < windowStart || timing.doneAt >= windowEnd) return;
    windowTurns++;
    latency.push(timing.doneAt - timing.sentAt);
    seconds[Math.floor((timing.doneAt - windowStart) / 1000)]?.push(timing.doneAt - timing.sentAt);
    if (scheduledAt !== undefined) scheduled.push(timing.doneAt - scheduledAt);
  };

  const loop = async (conversation: (typeof conversations)[number]) => {
    // A failed turn is sent again with the same message id, so the answers stay in step with the questions.
    for (let k = 0, attempts = 0; k < maxTurns && attempts < maxTurns && performance.now() < windowEnd; attempts++) {
      const timing = await turn(conversation, k);
      if (timing) {
        record(timing);
        k++;
      } else {
        await sleep(10); // do not spin on a failing server
      }
    }
  };

  const interval = args.intervalMs ?? 1_000;
  const paced = async (conversation: (typeof conversations)[number]) => {
    const offset = (conversation.index * interval) / conversations.length;
    let slot = 0;
    for (let k = 0, attempts = 0; k < maxTurns && attempts < maxTurns; attempts++) {
      const due = t0 + offset + slot * interval;
      if (due >= windowEnd) break;
      // setTimeout may fire up to a millisecond early: never send before the slot.
      for (let now = performance.now(); now < due; now = performance.now()) await sleep(Math.ceil(due - now));
      if (performance.now() - due > 1) lateSends++;
      const timing = await turn(conversation, k);
      if (timing) {
        record(timing, due);
        k++; // on failure the same answer (same message id) goes out in the next slot
      }
      // A customer answers after reading the reply: a late reply means one late answer, not a burst of
      // catch-up answers. Slots that passed while waiting are skipped (and counted).
      const next = Math.max(slot + 1, Math.ceil((performance.now() - t0 - offset) / interval));
      skippedSlots += next - slot - 1;
      slot = next;
    }
  };

  await Promise.all(conversations.map(args.mode === 'loop' ? loop : paced));
  clearTimeout(guard);
  clearInterval(ticker);
  agent.destroy();

  const cpu = process.cpuUsage();
  return {
    target: args.target,
    mode: args.mode,
    conversations: args.conversations,
    startMs: Math.round(startMs),
    windowMs: args.durationMs,
    turns: windowTurns,
    turnsPerSecond: windowTurns / (args.durationMs / 1000),
    totalTurns,
    errors,
    retries,
    unexpectedReplies: unexpected,
    ...(firstError ? { firstError } : {}),
    latencyMs: summarize(latency.values()),
    ...(args.mode === 'paced' ? { scheduledLatencyMs: summarize(scheduled.values()) } : {}),
    lateSends,
    skippedSlots,
    windowStartEpochMs: Math.round(performance.timeOrigin + windowStart),
    timeline: seconds.map((values, second) => {
      const summary = summarize(values);
      const round = (n: number) => Math.round(n * 10) / 10;
      return { second, turns: values.length, p50: round(summary.p50), p99: round(summary.p99), max: round(summary.max) };
    }),
    driverStalls: { count: stalls.length, maxMs: Math.max(0, ...stalls.map((x) => x.ms)), worst: [...stalls].sort((x, y) => y.ms - x.ms).slice(0, 8) },
    driverCpuMs: Math.round((cpu.user + cpu.system) / 1000),
    driverPeakRssKiB: process.resourceUsage().maxRSS,
  };
}

if (isMainModule(import.meta.url)) {
  const raw = process.argv[2];
  if (!raw) {
    process.stderr.write('usage: loadDriver.ts <DriverArgs JSON>\n');
    process.exit(2);
  }
  const result = await drive(JSON.parse(raw) as DriverArgs);
  process.stdout.write(`${JSON.stringify(result)}\n`);
  process.exit(0);
}
