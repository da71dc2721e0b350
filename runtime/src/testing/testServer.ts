import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readRuntimeConfig, type RuntimeConfig } from '../config/runtimeConfig.js';
import { startServer, type RunningServer } from '../server/startServer.js';

export interface TestServer extends RunningServer {
  adminToken: string;
  dataDir: string;
  /** fetch against the server with JSON helpers; `token` adds `Authorization: Bearer`. */
  request(method: string, route: string, options?: { body?: unknown; rawBody?: string; token?: string; headers?: Record<string, string> }): Promise<{ status: number; body: any; headers: Headers }>;
}

/** A real runtime on 127.0.0.1 with a fresh libSQL file in a temp directory; `stop()` removes everything. */
export async function startTestServer(overrides: Partial<RuntimeConfig> & { keepDataDir?: boolean } = {}): Promise<TestServer> {
  const dataDir = overrides.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'dialogwerk-test-'));
  const config: RuntimeConfig = {
    ...readRuntimeConfig({}),
    port: 0,
    host: '127.0.0.1',
    dataDir,
    databaseUrl: `file:${path.join(dataDir, 'dialogwerk.db')}`,
    adminToken: 'test-admin-token',
    logLevel: 'silent',
    purgeIntervalSeconds: 0,
    exampleFlows: false,
    ...overrides,
  };
  const running = await startServer(config);
  const request: TestServer['request'] = async (method, route, options = {}) => {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined = options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await fetch(`${running.url}${route}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // non-JSON bodies (static files) stay text
    }
    return { status: response.status, body: parsed, headers: response.headers };
  };
  return {
    ...running,
    adminToken: config.adminToken!,
    dataDir,
    request,
    stop: async () => {
      await running.stop();
      if (!overrides.keepDataDir && !overrides.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
