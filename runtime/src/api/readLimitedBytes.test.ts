import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readLimitedBytes } from './readLimitedBytes.js';

const LIMIT = 1024;

class TooLarge extends Error {}

/** Echoes what the reader returned, or 413 when it refused the body. */
function echoApp(): Hono {
  const app = new Hono();
  app.post('/echo', async (c) => {
    try {
      const bytes = await readLimitedBytes(c, LIMIT, () => new TooLarge());
      return c.json({ length: bytes.length, text: bytes.toString('utf8') });
    } catch (error) {
      if (error instanceof TooLarge) return c.json({ tooLarge: true }, 413);
      throw error;
    }
  });
  return app;
}

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (index >= chunks.length) return controller.close();
      controller.enqueue(chunks[index++]);
    },
  });
}

describe('readLimitedBytes over a real Node HTTP server', () => {
  let server: ServerType;
  let url: string;

  beforeAll(async () => {
    server = await new Promise<ServerType>((resolve) => {
      const instance = serve({ fetch: echoApp().fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(instance));
    });
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      (server as { closeIdleConnections?: () => void }).closeIdleConnections?.();
    });
  });

  it('returns a body up to the limit byte for byte, multi-byte characters split across chunks included', async () => {
    const euro = Buffer.from('€', 'utf8');
    const body = streamOf([new Uint8Array(Buffer.from('a'.repeat(LIMIT - 4))), euro.subarray(0, 1), euro.subarray(1), new Uint8Array(Buffer.from('z'))]);
    const response = await fetch(`${url}/echo`, { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(200);
    const echoed = (await response.json()) as { length: number; text: string };
    expect(echoed.length).toBe(LIMIT);
    expect(echoed.text.endsWith('€z')).toBe(true);
  });

  it('returns an empty buffer for an empty body', async () => {
    const response = await fetch(`${url}/echo`, { method: 'POST' });
    expect(await response.json()).toEqual({ length: 0, text: '' });
  });

  it('refuses a declared Content-Length over the limit', async () => {
    const response = await fetch(`${url}/echo`, { method: 'POST', body: 'x'.repeat(LIMIT + 1) });
    expect(response.status).toBe(413);
  });

  it('refuses from the declared length before the body has arrived', async () => {
    const status = await new Promise<number>((resolve, reject) => {
      const request = http.request(`${url}/echo`, { method: 'POST', headers: { 'content-length': String(50 * 1024 * 1024) } }, (response) => {
        response.resume();
        response.on('end', () => {
          request.destroy();
          resolve(response.statusCode!);
        });
      });
      request.on('error', reject);
      request.write(Buffer.alloc(16));
    });
    expect(status).toBe(413);
  });

  it('cuts off a streamed body without a length as soon as it passes the limit', async () => {
    const chunks = Array.from({ length: 64 }, () => new Uint8Array(256));
    const response = await fetch(`${url}/echo`, { method: 'POST', body: streamOf(chunks), duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
  });
});

describe('readLimitedBytes on a web Request (no Node socket)', () => {
  const app = echoApp();

  it('reads a body under the limit', async () => {
    const response = await app.request('/echo', { method: 'POST', body: 'hallo' });
    expect(await response.json()).toEqual({ length: 5, text: 'hallo' });
  });

  it('cuts off a streamed body over the limit', async () => {
    const body = streamOf(Array.from({ length: 8 }, () => new Uint8Array(200)));
    const response = await app.request('/echo', { method: 'POST', body, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(413);
  });

  it('refuses a declared Content-Length over the limit', async () => {
    const response = await app.request('/echo', { method: 'POST', body: 'x', headers: { 'content-length': String(LIMIT + 1) } });
    expect(response.status).toBe(413);
  });
});
