import { Hono, type Context } from 'hono';
import type { Client } from '@libsql/client';
import { bearerToken } from '../api/bearerToken.js';
import type { AppEnv } from '../api/appEnv.js';
import { conversationErrors } from '../conversations/conversationErrors.js';
import { KeyedQueue } from '../engine/keyedQueue.js';
import { authorizeConversation, isSensitiveNode } from './conversationAccess.js';
import { fileErrors } from './fileErrors.js';
import { contentDisposition, sanitizeFileName } from './fileNames.js';
import { FILE_QUOTA, type EmbeddedFileStore, type StoredFileRecord } from './fileStore.js';
import { readUpload } from './readUpload.js';
import { isAccepted, sniffContentType } from './sniffContentType.js';

const MiB = 1024 * 1024;
/** The hard cap per file, whatever a flow configures (the ask node allows at most 25 MB too). */
export const MAX_UPLOAD_BYTES = 25 * MiB;
const DEFAULT_ACCEPT = ['image/*', 'application/pdf'];
const DEFAULT_MAX_MB = 10;

/** The public view of an upload: what the message body references and a file variable holds. */
export function fileReference(file: StoredFileRecord) {
  return { id: file.id, name: file.name, contentType: file.contentType, size: file.size, url: file.url };
}

async function sendFile(c: Context, store: EmbeddedFileStore, file: StoredFileRecord): Promise<Response> {
  const bytes = await store.read(file);
  return new Response(new Uint8Array(bytes), {
    status: 200,
    headers: {
      'content-type': file.contentType,
      'content-length': String(bytes.length),
      // Images open in the browser; PDFs download, so no viewer runs them in our origin.
      'content-disposition': contentDisposition(file.name, file.contentType.startsWith('image/')),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, no-store',
    },
  });
}

/** Upload and customer download, authorized by the conversation token (not behind the admin check). */
export function filePublicRoutes(store: EmbeddedFileStore, client: Client): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  const queue = new KeyedQueue();

  app.post('/conversations/:conversationId/files', async (c) => {
    const access = await authorizeConversation(client, c.req.param('conversationId'), bearerToken(c));
    if (access.status === 'ended') throw conversationErrors.ended();
    const spec = access.waiting?.input;
    if (access.status !== 'awaiting_input' || spec?.type !== 'file' || !access.waiting) throw fileErrors.notExpected();
    const nodeId = access.waiting.nodeId;
    const accept = spec.accept ?? DEFAULT_ACCEPT;
    // One upload at a time per conversation, so two parallel uploads cannot both slip under the quota.
    const file = await queue.run(access.id, async () => {
      const used = await store.usage(access.id);
      if (used.count >= FILE_QUOTA.maxFiles) throw fileErrors.quotaExceeded(FILE_QUOTA);
      const perFile = Math.min(Math.floor((spec.maxSizeMb ?? DEFAULT_MAX_MB) * MiB), MAX_UPLOAD_BYTES);
      const left = FILE_QUOTA.maxBytes - used.bytes;
      const limit = Math.min(perFile, left);
      const upload = await readUpload(c, limit, () => (left < perFile ? fileErrors.quotaExceeded(FILE_QUOTA) : fileErrors.tooLarge(perFile)));
      // The declared type is ignored: only what the first bytes show counts.
      const contentType = sniffContentType(upload.bytes);
      if (!contentType || !isAccepted(contentType, accept)) throw fileErrors.typeRefused(accept);
      const encrypt = await isSensitiveNode(client, access.flowVersionId, nodeId);
      return store.save({ conversationId: access.id, nodeId, name: sanitizeFileName(upload.name, contentType), contentType, bytes: upload.bytes, encrypt });
    });
    return c.json(fileReference(file), 201);
  });

  app.get('/conversations/:conversationId/files/:fileId', async (c) => {
    const access = await authorizeConversation(client, c.req.param('conversationId'), bearerToken(c), c.get('isAdminToken'));
    const file = await store.get(access.id, c.req.param('fileId'));
    // Sealed files (sensitive answers) are gone for everyone once the conversation has ended.
    if (!file || (file.encrypted && access.status === 'ended')) throw fileErrors.notFound(c.req.param('fileId'));
    return sendFile(c, store, file);
  });

  return app;
}

/** Staff download of any file (admin token; mounted behind the admin check). */
export function fileAdminRoutes(store: EmbeddedFileStore, client: Client): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.get('/files/:fileId', async (c) => {
    const file = await store.find(c.req.param('fileId'));
    if (!file) throw fileErrors.notFound(c.req.param('fileId'));
    if (file.encrypted) {
      const owner = await client.execute({ sql: 'SELECT status FROM conversations WHERE id = ?', args: [file.conversationId] });
      if (String(owner.rows[0]?.status ?? 'ended') === 'ended') throw fileErrors.notFound(file.id);
    }
    return sendFile(c, store, file);
  });
  return app;
}
