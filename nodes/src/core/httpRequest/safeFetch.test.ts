import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseHttpAllowlist } from './httpAllowlist.js';
import { safeFetch, SafeFetchError } from './safeFetch.js';

let server: Server;
let port: number;
const seen: { url: string; method: string; headers: IncomingMessage['headers'] }[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    seen.push({ url: request.url!, method: request.method!, headers: request.headers });
    if (request.url === '/see-other') return void response.writeHead(303, { location: '/done' }).end();
    if (request.url === '/cross') return void response.writeHead(302, { location: `http://127.0.0.1:${port}/done` }).end();
    if (request.url === '/hang') return;
    response.writeHead(200, { 'content-type': 'application/json' }).end('{"ok":true}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => void (seen.length = 0));

const loopbackAllowed = parseHttpAllowlist('127.0.0.1');

async function failure(promise: Promise<unknown>): Promise<SafeFetchError> {
  const error = await promise.then(() => undefined, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(SafeFetchError);
  return error as SafeFetchError;
}

describe('safeFetch', () => {
  it('connects to the vetted address, not to a second DNS answer, and keeps the Host header', async () => {
    // "rebind.test" does not exist in system DNS: the request can only succeed through the pinned lookup.
    let lookups = 0;
    const resolve = async () => (lookups++ === 0 ? [{ address: '127.0.0.1', family: 4 }] : [{ address: '10.0.0.1', family: 4 }]);
    const response = await safeFetch(`http://rebind.test:${port}/x`, { method: 'GET', timeoutMs: 2_000, allowlist: parseHttpAllowlist('rebind.test') }, resolve);
    expect(response.status).toBe(200);
    expect(lookups).toBe(1);
    expect(seen[0]!.headers.host).toBe(`rebind.test:${port}`);
  });

  it('refuses a host when any of its addresses is refused', async () => {
    const resolve = async () => [{ address: '93.184.216.34', family: 4 }, { address: '::ffff:127.0.0.1', family: 6 }];
    const error = await failure(safeFetch(`http://mixed.test:${port}/`, { method: 'GET', timeoutMs: 2_000, allowlist: parseHttpAllowlist('') }, resolve));
    expect(error.code).toBe('refused');
  });

  it('turns a 303 after POST into a bodiless GET', async () => {
    const response = await safeFetch(`http://127.0.0.1:${port}/see-other`, { method: 'POST', body: '{"a":1}', headers: { 'content-type': 'application/json' }, timeoutMs: 2_000, allowlist: loopbackAllowed });
    expect(response.status).toBe(200);
    expect(seen.map(({ method, url }) => `${method} ${url}`)).toEqual(['POST /see-other', 'GET /done']);
    expect(seen[1]!.headers['content-type']).toBeUndefined();
  });

  it('drops credentials when a redirect changes origin', async () => {
    const allowlist = parseHttpAllowlist('localhost,127.0.0.1');
    const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
    await safeFetch(`http://localhost:${port}/cross`, { method: 'GET', headers: { authorization: 'Bearer s3cret', 'x-other': '1' }, timeoutMs: 2_000, allowlist }, resolve);
    expect(seen[0]!.headers.authorization).toBe('Bearer s3cret');
    expect(seen[1]!.headers.authorization).toBeUndefined();
    expect(seen[1]!.headers['x-other']).toBe('1');
  });

  it('stops when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await failure(safeFetch(`http://127.0.0.1:${port}/hang`, { method: 'GET', timeoutMs: 5_000, signal: controller.signal, allowlist: loopbackAllowed }));
    expect(error.code).toBe('aborted');
  });

  it('reports a DNS failure and a closed port as errors', async () => {
    const resolve = async () => Promise.reject(Object.assign(new Error('nope'), { code: 'ENOTFOUND' }));
    expect((await failure(safeFetch('http://nowhere.test/', { method: 'GET', timeoutMs: 2_000, allowlist: loopbackAllowed }, resolve))).code).toBe('dns');
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect((await failure(safeFetch(`http://127.0.0.1:${closedPort}/`, { method: 'GET', timeoutMs: 2_000, allowlist: loopbackAllowed }))).code).toBe('network');
  });
});
