import type { Context } from 'hono';
import { ApiError } from '../apiError.js';
import { KiB } from '../api/readJsonBody.js';
import { readLimitedBytes } from '../api/readLimitedBytes.js';

/** The request body as bytes (uploads need them to detect the encoding), never buffering more than `limit`. */
export function readRawBody(c: Context, limit: number): Promise<Uint8Array> {
  return readLimitedBytes(c, limit, () =>
    new ApiError(413, 'BODY_TOO_LARGE', {
      de: `Die Anfrage ist zu groß (höchstens ${Math.round(limit / KiB)} KiB).`,
      en: `The request body is too large (at most ${Math.round(limit / KiB)} KiB).`,
    }, { limitBytes: limit }));
}
