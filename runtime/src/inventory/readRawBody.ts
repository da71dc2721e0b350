import type { Context } from 'hono';
import { ApiError } from '../apiError.js';
import { KiB } from '../api/readJsonBody.js';

/** The request body as bytes (uploads need them to detect the encoding), never buffering more than `limit`. */
export async function readRawBody(c: Context, limit: number): Promise<Uint8Array> {
  const tooLarge = () =>
    new ApiError(413, 'BODY_TOO_LARGE', {
      de: `Die Anfrage ist zu groß (höchstens ${Math.round(limit / KiB)} KiB).`,
      en: `The request body is too large (at most ${Math.round(limit / KiB)} KiB).`,
    }, { limitBytes: limit });
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  const body = c.req.raw.body;
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
