import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import { pickProductLocale } from '@dialogwerk/nodes';
import { ApiError } from '../apiError.js';
import type { Logger } from '../logging/logger.js';

/** Renders any failure as the contract's error body; only genuine server faults become 500, and get logged. */
export function errorResponse(error: unknown, c: Context, log: Logger): Response {
  const language = pickProductLocale(c.req.header('accept-language'));
  if (error instanceof ApiError) {
    const body = { error: { code: error.code, message: error.messages[language], ...(error.details !== undefined ? { details: error.details } : {}) } };
    return c.json(body, error.status);
  }
  if (error instanceof HTTPException && error.status < 500) {
    return c.json({ error: { code: 'BAD_REQUEST', message: error.message || 'Bad request' } }, error.status);
  }
  log.error('request failed', { method: c.req.method, path: c.req.path, error: (error as Error)?.stack ?? String(error) });
  const message = language === 'de' ? 'Interner Fehler. Bitte später erneut versuchen.' : 'Internal error. Please try again later.';
  return c.json({ error: { code: 'INTERNAL', message } }, 500);
}
