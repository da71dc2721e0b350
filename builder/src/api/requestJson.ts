import { ApiError, NETWORK_ERROR, parseApiError } from './apiError.js';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface JsonRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  /** Sent as `Authorization: Bearer <token>`. */
  token?: string;
  /** Sent as `Accept-Language`, so server messages come back in the UI language. */
  language?: string;
  signal?: AbortSignal;
  /** Extra request headers, e.g. `If-Match`. */
  headers?: Record<string, string>;
}

/** The browser's fetch, called unbound-safe (a detached `window.fetch` throws "Illegal invocation"). */
export const browserFetch: FetchLike = (input, init) => globalThis.fetch(input, init);

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** One JSON round trip: throws an ApiError for network failures and every non-2xx answer. */
export async function requestJson<T>(fetchFn: FetchLike, url: string, request: JsonRequest = {}): Promise<T> {
  const headers: Record<string, string> = { ...request.headers, accept: 'application/json' };
  if (request.token) headers.authorization = `Bearer ${request.token}`;
  if (request.language) headers['accept-language'] = request.language;
  let body: string | undefined;
  if (request.body !== undefined) {
    body = JSON.stringify(request.body);
    headers['content-type'] = 'application/json';
  }
  let response: Response;
  try {
    response = await fetchFn(url, { method: request.method ?? 'GET', headers, body, signal: request.signal });
  } catch (error) {
    if ((error as Error)?.name === 'AbortError') throw error;
    throw new ApiError(0, NETWORK_ERROR, (error as Error)?.message ?? 'Network error');
  }
  const parsed = await readBody(response);
  if (!response.ok) throw parseApiError(response.status, parsed);
  return parsed as T;
}
