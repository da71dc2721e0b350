import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { runNode } from '../../testing/index.js';
import { httpRequest } from './httpRequest.run.js';

interface Seen {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

interface TestServer {
  server: Server;
  base: string;
  seen: Seen[];
}

type Handler = (request: IncomingMessage, response: ServerResponse, body: string) => void;

async function startServer(host: string, handler: Handler): Promise<TestServer> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      handler(request, response, body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  return { server, base: `http://${host}:${(server.address() as AddressInfo).port}`, seen };
}

function json(response: ServerResponse, status: number, value: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(value));
}

let api: TestServer;
let other: TestServer;

beforeAll(async () => {
  api = await startServer('127.0.0.1', (request, response, body) => {
    const url = new URL(request.url!, 'http://x');
    if (url.pathname === '/customer') return json(response, 200, { data: { items: [{ name: 'Ada', plan: 'pro' }], count: 1 } });
    if (url.pathname === '/echo') return json(response, 201, { method: request.method, body, auth: request.headers['x-api-key'] ?? null });
    if (url.pathname === '/slow') return void setTimeout(() => json(response, 200, {}), 2_000);
    if (url.pathname === '/html') return void response.writeHead(200, { 'content-type': 'text/html' }).end('<h1>hi</h1>');
    if (url.pathname === '/big') return void response.writeHead(200).end(Buffer.alloc(1024 * 1024 + 10, 97));
    if (url.pathname === '/loop') {
      const n = Number(url.searchParams.get('n') ?? 0);
      return void response.writeHead(302, { location: `/loop?n=${n + 1}` }).end();
    }
    if (url.pathname === '/hop') {
      const n = Number(url.searchParams.get('n') ?? 0);
      return void response.writeHead(302, { location: n < 2 ? `/hop?n=${n + 1}` : '/customer' }).end();
    }
    if (url.pathname === '/to-other') return void response.writeHead(307, { location: `${other.base}/customer` }).end();
    json(response, 404, { error: 'not found' });
  });
  // A second loopback address the allowlist does not cover: the redirect test must never reach it.
  other = await startServer('127.0.0.2', (_request, response) => json(response, 200, { data: { items: [{ name: 'Eve' }] } }));
});

afterAll(async () => {
  await Promise.all([api, other].map(({ server }) => new Promise((resolve) => server.close(resolve))));
});

const savedAllowlist = process.env.DIALOGWERK_HTTP_ALLOWLIST;
beforeEach(() => {
  process.env.DIALOGWERK_HTTP_ALLOWLIST = '127.0.0.1';
  api.seen.length = 0;
  other.seen.length = 0;
});
afterEach(() => {
  if (savedAllowlist === undefined) delete process.env.DIALOGWERK_HTTP_ALLOWLIST;
  else process.env.DIALOGWERK_HTTP_ALLOWLIST = savedAllowlist;
});

function reasons(run: { records: { type: string; data?: Record<string, unknown> }[] }): unknown[] {
  return run.records.filter((record) => record.type === 'http_error').map((record) => record.data?.reason);
}

describe('http_request node', () => {
  it('GETs JSON and saves dot paths into variables', async () => {
    const run = await runNode(httpRequest, {
      config: { method: 'GET', url: `${api.base}/customer?id={{id}}`, save: { name: 'data.items.0.name', count: 'data.count' } },
      vars: { id: 42 },
    });
    expect(run.port).toBe('ok');
    expect(run.vars).toMatchObject({ name: 'Ada', count: 1 });
    expect(api.seen).toHaveLength(1);
    expect(api.seen[0]!.url).toBe('/customer?id=42');
    expect(api.seen[0]!.headers.host).toBe(api.base.slice('http://'.length));
  });

  it('POSTs a templated body with headers', async () => {
    const run = await runNode(httpRequest, {
      config: {
        method: 'POST',
        url: `${api.base}/echo`,
        headers: { 'X-Api-Key': 'k-{{tenant}}' },
        body: '{"name":"{{name}}"}',
        save: { echoed: 'body', key: 'auth', method: 'method' },
      },
      vars: { tenant: 'acme', name: 'Ada' },
    });
    expect(run.port).toBe('ok');
    expect(run.vars).toMatchObject({ echoed: '{"name":"Ada"}', key: 'k-acme', method: 'POST' });
    expect(api.seen[0]!.headers['content-type']).toBe('application/json');
  });

  it('takes error on 404 and records the status, not the body', async () => {
    const run = await runNode(httpRequest, { config: { method: 'GET', url: `${api.base}/missing` } });
    expect(run.port).toBe('error');
    expect(run.records).toEqual([expect.objectContaining({ type: 'http_error', data: { reason: 'HTTP status 404', status: 404 } })]);
    expect(run.logs.some((log) => log.level === 'warn')).toBe(true);
    expect(JSON.stringify(run.logs)).not.toContain('not found');
  });

  it('takes error on timeout', async () => {
    const started = Date.now();
    const run = await runNode(httpRequest, { config: { method: 'GET', url: `${api.base}/slow`, timeoutMs: 200 } });
    expect(run.port).toBe('error');
    expect(reasons(run)[0]).toMatch(/no response within 200 ms/);
    expect(Date.now() - started).toBeLessThan(1_500);
  });

  it('takes error when save needs JSON and the body is not JSON', async () => {
    const run = await runNode(httpRequest, { config: { method: 'GET', url: `${api.base}/html`, save: { x: 'a' } } });
    expect(run.port).toBe('error');
    expect(reasons(run)).toEqual(['response is not JSON']);
    expect(run.vars).not.toHaveProperty('x');
  });

  it('takes ok for a non-JSON body when nothing is saved', async () => {
    const run = await runNode(httpRequest, { config: { method: 'GET', url: `${api.base}/html` } });
    expect(run.port).toBe('ok');
  });

  it('takes error for bodies over 1 MiB', async () => {
    const run = await runNode(httpRequest, { config: { method: 'GET', url: `${api.base}/big` } });
    expect(run.port).toBe('error');
    expect(reasons(run)[0]).toMatch(/over 1048576 bytes/);
  });

  it('follows exactly 3 redirects', async () => {
    const run = await runNode(httpRequest, { config: { method: 'GET', url: `${api.base}/hop`, save: { name: 'data.items.0.name' } } });
    expect(run.port).toBe('ok');
    expect(run.vars).toMatchObject({ name: 'Ada' });
    expect(api.seen.map((seen) => seen.url)).toEqual(['/hop', '/hop?n=1', '/hop?n=2', '/customer']);
  });

  it('takes error for a redirect chain longer than 3', async () => {
    const run = await runNode(httpRequest, { config: { method: 'GET', url: `${api.base}/loop` } });
    expect(run.port).toBe('error');
    expect(reasons(run)).toEqual(['more than 3 redirects']);
    expect(api.seen).toHaveLength(4);
  });

  it('re-checks every redirect hop: a hop to a refused address takes error without connecting', async () => {
    const run = await runNode(httpRequest, { config: { method: 'GET', url: `${api.base}/to-other` } });
    expect(run.port).toBe('error');
    expect(reasons(run)[0]).toMatch(/refused address 127\.0\.0\.2/);
    expect(api.seen).toHaveLength(1);
    expect(other.seen).toHaveLength(0);
  });

  it('refuses loopback without an allowlist and never connects', async () => {
    delete process.env.DIALOGWERK_HTTP_ALLOWLIST;
    let connections = 0;
    const count = () => connections++;
    api.server.on('connection', count);
    try {
      const run = await runNode(httpRequest, { config: { method: 'GET', url: `${api.base}/customer` } });
      expect(run.port).toBe('error');
      expect(reasons(run)[0]).toMatch(/refused address 127\.0\.0\.1/);
    } finally {
      api.server.off('connection', count);
    }
    expect(connections).toBe(0);
    expect(api.seen).toHaveLength(0);
  });

  it('refuses a host name resolving to loopback (localhost) without an allowlist', async () => {
    delete process.env.DIALOGWERK_HTTP_ALLOWLIST;
    const port = new URL(api.base).port;
    const run = await runNode(httpRequest, { config: { method: 'GET', url: `http://localhost:${port}/customer` } });
    expect(run.port).toBe('error');
    expect(reasons(run)[0]).toMatch(/localhost resolves to refused address/);
    expect(api.seen).toHaveLength(0);
  });

  it('lets an allowlisted host name through and keeps its Host header', async () => {
    process.env.DIALOGWERK_HTTP_ALLOWLIST = 'localhost';
    const port = new URL(api.base).port;
    const run = await runNode(httpRequest, { config: { method: 'GET', url: `http://localhost:${port}/customer` } });
    // localhost may resolve to ::1 first where the test server does not listen; either way the check passed.
    expect(reasons(run).every((reason) => !/refused/.test(String(reason)))).toBe(true);
    if (run.port === 'ok') expect(api.seen[0]!.headers.host).toBe(`localhost:${port}`);
  });

  it('refuses IPv4-mapped loopback, private ranges and non-HTTP URLs', async () => {
    delete process.env.DIALOGWERK_HTTP_ALLOWLIST;
    const port = new URL(api.base).port;
    for (const url of [`http://[::ffff:127.0.0.1]:${port}/`, `http://[::1]:${port}/`, 'http://10.0.0.1/', 'http://169.254.169.254/latest', 'file:///etc/passwd', 'not a url']) {
      const run = await runNode(httpRequest, { config: { method: 'GET', url } });
      expect(run.port, url).toBe('error');
    }
    expect(api.seen).toHaveLength(0);
  });

  it('takes error with a clear reason for an invalid allowlist', async () => {
    process.env.DIALOGWERK_HTTP_ALLOWLIST = '127.0.0.1/99';
    const run = await runNode(httpRequest, { config: { method: 'GET', url: `${api.base}/customer` } });
    expect(run.port).toBe('error');
    expect(reasons(run)[0]).toMatch(/DIALOGWERK_HTTP_ALLOWLIST: .*127\.0\.0\.1\/99/);
    expect(api.seen).toHaveLength(0);
  });
});

describe('http_request definition', () => {
  it('lists saved variables and summarizes method and URL', () => {
    const config = { method: 'POST' as const, url: { de: 'https://api.example/de', en: 'https://api.example/en' }, save: { a: 'x', b: 'y.z' } };
    expect(httpRequest.variables!(config)).toEqual(['a', 'b']);
    expect(httpRequest.summary!(config, 'en')).toBe('POST https://api.example/en');
  });

  it('rejects timeouts over 30 s and bad save targets', async () => {
    await expect(runNode(httpRequest, { config: { method: 'GET', url: 'http://x', timeoutMs: 60_000 } })).rejects.toThrow(/timeoutMs/);
    await expect(runNode(httpRequest, { config: { method: 'GET', url: 'http://x', save: { '1bad': 'a' } } })).rejects.toThrow();
  });
});
