import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** Helpers for benchmark child processes: every child is tracked and killed when the benchmark exits, however it exits. */

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const runTs = path.join(repositoryRoot, 'bin/run-ts.js');

const children = new Set<ChildProcess>();
const cleanups = new Set<() => void>();
let handlersInstalled = false;

/** Runs `cleanup` (synchronously) when the benchmark exits, after the children were killed; returns an unregister function. */
export function onExit(cleanup: () => void): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

function killAll(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
      try {
        process.kill(child.pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
  }
  children.clear();
  for (const cleanup of cleanups) {
    try {
      cleanup();
    } catch {
      // best effort
    }
  }
  cleanups.clear();
}

/** Kills every tracked child on exit, Ctrl-C, SIGTERM and crashes (SIGKILL of the runner itself cannot be caught). */
export function installExitHandlers(): void {
  if (handlersInstalled) return;
  handlersInstalled = true;
  process.on('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGTERM' ? 15 : 1));
    });
  }
  process.on('uncaughtException', (error) => {
    console.error(error);
    killAll();
    process.exit(1);
  });
  process.on('unhandledRejection', (error) => {
    console.error(error);
    killAll();
    process.exit(1);
  });
}

/** Spawns a Node process running a TypeScript entry through tsx (`node [flags] bin/run-ts.js entry args`). */
export function spawnTs(entry: string, args: string[], options: { env?: NodeJS.ProcessEnv; nodeFlags?: string[] } = {}): ChildProcess {
  return spawnTracked(process.execPath, [...(options.nodeFlags ?? []), runTs, path.resolve(repositoryRoot, entry), ...args], options.env);
}

export function spawnTracked(command: string, args: string[], env?: NodeJS.ProcessEnv): ChildProcess {
  installExitHandlers();
  const child = spawn(command, args, { cwd: repositoryRoot, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Peak resident set size (VmHWM) of a live process in KiB, from /proc; undefined where /proc is unavailable. */
export function peakRssKiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const match = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

function waitForExit(child: ChildProcess, timeoutMs: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), timeoutMs);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Stops a child: SIGTERM, then SIGKILL if it has not exited within `graceMs`. */
export async function stopChild(child: ChildProcess, graceMs = 5_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  if (!(await waitForExit(child, graceMs))) {
    child.kill('SIGKILL');
    await waitForExit(child, 2_000);
  }
}

/**
 * Runs a TypeScript entry that takes one JSON argument and prints its result as the last JSON line on stdout.
 * The child is killed if it does not finish within `timeoutMs`.
 */
export async function runJsonChild<T>(entry: string, input: unknown, options: { timeoutMs: number; label: string }): Promise<T> {
  const child = spawnTs(entry, [JSON.stringify(input)]);
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (stderr.length > 100_000) stderr = stderr.slice(-50_000);
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const finished = await Promise.race([exited.then(() => true), new Promise<false>((resolve) => setTimeout(() => resolve(false), options.timeoutMs).unref())]);
  if (!finished) {
    child.kill('SIGKILL');
    throw new Error(`${options.label}: did not finish within ${options.timeoutMs} ms\n${stderr.slice(-2_000)}`);
  }
  const code = await exited;
  const line = stdout.trim().split('\n').reverse().find((l) => l.startsWith('{'));
  if (code !== 0 || !line) throw new Error(`${options.label}: exited with code ${code}\n${stderr.slice(-4_000)}`);
  return JSON.parse(line) as T;
}

export interface ServerProcess {
  child: ChildProcess;
  url: string;
  /** Peak RSS so far in KiB (read while the process is alive). */
  peakRssKiB(): number | undefined;
  stderr(): string;
  stop(): Promise<void>;
}

/** Starts a server child and waits until it prints a line matching `ready` (whose first group is the base URL). */
export async function startServerProcess(options: {
  label: string;
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  ready: RegExp;
  timeoutMs?: number;
}): Promise<ServerProcess> {
  const child = spawnTracked(options.command, options.args, options.env);
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    if (stderr.length > 100_000) stderr = stderr.slice(-50_000);
  });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${options.label}: not ready within ${options.timeoutMs ?? 30_000} ms\n${stdout}\n${stderr.slice(-2_000)}`));
    }, options.timeoutMs ?? 30_000);
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      if (stdout.length < 100_000) stdout += chunk;
      const match = options.ready.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`${options.label}: exited before it was ready (code ${code}, signal ${signal})\n${stderr.slice(-4_000)}`));
    });
  });
  return {
    child,
    url,
    peakRssKiB: () => peakRssKiB(child.pid),
    stderr: () => stderr,
    stop: () => stopChild(child),
  };
}

/** True when the module with this `import.meta.url` is the entry file (as started by bin/run-ts.js). */
export function isMainModule(moduleUrl: string): boolean {
  return process.argv[1] !== undefined && pathToFileURL(path.resolve(process.argv[1])).href === moduleUrl;
}

/** Pids of this process and every live tracked child (for CPU accounting). */
export function benchmarkPids(): number[] {
  return [process.pid, ...[...children].flatMap((child) => (child.pid !== undefined && child.exitCode === null ? [child.pid] : []))];
}
