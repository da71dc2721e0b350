import { withRun, type Json, type NodeContext, type NodeResult } from '../../sdk/defineNode.js';
import { getDotPath } from './dotPath.js';
import { allowlistFromEnv, type HttpAllowlist } from './httpAllowlist.js';
import { DEFAULT_HTTP_TIMEOUT_MS, httpRequestNode, type HttpRequestConfig } from './httpRequest.node.js';
import { safeFetch, SafeFetchError } from './safeFetch.js';

function fail(ctx: NodeContext<HttpRequestConfig>, reason: string, status?: number): NodeResult {
  // Only the reason, never the body: responses may carry personal data.
  ctx.log.warn(`http_request failed: ${reason}`, status === undefined ? { reason } : { reason, status });
  ctx.record('http_error', status === undefined ? { reason } : { reason, status });
  return ctx.next('error');
}

export const httpRequest = withRun(httpRequestNode, async (ctx) => {
  const { config } = ctx;
  let allowlist: HttpAllowlist;
  try {
    allowlist = allowlistFromEnv();
  } catch (error) {
    return fail(ctx, (error as Error).message);
  }
  const headers = Object.fromEntries(Object.entries(config.headers ?? {}).map(([name, value]) => [name, ctx.text(value)]));
  const body = config.body === undefined ? undefined : ctx.text(config.body);
  if (body !== undefined && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['content-type'] = looksLikeJson(body) ? 'application/json' : 'text/plain; charset=utf-8';
  }
  let response;
  try {
    response = await safeFetch(ctx.text(config.url), {
      method: config.method,
      headers,
      body,
      timeoutMs: config.timeoutMs ?? DEFAULT_HTTP_TIMEOUT_MS,
      signal: ctx.signal,
      allowlist,
    });
  } catch (error) {
    return fail(ctx, error instanceof SafeFetchError ? error.message : 'request failed');
  }
  if (response.status < 200 || response.status > 299) return fail(ctx, `HTTP status ${response.status}`, response.status);
  const save = Object.entries(config.save ?? {});
  if (!save.length) return ctx.next('ok');
  let json: Json;
  try {
    json = JSON.parse(response.body.toString('utf8')) as Json;
  } catch {
    return fail(ctx, 'response is not JSON', response.status);
  }
  for (const [variable, path] of save) {
    const value = getDotPath(json, path);
    // A missing path leaves the variable alone rather than inventing a value; the flow can test it with `empty`.
    if (value === undefined) ctx.log.info(`http_request: "${path}" not in response`, { variable });
    else ctx.vars.set(variable, value);
  }
  return ctx.next('ok');
});

function looksLikeJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
