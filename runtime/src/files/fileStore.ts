import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, unlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Client } from '@libsql/client';
import type { FileStore, StoredFile } from '@dialogwerk/nodes';
import type { SecretBox } from '../security/secretBox.js';

const MiB = 1024 * 1024;

/** Per conversation, whatever the questions allow: an upload beyond this is a 413. */
export const FILE_QUOTA = { maxFiles: 20, maxBytes: 100 * MiB };

/** Conversation and file ids are ours (UUIDs); anything else never reaches a path. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface StoredFileRecord extends StoredFile {
  nodeId: string | null;
  encrypted: boolean;
  createdAt: string;
}

export function customerFileUrl(conversationId: string, fileId: string): string {
  return `/v1/conversations/${conversationId}/files/${fileId}`;
}

function toRecord(row: Record<string, unknown>): StoredFileRecord {
  const conversationId = String(row.conversation_id);
  const id = String(row.id);
  return {
    id,
    conversationId,
    name: String(row.name),
    contentType: String(row.content_type),
    size: Number(row.size),
    url: customerFileUrl(conversationId, id),
    nodeId: row.node_id === null ? null : String(row.node_id),
    encrypted: Number(row.encrypted) === 1,
    createdAt: String(row.created_at),
  };
}

const COLUMNS = 'id, conversation_id, node_id, name, content_type, size, encrypted, created_at';

/**
 * The embedded file store: bytes under `<data dir>/files/<conversation id>/<file id>`, metadata in the `files` table.
 * Files uploaded at a sensitive node are sealed with the secret box, so they never lie on disk in clear.
 */
export class EmbeddedFileStore implements FileStore {
  readonly root: string;

  constructor(
    private readonly client: Client,
    dataDir: string,
    private readonly box: SecretBox,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.root = path.join(dataDir, 'files');
  }

  async get(conversationId: string, fileId: string): Promise<StoredFileRecord | undefined> {
    const result = await this.client.execute({ sql: `SELECT ${COLUMNS} FROM files WHERE id = ? AND conversation_id = ?`, args: [fileId, conversationId] });
    return result.rows[0] ? toRecord(result.rows[0]) : undefined;
  }

  /** Any conversation's file, for staff. */
  async find(fileId: string): Promise<StoredFileRecord | undefined> {
    const result = await this.client.execute({ sql: `SELECT ${COLUMNS} FROM files WHERE id = ?`, args: [fileId] });
    return result.rows[0] ? toRecord(result.rows[0]) : undefined;
  }

  async usage(conversationId: string): Promise<{ count: number; bytes: number }> {
    const result = await this.client.execute({
      sql: 'SELECT COUNT(*) AS count, COALESCE(SUM(size), 0) AS bytes FROM files WHERE conversation_id = ?',
      args: [conversationId],
    });
    return { count: Number(result.rows[0]!.count), bytes: Number(result.rows[0]!.bytes) };
  }

  async save(upload: { conversationId: string; nodeId: string | null; name: string; contentType: string; bytes: Buffer; encrypt: boolean }): Promise<StoredFileRecord> {
    if (!SAFE_ID.test(upload.conversationId)) throw new Error('unexpected conversation id');
    const id = randomUUID();
    const directory = path.join(this.root, upload.conversationId);
    const target = path.join(directory, id);
    await mkdir(directory, { recursive: true, mode: 0o700 });
    const content = upload.encrypt ? Buffer.from(this.box.seal(upload.bytes.toString('base64')), 'utf8') : upload.bytes;
    // Written aside and renamed: a crash never leaves a half-written file under its real name.
    await writeFile(`${target}.part`, content, { mode: 0o600 });
    await rename(`${target}.part`, target);
    const createdAt = this.now().toISOString();
    try {
      await this.client.execute({
        sql: 'INSERT INTO files (id, conversation_id, node_id, name, content_type, size, sha256, encrypted, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
        args: [id, upload.conversationId, upload.nodeId, upload.name, upload.contentType, upload.bytes.length,
          createHash('sha256').update(upload.bytes).digest('hex'), upload.encrypt ? 1 : 0, createdAt],
      });
    } catch (error) {
      await unlink(target).catch(() => {});
      throw error;
    }
    return {
      id, conversationId: upload.conversationId, nodeId: upload.nodeId, name: upload.name, contentType: upload.contentType,
      size: upload.bytes.length, url: customerFileUrl(upload.conversationId, id), encrypted: upload.encrypt, createdAt,
    };
  }

  /** The file's bytes, decrypted when it was sealed. */
  async read(file: StoredFileRecord): Promise<Buffer> {
    if (!SAFE_ID.test(file.conversationId) || !SAFE_ID.test(file.id)) throw new Error('unexpected file id');
    const content = await readFile(path.join(this.root, file.conversationId, file.id));
    return file.encrypted ? Buffer.from(this.box.open(content.toString('utf8')), 'base64') : content;
  }

  async delete(file: Pick<StoredFileRecord, 'id' | 'conversationId'>): Promise<void> {
    await this.client.execute({ sql: 'DELETE FROM files WHERE id = ?', args: [file.id] });
    if (SAFE_ID.test(file.conversationId) && SAFE_ID.test(file.id)) await rm(path.join(this.root, file.conversationId, file.id), { force: true });
  }

  /** Deletes every file of these conversations with their folders (erasure); returns how many files went. */
  async deleteConversations(conversationIds: string[]): Promise<number> {
    if (conversationIds.length === 0) return 0;
    const marks = conversationIds.map(() => '?').join(', ');
    const files = await this.client.execute({ sql: `SELECT id, conversation_id FROM files WHERE conversation_id IN (${marks})`, args: conversationIds });
    for (const row of files.rows) await this.delete({ id: String(row.id), conversationId: String(row.conversation_id) });
    // With any `.part` an interrupted upload left behind.
    for (const conversationId of conversationIds) {
      if (SAFE_ID.test(conversationId)) await rm(path.join(this.root, conversationId), { recursive: true, force: true });
    }
    return files.rows.length;
  }

  /**
   * Deletes the files of conversations that no longer exist (retention purge) and the sealed files of ended
   * conversations (sensitive answers are kept only while the conversation needs them). Only what the `files` table
   * names is touched, so a data directory shared by mistake never loses another database's files. Returns how many
   * files went.
   */
  async sweep(): Promise<number> {
    const doomed = await this.client.execute(`
      SELECT f.id, f.conversation_id, c.id IS NULL AS gone FROM files f LEFT JOIN conversations c ON c.id = f.conversation_id
      WHERE c.id IS NULL OR (f.encrypted = 1 AND c.status = 'ended')`);
    const goneConversations = new Set<string>();
    for (const row of doomed.rows) {
      await this.delete({ id: String(row.id), conversationId: String(row.conversation_id) });
      if (Number(row.gone) === 1) goneConversations.add(String(row.conversation_id));
    }
    // The whole folder of a deleted conversation goes, with any `.part` a crash left behind.
    for (const conversationId of goneConversations) {
      if (SAFE_ID.test(conversationId)) await rm(path.join(this.root, conversationId), { recursive: true, force: true });
    }
    return doomed.rows.length;
  }
}
