import type { Client, InStatement } from '@libsql/client';
import type { StoredEntry } from './knowledgeSchemas.js';

export interface KnowledgeBaseInfo {
  id: string;
  name: string;
  revision: number;
  entryCount: number;
  createdAt: string;
  updatedAt: string;
}

export interface KnowledgeBaseWithEntries extends KnowledgeBaseInfo {
  entries: StoredEntry[];
}

const WORKSPACE = 'default';
const STALE = 'stale knowledge base revision';
const RETRY = Symbol('retry');

const baseOf = (row: Record<string, unknown>): KnowledgeBaseInfo => ({
  id: String(row.id),
  name: String(row.name),
  revision: Number(row.revision),
  entryCount: Number(row.entry_count ?? 0),
  createdAt: String(row.created_at),
  updatedAt: String(row.updated_at),
});

function entryOf(row: Record<string, unknown>): StoredEntry {
  const entry: StoredEntry = { id: String(row.id), question: JSON.parse(String(row.question)), answer: JSON.parse(String(row.answer)) };
  if (row.alternatives !== null && row.alternatives !== undefined) entry.alternatives = JSON.parse(String(row.alternatives));
  return entry;
}

const insertEntry = (kbId: string, entry: StoredEntry, position: number, createdAt: string, now: string): InStatement => ({
  sql: `INSERT INTO knowledge_entries (workspace_id, knowledge_base_id, id, question, alternatives, answer, position, created_at, updated_at)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (workspace_id, knowledge_base_id, id) DO UPDATE SET
          question = excluded.question, alternatives = excluded.alternatives, answer = excluded.answer,
          position = excluded.position, updated_at = excluded.updated_at`,
  args: [WORKSPACE, kbId, entry.id, JSON.stringify(entry.question), entry.alternatives === undefined ? null : JSON.stringify(entry.alternatives), JSON.stringify(entry.answer), position, createdAt, now],
});

/**
 * Knowledge bases and their entries. Every write is one write transaction that raises the revision, so a reader
 * sees either the old or the new state of a base, never half an import.
 */
export class KnowledgeRepository {
  constructor(
    private readonly client: Client,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private stamp(): string {
    return this.now().toISOString();
  }

  async list(): Promise<KnowledgeBaseInfo[]> {
    const result = await this.client.execute({
      sql: `SELECT b.*, (SELECT COUNT(*) FROM knowledge_entries e WHERE e.workspace_id = b.workspace_id AND e.knowledge_base_id = b.id) AS entry_count
            FROM knowledge_bases b WHERE b.workspace_id = ? ORDER BY b.id`,
      args: [WORKSPACE],
    });
    return result.rows.map((row) => baseOf(row as Record<string, unknown>));
  }

  async revision(kbId: string): Promise<number | undefined> {
    const result = await this.client.execute({ sql: 'SELECT revision FROM knowledge_bases WHERE workspace_id = ? AND id = ?', args: [WORKSPACE, kbId] });
    return result.rows[0] ? Number(result.rows[0].revision) : undefined;
  }

  /** The base with its entries in order, read in one snapshot. */
  async get(kbId: string): Promise<KnowledgeBaseWithEntries | undefined> {
    const [base, entries] = await this.client.batch(
      [
        { sql: 'SELECT * FROM knowledge_bases WHERE workspace_id = ? AND id = ?', args: [WORKSPACE, kbId] },
        { sql: 'SELECT * FROM knowledge_entries WHERE workspace_id = ? AND knowledge_base_id = ? ORDER BY position, id', args: [WORKSPACE, kbId] },
      ],
      'read',
    );
    const row = base!.rows[0];
    if (!row) return undefined;
    const list = entries!.rows.map((entry) => entryOf(entry as Record<string, unknown>));
    return { ...baseOf(row as Record<string, unknown>), entryCount: list.length, entries: list };
  }

  /** Current revision and entry bookkeeping of a base, read in one snapshot. */
  private async state(kbId: string) {
    const [base, entries] = await this.client.batch(
      [
        { sql: 'SELECT revision FROM knowledge_bases WHERE workspace_id = ? AND id = ?', args: [WORKSPACE, kbId] },
        { sql: 'SELECT id, position, created_at FROM knowledge_entries WHERE workspace_id = ? AND knowledge_base_id = ? ORDER BY position, id', args: [WORKSPACE, kbId] },
      ],
      'read',
    );
    const row = base!.rows[0];
    if (!row) return undefined;
    const existing = new Map(entries!.rows.map((e) => [String(e.id), { position: Number(e.position), createdAt: String(e.created_at) }]));
    return { revision: Number(row.revision), existing };
  }

  /**
   * Commits `statements` only if the base is still at `revision` (raising it by one), all in one write transaction.
   * Interactive transactions would hand the client's only connection (and its PRAGMAs) away, so the check runs inside
   * the batch: a stale revision makes the guard statement fail and the whole batch roll back; the caller retries.
   */
  private async writeAtRevision(kbId: string, revision: number, statements: InStatement[], name?: string): Promise<boolean> {
    try {
      await this.client.batch(
        [
          {
            sql: `UPDATE knowledge_bases SET revision = revision + 1, updated_at = ?${name === undefined ? '' : ', name = ?'} WHERE workspace_id = ? AND id = ? AND revision = ?`,
            args: [this.stamp(), ...(name === undefined ? [] : [name]), WORKSPACE, kbId, revision],
          },
          `SELECT CASE WHEN changes() = 1 THEN 1 ELSE json('${STALE}') END`,
          ...statements,
        ],
        'write',
      );
      return true;
    } catch (error) {
      if (/malformed JSON/.test(String((error as Error).message))) return false;
      throw error;
    }
  }

  private async retrying<T>(attempt: () => Promise<T | typeof RETRY>): Promise<T> {
    for (let i = 0; i < 20; i++) {
      const result = await attempt();
      if (result !== RETRY) return result as T;
    }
    throw new Error('knowledge base changed concurrently too often');
  }

  /** Creates the base; false when the id is taken. */
  async create(kbId: string, name: string, entries: StoredEntry[]): Promise<boolean> {
    const now = this.stamp();
    try {
      await this.client.batch(
        [
          { sql: 'INSERT INTO knowledge_bases (workspace_id, id, name, revision, created_at, updated_at) VALUES (?, ?, ?, 1, ?, ?)', args: [WORKSPACE, kbId, name, now, now] },
          ...entries.map((entry, position) => insertEntry(kbId, entry, position, now, now)),
        ],
        'write',
      );
      return true;
    } catch (error) {
      if ((await this.revision(kbId)) !== undefined) return false;
      throw error;
    }
  }

  /** Creates or replaces the base with exactly these entries; returns the new revision and whether it was created. */
  async replace(kbId: string, name: string, entries: StoredEntry[]): Promise<{ revision: number; created: boolean }> {
    return this.retrying(async () => {
      const state = await this.state(kbId);
      if (!state) return (await this.create(kbId, name, entries)) ? { revision: 1, created: true } : RETRY;
      const now = this.stamp();
      const statements = [
        { sql: 'DELETE FROM knowledge_entries WHERE workspace_id = ? AND knowledge_base_id = ?', args: [WORKSPACE, kbId] },
        ...entries.map((entry, position) => insertEntry(kbId, entry, position, state.existing.get(entry.id)?.createdAt ?? now, now)),
      ];
      return (await this.writeAtRevision(kbId, state.revision, statements, name)) ? { revision: state.revision + 1, created: false } : RETRY;
    });
  }

  /**
   * Adds imported entries: `replace` drops the others, `merge` updates entries with the same id in place and appends
   * new ones. Undefined when the base does not exist.
   */
  async importEntries(kbId: string, entries: StoredEntry[], mode: 'replace' | 'merge') {
    return this.retrying(async () => {
      const state = await this.state(kbId);
      if (!state) return undefined;
      const { existing } = state;
      const now = this.stamp();
      const statements: InStatement[] = [];
      let created = 0;
      let updated = 0;
      let removed = 0;
      if (mode === 'replace') {
        const incoming = new Set(entries.map((entry) => entry.id));
        removed = [...existing.keys()].filter((id) => !incoming.has(id)).length;
        statements.push({ sql: 'DELETE FROM knowledge_entries WHERE workspace_id = ? AND knowledge_base_id = ?', args: [WORKSPACE, kbId] });
        entries.forEach((entry, position) => {
          if (existing.has(entry.id)) updated++;
          else created++;
          statements.push(insertEntry(kbId, entry, position, existing.get(entry.id)?.createdAt ?? now, now));
        });
      } else {
        let next = Math.max(-1, ...[...existing.values()].map((e) => e.position)) + 1;
        for (const entry of entries) {
          const known = existing.get(entry.id);
          if (known) updated++;
          else created++;
          statements.push(insertEntry(kbId, entry, known ? known.position : next++, known?.createdAt ?? now, now));
        }
      }
      if (!(await this.writeAtRevision(kbId, state.revision, statements))) return RETRY;
      return { revision: state.revision + 1, created, updated, removed };
    });
  }

  /** Creates or replaces one entry (appended when new); undefined when the base does not exist. */
  async putEntry(kbId: string, entry: StoredEntry): Promise<{ revision: number; created: boolean } | undefined> {
    return this.retrying(async () => {
      const state = await this.state(kbId);
      if (!state) return undefined;
      const known = state.existing.get(entry.id);
      const position = known ? known.position : Math.max(-1, ...[...state.existing.values()].map((e) => e.position)) + 1;
      const now = this.stamp();
      const ok = await this.writeAtRevision(kbId, state.revision, [insertEntry(kbId, entry, position, known?.createdAt ?? now, now)]);
      return ok ? { revision: state.revision + 1, created: !known } : RETRY;
    });
  }

  /** Removes one entry; 'no_base' / 'no_entry' say what was missing. */
  async deleteEntry(kbId: string, entryId: string): Promise<{ revision: number } | 'no_base' | 'no_entry'> {
    return this.retrying(async () => {
      const state = await this.state(kbId);
      if (!state) return 'no_base' as const;
      if (!state.existing.has(entryId)) return 'no_entry' as const;
      const ok = await this.writeAtRevision(kbId, state.revision, [
        { sql: 'DELETE FROM knowledge_entries WHERE workspace_id = ? AND knowledge_base_id = ? AND id = ?', args: [WORKSPACE, kbId, entryId] },
      ]);
      return ok ? { revision: state.revision + 1 } : RETRY;
    });
  }

  /** Deletes the base and its entries; false when it did not exist. */
  async delete(kbId: string): Promise<boolean> {
    const [, base] = await this.client.batch(
      [
        { sql: 'DELETE FROM knowledge_entries WHERE workspace_id = ? AND knowledge_base_id = ?', args: [WORKSPACE, kbId] },
        { sql: 'DELETE FROM knowledge_bases WHERE workspace_id = ? AND id = ?', args: [WORKSPACE, kbId] },
      ],
      'write',
    );
    return base!.rowsAffected > 0;
  }
}
