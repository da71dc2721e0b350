import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from '../apiError.js';
import { readLimitedBytes } from './readLimitedBytes.js';

export const KiB = 1024;
export const MiB = 1024 * KiB;
/** Deeper JSON would overflow the stack in recursive code downstream (zod's lazy schemas, hashing); no request needs it. */
export const MAX_JSON_DEPTH = 64;

/** Nesting depth of a parsed JSON value, computed without recursion so any input is safe to measure. */
function exceedsDepth(value: unknown, limit: number): boolean {
  const stack: [unknown, number][] = [[value, 1]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop()!;
    if (current === null || typeof current !== 'object') continue;
    if (depth > limit) return true;
    for (const child of Object.values(current)) if (child !== null && typeof child === 'object') stack.push([child, depth + 1]);
  }
  return false;
}

const tooLarge = (limit: number) =>
  new ApiError(413, 'BODY_TOO_LARGE', {
    de: `Die Anfrage ist zu groß (höchstens ${Math.round(limit / KiB)} KiB).`,
    en: `The request body is too large (at most ${Math.round(limit / KiB)} KiB).`,
  }, { limitBytes: limit });

/**
 * Parses a JSON body against a schema. Malformed JSON and wrong shapes are 400s with every problem listed, so a
 * client sees what to fix; an empty body counts as `{}` when `emptyAsObject` is set (optional bodies).
 */
export async function readJsonBody<S extends z.ZodType>(
  c: Context,
  schema: S,
  options: { limit: number; emptyAsObject?: boolean },
): Promise<z.infer<S>> {
  const raw = (await readLimitedBytes(c, options.limit, () => tooLarge(options.limit))).toString('utf8');
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
  if (exceedsDepth(value, MAX_JSON_DEPTH)) {
    throw new ApiError(400, 'INVALID_BODY', {
      de: `Die Anfrage ist zu tief verschachtelt (höchstens ${MAX_JSON_DEPTH} Ebenen).`,
      en: `The request body is nested too deeply (at most ${MAX_JSON_DEPTH} levels).`,
    }, [{ path: [], message: `nested deeper than ${MAX_JSON_DEPTH} levels`, code: 'too_deep' }]);
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
