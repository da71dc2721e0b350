import { lookup as dnsLookup } from 'node:dns/promises';
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { isRefusedAddress, normalizeAddress } from './ipRanges.js';
import type { HttpAllowlist } from './httpAllowlist.js';

export const MAX_REDIRECTS = 3;
export const MAX_BODY_BYTES = 1024 * 1024;

export type SafeFetchErrorCode = 'invalid_url' | 'refused' | 'dns' | 'redirects' | 'too_large' | 'timeout' | 'aborted' | 'network';

/** A failure whose message is safe to log: it never contains the response body. */
export class SafeFetchError extends Error {
  constructor(
    readonly code: SafeFetchErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SafeFetchError';
  }
}

export interface SafeFetchOptions {
  method: string;
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  signal?: AbortSignal;
  allowlist: HttpAllowlist;
  maxBytes?: number;
}

export interface SafeResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  url: string;
}

type Resolve = (hostname: string) => Promise<{ address: string; family: number }[]>;
const resolveAll: Resolve = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** Resolves the URL's host and vets every address; returns the one to connect to. */
async function vetTarget(url: URL, allowlist: HttpAllowlist, resolve: Resolve): Promise<{ address: string; family: 4 | 6 }> {
  const literal = normalizeAddress(url.hostname);
  let candidates: { address: string; family: number }[];
  if (literal) candidates = [literal];
  else {
    try {
      candidates = await resolve(url.hostname);
    } catch (error) {
      throw new SafeFetchError('dns', `cannot resolve ${url.hostname}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
    }
  }
  if (!candidates.length) throw new SafeFetchError('dns', `no address for ${url.hostname}`);
  const hostAllowed = allowlist.allowsHost(url.hostname);
  // Every address counts, not only the first: the OS or a retry could otherwise pick a refused one.
  for (const { address } of candidates) {
    if (isRefusedAddress(address) && !hostAllowed && !allowlist.allowsAddress(address)) {
      throw new SafeFetchError('refused', `${url.hostname} resolves to refused address ${address}`);
    }
  }
  const first = normalizeAddress(candidates[0]!.address)!;
  return { address: candidates[0]!.address, family: first.family };
}

/** A lookup that only ever answers the vetted address, so no second DNS answer can redirect the connection. */
function pinnedLookup(address: string, family: 4 | 6): LookupFunction {
  return ((_hostname: string, options: { all?: boolean }, callback: (...args: unknown[]) => void) => {
    if (options?.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  }) as LookupFunction;
}

function requestOnce(url: URL, target: { address: string; family: 4 | 6 }, options: SafeFetchOptions, method: string, body: string | undefined, signal: AbortSignal): Promise<Omit<SafeResponse, 'url'>> {
  const maxBytes = options.maxBytes ?? MAX_BODY_BYTES;
  const client = url.protocol === 'https:' ? https : http;
  const headers: Record<string, string> = { ...options.headers };
  if (body !== undefined) headers['content-length'] = String(Buffer.byteLength(body));
  return new Promise((resolve, reject) => {
    const request = client.request(
      {
        // Host stays the name so the Host header and TLS SNI/certificate check use it; the socket goes to `target`.
        host: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || undefined,
        path: `${url.pathname}${url.search}`,
        method,
        headers,
        lookup: pinnedLookup(target.address, target.family),
        family: target.family,
        agent: false,
        signal,
      },
      (response) => {
        const declared = Number(response.headers['content-length']);
        if (declared > maxBytes) {
          response.destroy();
          reject(new SafeFetchError('too_large', `response body over ${maxBytes} bytes`));
          return;
        }
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) {
            response.destroy();
            reject(new SafeFetchError('too_large', `response body over ${maxBytes} bytes`));
          } else chunks.push(chunk);
        });
        response.on('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', (error) => reject(error));
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

const redirectStatuses = new Set([301, 302, 303, 307, 308]);
const credentialHeaders = new Set(['authorization', 'cookie', 'proxy-authorization']);

/**
 * Fetches a URL without letting it reach refused addresses: each hop is resolved, vetted and connected to the vetted
 * address only; redirects are followed by hand (at most MAX_REDIRECTS) so every hop goes through the same check.
 */
export async function safeFetch(rawUrl: string, options: SafeFetchOptions, resolve: Resolve = resolveAll): Promise<SafeResponse> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  if (options.signal?.aborted) controller.abort();
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const cancelled = new Promise<never>((_, reject) =>
    controller.signal.addEventListener('abort', () => reject(new SafeFetchError(timedOut ? 'timeout' : 'aborted', timedOut ? `no response within ${options.timeoutMs} ms` : 'request aborted')), { once: true }),
  );
  cancelled.catch(() => undefined);
  try {
    let url = parseUrl(rawUrl);
    let method = options.method.toUpperCase();
    let body = options.body;
    let headers = { ...options.headers };
    for (let hop = 0; ; hop++) {
      if (controller.signal.aborted) await cancelled;
      // DNS lookups cannot be cancelled; racing keeps a slow resolver inside the time limit.
      const target = await Promise.race([vetTarget(url, options.allowlist, resolve), cancelled]);
      let response: Omit<SafeResponse, 'url'>;
      try {
        response = await Promise.race([requestOnce(url, target, { ...options, headers }, method, body, controller.signal), cancelled]);
      } catch (error) {
        if (error instanceof SafeFetchError) throw error;
        if (controller.signal.aborted) await cancelled;
        throw new SafeFetchError('network', `${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
      }
      const location = response.headers.location;
      if (!redirectStatuses.has(response.status) || !location) return { ...response, url: url.href };
      if (hop >= MAX_REDIRECTS) throw new SafeFetchError('redirects', `more than ${MAX_REDIRECTS} redirects`);
      const next = parseUrl(location, url);
      if (next.origin !== url.origin) headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !credentialHeaders.has(name.toLowerCase())));
      // Browsers turn 303 (and 301/302 after POST) into a bodiless GET; servers expect that.
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        headers = Object.fromEntries(Object.entries(headers).filter(([name]) => !/^content-/i.test(name)));
      }
      url = next;
    }
  } finally {
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
  }
}

function parseUrl(value: string, base?: URL): URL {
  let url: URL;
  try {
    url = new URL(value, base);
  } catch {
    throw new SafeFetchError('invalid_url', 'invalid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new SafeFetchError('invalid_url', `unsupported protocol ${url.protocol}`);
  if (url.username || url.password) throw new SafeFetchError('invalid_url', 'credentials in the URL are not supported');
  return url;
}
