import type { Context } from 'hono';
import { ApiError } from '../apiError.js';
import { KiB } from '../api/readJsonBody.js';

const tooLarge = (limit: number) =>
  new ApiError(413, 'BODY_TOO_LARGE', {
    de: `Die Datei ist zu groß (höchstens ${Math.round(limit / KiB)} KiB).`,
    en: `The file is too large (at most ${Math.round(limit / KiB)} KiB).`,
  }, { limitBytes: limit });

/** Reads an uploaded text file without buffering more than `limit` bytes; undefined when it is not valid UTF-8. */
export async function readTextBody(c: Context, limit: number): Promise<string | undefined> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const body = c.req.raw.body;
  const chunks: Uint8Array[] = [];
  if (body) {
    const reader = body.getReader();
    let size = 0;
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > limit) {
        await reader.cancel().catch(() => {});
        throw tooLarge(limit);
      }
      chunks.push(value);
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(Buffer.concat(chunks));
  } catch {
    return undefined;
  }
}
