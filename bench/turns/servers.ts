import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loopingThreeQuestionFlow } from '../../runtime/src/testing/flowFixtures.js';
import { onExit, repositoryRoot, runJsonChild, startServerProcess, type ServerProcess } from './spawnProcess.js';
import type { DriverArgs, DriverResult } from './loadDriver.js';

export const FLOW_ID = 'bench-three-questions';
export const ADMIN_TOKEN = 'bench-admin-token-0123456789';

/** What serverProbe.mjs recorded inside a server process (wall-clock timestamps). */
export interface ProbeData {
  stalls: [epochMs: number, ms: number][];
  gcs: [epochMs: number, ms: number, kind: number][];
  elu: [epochMs: number, utilization: number][];
}

export interface BenchServer extends ServerProcess {
  dataDir: string;
  /** stops the process, returns what the probe recorded, and removes the data directory */
  dispose(): Promise<ProbeData | undefined>;
}

export interface ServerOptions {
  /** write a CPU profile of the server process into this directory (node --cpu-prof) */
  profileDir?: string;
  /** preload serverProbe.mjs (event-loop stalls, GC pauses, utilisation); default true */
  probe?: boolean;
  /** start node with --expose-gc, so the probe's memory snapshot (SIGUSR2) measures live memory after a full GC */
  exposeGc?: boolean;
}

async function startBenchServer(options: ServerOptions & { label: string; prefix: string; entry: string[]; env: NodeJS.ProcessEnv; ready: RegExp }): Promise<BenchServer> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), options.prefix));
  const probeFile = path.join(dataDir, 'probe.json');
  const unregister = onExit(() => rmSync(dataDir, { recursive: true, force: true }));
  const remove = () => {
    unregister();
    rmSync(dataDir, { recursive: true, force: true });
  };
  const flags = [
    ...(options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : []),
    ...(options.probe === false ? [] : ['--import', path.join(repositoryRoot, 'bench/turns/serverProbe.mjs')]),
    ...(options.exposeGc ? ['--expose-gc'] : []),
  ];
  let server: ServerProcess;
  try {
    server = await startServerProcess({
      label: options.label,
      command: process.execPath,
      args: [...flags, ...options.entry],
      env: { ...options.env, DATA_DIR: dataDir, DIALOGWERK_BENCH_PROBE: probeFile },
      ready: options.ready,
    });
  } catch (error) {
    remove();
    throw error;
  }
  return {
    ...server,
    dataDir,
    dispose: async () => {
      try {
        await server.stop();
        return existsSync(probeFile) ? (JSON.parse(readFileSync(probeFile, 'utf8')) as ProbeData) : undefined;
      } catch {
        return undefined;
      } finally {
        remove();
      }
    },
  };
}

/**
 * `node bin/dialogwerk.js serve` in its own process on 127.0.0.1 with a fresh data directory (PORT=0, examples off,
 * log level warn); the bench flow is PUT and published via the admin API.
 */
export async function startDialogwerkServer(options: ServerOptions = {}): Promise<BenchServer> {
  const server = await startBenchServer({
    ...options,
    label: 'dialogwerk serve',
    prefix: 'dialogwerk-bench-',
    entry: [path.join(repositoryRoot, 'bin/dialogwerk.js'), 'serve'],
    env: {
      PORT: '0',
      HOST: '127.0.0.1',
      DIALOGWERK_ADMIN_TOKEN: ADMIN_TOKEN,
      DIALOGWERK_EXAMPLES: '0',
      DIALOGWERK_LOG_LEVEL: 'warn',
      // defaults, whatever the calling shell has set
      DATABASE_URL: '',
      DIALOGWERK_DB_SYNCHRONOUS: '',
      DIALOGWERK_PURGE_INTERVAL: '',
    },
    ready: /running on (http:\/\/\S+)/,
  });
  try {
    await publishBenchFlow(server.url);
  } catch (error) {
    await server.dispose();
    throw error;
  }
  return server;
}

/** The bare Hono + libSQL baseline (bareHonoBaseline.ts) in its own process. */
export function startBareHonoServer(options: ServerOptions = {}): Promise<BenchServer> {
  return startBenchServer({
    ...options,
    label: 'bare hono baseline',
    prefix: 'bare-hono-bench-',
    entry: [path.join(repositoryRoot, 'bin/run-ts.js'), path.join(repositoryRoot, 'bench/turns/bareHonoBaseline.ts')],
    env: { PORT: '0' },
    ready: /listening on (http:\/\/\S+)/,
  });
}

export async function admin(url: string, method: string, route: string, body: unknown): Promise<unknown> {
  const response = await fetch(`${url}${route}`, {
    method,
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${route}: HTTP ${response.status} ${text.slice(0, 500)}`);
  return JSON.parse(text);
}

/** PUT the looping three-question flow as a draft, then publish it. */
export async function publishBenchFlow(url: string): Promise<void> {
  await admin(url, 'PUT', `/v1/flows/${FLOW_ID}`, loopingThreeQuestionFlow(FLOW_ID));
  await admin(url, 'POST', `/v1/flows/${FLOW_ID}/publish`, { note: 'benchmark' });
}

/** Runs the load driver in its own process; bounded by the driver's own deadline plus a margin. */
export function runDriver(args: DriverArgs): Promise<DriverResult> {
  const budget = args.warmupMs + args.durationMs + (args.requestTimeoutMs ?? 10_000) + 60_000;
  return runJsonChild<DriverResult>('bench/turns/loadDriver.ts', args, { timeoutMs: budget, label: `load driver (${args.target}, ${args.mode})` });
}
