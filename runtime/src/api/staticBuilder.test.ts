import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppEnv } from './appEnv.js';
import { mountBuilder } from './staticBuilder.js';

describe('serving the built builder', () => {
  let dist: string;
  const script = `export const greeting = ${JSON.stringify('Grüezi '.repeat(400))};\n`;
  const app = new Hono<AppEnv>();

  beforeAll(() => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'dialogwerk-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Dialogwerk</title>');
    writeFileSync(path.join(dist, 'assets', 'index-AbC123.js'), script);
    mountBuilder(app, dist);
  });
  afterAll(() => rmSync(dist, { recursive: true, force: true }));

  it('sends hashed assets gzip-compressed to browsers that accept it, cached for good', async () => {
    const response = await app.request('/assets/index-AbC123.js', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.length).toBeLessThan(Buffer.byteLength(script) / 4);
    expect(gunzipSync(body).toString('utf8')).toBe(script);
  });

  it('sends them as they are to clients that ask for no compression, and does not cache a missing asset', async () => {
    const plain = await app.request('/assets/index-AbC123.js');
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(script);
    const missing = await app.request('/assets/gone-000.js', { headers: { 'accept-encoding': 'gzip' } });
    expect(missing.status).toBe(404);
    expect(missing.headers.get('cache-control')).toBeNull();
  });

  it('answers client-side routes with index.html', async () => {
    const response = await app.request('/flows/demo/canvas');
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('<title>Dialogwerk</title>');
  });
});
