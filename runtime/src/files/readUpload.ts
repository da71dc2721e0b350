import type { Context } from 'hono';
import { ApiError } from '../apiError.js';
import { readLimitedBytes } from '../api/readLimitedBytes.js';
import { fileErrors } from './fileErrors.js';

/** Room for multipart boundaries and part headers on top of the file itself. */
export const MULTIPART_OVERHEAD = 16 * 1024;

export interface Upload {
  bytes: Buffer;
  /** The name the client gave (multipart part filename, `X-File-Name` header or `?name=`); unsanitised. */
  name?: string;
}

function decodeName(value: string | undefined): string | undefined {
  if (!value) return undefined;
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/**
 * Reads one uploaded file, either as `multipart/form-data` (field `file`, or the only file part) or as the raw request
 * body with its name in the `X-File-Name` header (URL-encoded) or the `name` query parameter.
 */
export async function readUpload(c: Context, limit: number, tooLarge = () => fileErrors.tooLarge(limit)): Promise<Upload> {
  const type = c.req.header('content-type') ?? '';
  const multipart = /^multipart\/form-data/i.test(type);
  const raw = await readLimitedBytes(c, multipart ? limit + MULTIPART_OVERHEAD : limit, tooLarge);
  if (!multipart) {
    if (raw.length === 0) throw fileErrors.missing();
    return { bytes: raw, name: decodeName(c.req.header('x-file-name')) ?? c.req.query('name') };
  }
  let form: FormData;
  try {
    form = await new Request('http://upload.invalid/', { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(raw.buffer as ArrayBuffer, raw.byteOffset, raw.length) }).formData();
  } catch {
    throw new ApiError(400, 'INVALID_BODY', { de: 'Die multipart-Anfrage ist fehlerhaft.', en: 'The multipart request is malformed.' });
  }
  const files = [...form.values()].filter((value): value is File => typeof value !== 'string');
  if (files.length > 1) throw fileErrors.onePerRequest();
  const file = files[0];
  if (!file || file.size === 0) throw fileErrors.missing();
  if (file.size > limit) throw tooLarge();
  return { bytes: Buffer.from(await file.arrayBuffer()), name: file.name || undefined };
}
