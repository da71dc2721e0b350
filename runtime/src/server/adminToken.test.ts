import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readRuntimeConfig } from '../config/runtimeConfig.js';
import { createRuntime, type Runtime } from './createRuntime.js';
import { rotateAdminToken } from './adminToken.js';

const runtimes: Runtime[] = [];
const dirs: string[] = [];

async function runtimeIn(dir: string, env: Record<string, string> = {}) {
  const config = { ...readRuntimeConfig(env), dataDir: dir, databaseUrl: `file:${path.join(dir, 'db.db')}`, logLevel: 'silent' as const, exampleFlows: false };
  const runtime = await createRuntime(config, { adminTokenRefreshMs: 20 });
  runtimes.push(runtime);
  return runtime;
}

async function status(runtime: Runtime, token: string) {
  return (await runtime.app.request('/v1/flows', { headers: { authorization: `Bearer ${token}` } })).status;
}

afterEach(async () => {
  for (const runtime of runtimes.splice(0)) await runtime.close();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('admin token', () => {
  it('is generated once, stored, and the same after a restart', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-token-'));
    dirs.push(dir);
    const first = await runtimeIn(dir);
    expect(first.adminToken.source).toBe('generated');
    const token = first.adminToken.token;
    await first.close();
    runtimes.length = 0;
    const second = await runtimeIn(dir);
    expect(second.adminToken).toEqual({ token, source: 'stored' });
    expect(await status(second, token)).toBe(200);
    expect(await status(second, 'wrong')).toBe(401);
  });

  it('takes a rotated token into use in a running runtime, and the old one stops working', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-token-'));
    dirs.push(dir);
    const runtime = await runtimeIn(dir);
    const old = runtime.adminToken.token;
    const rotated = await rotateAdminToken(runtime.database.db);
    for (let i = 0; i < 100 && (await status(runtime, rotated)) !== 200; i++) await new Promise((r) => setTimeout(r, 20));
    expect(await status(runtime, rotated)).toBe(200);
    expect(await status(runtime, old)).toBe(401);
  });

  it('uses DIALOGWERK_ADMIN_TOKEN when set and ignores the stored one', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'dw-token-'));
    dirs.push(dir);
    const runtime = await runtimeIn(dir, { DIALOGWERK_ADMIN_TOKEN: 'from-env' });
    expect(runtime.adminToken).toEqual({ token: 'from-env', source: 'env' });
    expect(await status(runtime, 'from-env')).toBe(200);
  });
});
