import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';
import { ApiError } from '../apiError.js';
import { fileErrors } from './fileErrors.js';

/** Room for multipart boundaries and part headers on top of the file itself. */
export const MULTIPART_OVERHEAD = 16 * 1024;

export interface Upload {
  bytes: Buffer;
  /** The name the client gave (multipart part filename, `X-File-Name` header or `?name=`); unsanitised. */
  name?: string;
}

class TooLarge extends Error {}

/** Reads at most `limit` bytes; more makes it stop and answer 413 without buffering the rest. */
async function readLimited(c: Context, limit: number): Promise<Buffer> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw new TooLarge();
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming && !incoming.readableEnded) {
    return new Promise((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      const cleanup = () => {
        incoming.off('data', onData);
        incoming.off('end', onEnd);
        incoming.off('error', onError);
      };
      const onData = (chunk: Buffer) => {
        size += chunk.length;
        if (size <= limit) return void chunks.push(chunk);
        cleanup();
        // Discard the rest so the 413 can be sent on a connection that is still readable.
        incoming.resume();
        reject(new TooLarge());
      };
      const onEnd = () => {
        cleanup();
        resolve(Buffer.concat(chunks));
      };
      const onError = (error: Error) => {
        cleanup();
        reject(error);
      };
      incoming.on('data', onData);
      incoming.on('end', onEnd);
      incoming.on('error', onError);
    });
  }
  const body = c.req.raw.body;
  if (!body) return Buffer.alloc(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      throw new TooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
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
  let raw: Buffer;
  try {
    raw = await readLimited(c, multipart ? limit + MULTIPART_OVERHEAD : limit);
  } catch (error) {
    if (error instanceof TooLarge) throw tooLarge();
    throw error;
  }
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
