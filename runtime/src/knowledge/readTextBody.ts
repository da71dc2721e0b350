import type { Context } from 'hono';
import { ApiError } from '../apiError.js';
import { KiB } from '../api/readJsonBody.js';
import { readLimitedBytes } from '../api/readLimitedBytes.js';

const tooLarge = (limit: number) =>
  new ApiError(413, 'BODY_TOO_LARGE', {
    de: `Die Datei ist zu groß (höchstens ${Math.round(limit / KiB)} KiB).`,
    en: `The file is too large (at most ${Math.round(limit / KiB)} KiB).`,
  }, { limitBytes: limit });

/** Reads an uploaded text file without buffering more than `limit` bytes; undefined when it is not valid UTF-8. */
export async function readTextBody(c: Context, limit: number): Promise<string | undefined> {
  const bytes = await readLimitedBytes(c, limit, () => tooLarge(limit));
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
