import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const cli = path.join(repositoryRoot, 'bin/dialogwerk.js');

/** A port that was free a moment ago: bind to 0 on loopback, read the port, release it. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export interface ChildServer {
  url: string;
  port: number;
  pid: number;
  /** Everything the process printed so far (stdout and stderr), for failure messages. */
  output(): string;
  /** Resolves with the exit code (or signal name) once the process is gone. */
  exited: Promise<number | string>;
  alive(): boolean;
  kill(signal: NodeJS.Signals): void;
}

const running = new Set<ChildProcess>();

/**
 * Starts `node bin/dialogwerk.js serve` as a separate process, exactly as an operator would, and resolves once
 * `GET /v1/openapi.json` answers 200 (the contract's readiness check). Rejects with the output if the process exits
 * first or is not ready in time.
 */
export async function startChildServer(options: {
  port: number;
  dataDir: string;
  adminToken: string;
  readyTimeoutMs?: number;
  env?: Record<string, string>;
}): Promise<ChildServer> {
  const env: NodeJS.ProcessEnv = { ...process.env };
  // Inherited settings must not point the server elsewhere (DATABASE_URL wins over DATA_DIR) or attach debuggers.
  delete env.DATABASE_URL;
  delete env.NODE_OPTIONS;
  Object.assign(env, {
    PORT: String(options.port),
    HOST: '127.0.0.1',
    DATA_DIR: options.dataDir,
    DIALOGWERK_ADMIN_TOKEN: options.adminToken,
    DIALOGWERK_EXAMPLES: '0',
    DIALOGWERK_PURGE_INTERVAL: '0',
    DIALOGWERK_LOG_LEVEL: 'warn',
    ...options.env,
  });
  const child = spawn(process.execPath, [cli, 'serve'], { cwd: repositoryRoot, env, stdio: ['ignore', 'pipe', 'pipe'] });
  running.add(child);
  let output = '';
  const append = (chunk: Buffer) => {
    output += chunk.toString('utf8');
    if (output.length > 200_000) output = output.slice(-100_000);
  };
  child.stdout!.on('data', append);
  child.stderr!.on('data', append);
  let alive = true;
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => {
      alive = false;
      running.delete(child);
      resolve(code ?? signal ?? 'unknown');
    });
    child.once('error', (error) => {
      alive = false;
      running.delete(child);
      output += `\nspawn error: ${error.message}`;
      resolve('spawn-error');
    });
  });

  const url = `http://127.0.0.1:${options.port}`;
  const deadline = Date.now() + (options.readyTimeoutMs ?? 30_000);
  for (;;) {
    if (!alive) throw new Error(`dialogwerk serve exited before it was ready (${await exited}):\n${output}`);
    try {
      const response = await fetch(`${url}/v1/openapi.json`, { signal: AbortSignal.timeout(2_000) });
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`dialogwerk serve was not ready within ${options.readyTimeoutMs ?? 30_000} ms:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }

  return {
    url,
    port: options.port,
    pid: child.pid!,
    output: () => output,
    exited,
    alive: () => alive,
    kill: (signal) => {
      if (alive) child.kill(signal);
    },
  };
}

/** SIGKILLs every child this module started that is still running (for afterAll). */
export async function killAllChildServers(): Promise<void> {
  const waits: Promise<unknown>[] = [];
  for (const child of running) {
    waits.push(new Promise((resolve) => child.once('exit', resolve)));
    child.kill('SIGKILL');
  }
  await Promise.race([Promise.all(waits), new Promise((resolve) => setTimeout(resolve, 5_000))]);
}
