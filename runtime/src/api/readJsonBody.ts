import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../apiError.js';

export const KiB = 1024;
export const MiB = 1024 * KiB;

const tooLarge = (limit: number) =>
  new ApiError(413, 'BODY_TOO_LARGE', {
    de: `Die Anfrage ist zu groß (höchstens ${Math.round(limit / KiB)} KiB).`,
    en: `The request body is too large (at most ${Math.round(limit / KiB)} KiB).`,
  }, { limitBytes: limit });

/** Reads the raw body without ever buffering more than `limit` bytes, whatever Content-Length claims. */
async function readLimited(c: Context, limit: number): Promise<string> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const body = c.req.raw.body;
  if (!body) return '';
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
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
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Parses a JSON body against a schema. Malformed JSON and wrong shapes are 400s with every problem listed, so a
 * client sees what to fix; an empty body counts as `{}` when `emptyAsObject` is set (optional bodies).
 */
export async function readJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: { limit: number; emptyAsObject?: boolean },
): Promise<z.infer<S>> {
  const raw = await readLimited(c, options.limit);
  let value: unknown;
  if (raw.trim() === '' && options.emptyAsObject) {
    value = {};
  } else {
    try {
      value = JSON.parse(raw);
    } catch (error) {
      throw new ApiError(400, 'MALFORMED_JSON', {
        de: 'Der Inhalt der Anfrage ist kein gültiges JSON.',
        en: 'The request body is not valid JSON.',
      }, { reason: (error as Error).message });
    }
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ApiError(400, 'INVALID_BODY', {
      de: 'Die Anfrage hat nicht die erwartete Form.',
      en: 'The request body does not have the expected shape.',
    }, parsed.error.issues.map((issue) => ({ path: issue.path, message: issue.message, code: issue.code })));
  }
  return parsed.data;
}
