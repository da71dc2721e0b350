import type { IncomingMessage } from 'node:http';
import type { Context } from 'hono';

/**
 * Reads the raw request body without ever buffering more than `limit` bytes, whatever Content-Length claims.
 * A declared length over the limit is refused before any byte is read; a streamed body (chunked, or lying about
 * its length) is cut off as soon as it passes the limit. Either way `tooLarge()` is thrown, so each caller keeps
 * its own 413 code and wording.
 */
export async function readLimitedBytes(c: Context, limit: number, tooLarge: () => Error): Promise<Buffer> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > limit) throw tooLarge();
  // Under the Node server, read the socket stream directly: touching `c.req.raw.body` makes the adapter build a
  // web Request and stream for every message, a measurable share of each chat turn's CPU.
  const incoming = (c.env as { incoming?: IncomingMessage } | undefined)?.incoming;
  if (incoming && !incoming.readableEnded && c.req.method !== 'GET') return readIncoming(incoming, limit, tooLarge);
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
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}

function readIncoming(incoming: IncomingMessage, limit: number, tooLarge: () => Error): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) return void chunks.push(chunk);
      cleanup();
      // Discard the rest so the 413 can be sent on a connection that is still readable.
      incoming.resume();
      reject(tooLarge());
    };
    const onEnd = () => {
      cleanup();
      resolve(Buffer.concat(chunks));
    };
    const onError = (error: Error) => {
      cleanup();
      reject(error);
    };
    const cleanup = () => {
      incoming.off('data', onData);
      incoming.off('end', onEnd);
      incoming.off('error', onError);
    };
    incoming.on('data', onData);
    incoming.on('end', onEnd);
    incoming.on('error', onError);
  });
}
