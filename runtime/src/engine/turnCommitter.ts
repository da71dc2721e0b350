import type { InStatement, InValue } from '@libsql/client';
import type { BatchExecutor } from '../db/preparedBatchExecutor.js';

export interface ConversationInsert {
  id: string;
  workspaceId: string;
  flowId: string;
  flowVersionId: number;
  flowVersion: number | null;
  isTest: boolean;
  status: string;
  locale: string;
  tokenHash: string;
  state: string;
  turn: number;
  createdAt: string;
}

export interface ConversationUpdate {
  id: string;
  status: string;
  state: string;
  turn: number;
  updatedAt: string;
  endedAt: string | null;
}

export interface TurnRow {
  workspaceId: string;
  conversationId: string;
  seq: number;
  kind: string;
  clientMessageId: string | null;
  requestHash: string | null;
  response: string;
  /** The turn's transcript events as a JSON array. */
  events: string;
  createdAt: string;
}

/** Everything one turn writes; it commits atomically, alone or together with other turns. */
export interface TurnWrite {
  insert?: ConversationInsert;
  update?: ConversationUpdate;
  turn: TurnRow;
  extra?: InStatement[];
}

export class TurnConflictError extends Error {
  constructor(readonly cause: unknown) {
    super('another turn of this conversation was committed first');
  }
}

interface Pending {
  write: TurnWrite;
  resolve: () => void;
  reject: (error: unknown) => void;
}

function isConstraintViolation(error: unknown): boolean {
  const text = `${(error as { code?: string }).code ?? ''} ${(error as Error).message ?? ''}`;
  return /CONSTRAINT|UNIQUE|PRIMARY KEY/i.test(text);
}

function multiRowInsert(table: string, columns: string[], rows: InValue[][]): InStatement {
  const tuple = `(${columns.map(() => '?').join(',')})`;
  return { sql: `INSERT INTO ${table} (${columns.join(',')}) VALUES ${rows.map(() => tuple).join(',')}`, args: rows.flat() };
}

/**
 * Group commit: turns that finish in the same event-loop tick share one write transaction. Each caller's promise
 * resolves only after that transaction committed, so an acknowledged message is durable, while the cost of a
 * commit is spread over every conversation that was active at the time.
 */
export class TurnCommitter {
  #queue: Pending[] = [];
  #scheduled = false;
  #flushing = false;
  readonly stats = { batches: 0, turns: 0, maxBatch: 0 };

  constructor(private readonly executeBatch: BatchExecutor) {}

  commit(write: TurnWrite): Promise<void> {
    return new Promise((resolve, reject) => {
      this.#queue.push({ write, resolve, reject });
      this.#schedule();
    });
  }

  /** Resolves once every turn handed in so far has been committed or failed (used on shutdown). */
  async drain(): Promise<void> {
    while (this.#queue.length > 0 || this.#flushing || this.#scheduled) {
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  #schedule(): void {
    if (this.#scheduled || this.#flushing) return;
    this.#scheduled = true;
    setImmediate(() => void this.#flush());
  }

  async #flush(): Promise<void> {
    this.#scheduled = false;
    this.#flushing = true;
    const batch = this.#queue;
    this.#queue = [];
    try {
      if (batch.length > 0) await this.#commitBatch(batch);
    } finally {
      this.#flushing = false;
      if (this.#queue.length > 0) this.#schedule();
    }
  }

  async #commitBatch(batch: Pending[]): Promise<void> {
    try {
      await this.executeBatch(statementsFor(batch.map((item) => item.write)));
      this.stats.batches++;
      this.stats.turns += batch.length;
      this.stats.maxBatch = Math.max(this.stats.maxBatch, batch.length);
      for (const item of batch) item.resolve();
    } catch (error) {
      if (batch.length === 1) {
        batch[0]!.reject(isConstraintViolation(error) ? new TurnConflictError(error) : error);
        return;
      }
      // One conflicting turn must not fail its neighbours: retry each on its own.
      for (const item of batch) await this.#commitBatch([item]);
    }
  }
}

export function statementsFor(writes: TurnWrite[]): InStatement[] {
  const statements: InStatement[] = [];
  const inserts = writes.flatMap((w) => (w.insert ? [w.insert] : []));
  if (inserts.length > 0) {
    statements.push(
      multiRowInsert(
        'conversations',
        ['id', 'workspace_id', 'flow_id', 'flow_version_id', 'flow_version', 'is_test', 'status', 'locale', 'token_hash', 'state', 'turn', 'created_at', 'updated_at'],
        inserts.map((c) => [c.id, c.workspaceId, c.flowId, c.flowVersionId, c.flowVersion, c.isTest ? 1 : 0, c.status, c.locale, c.tokenHash, c.state, c.turn, c.createdAt, c.createdAt]),
      ),
    );
  }
  // Only for conversations that still exist: a retention purge may delete one while its turn is in flight, and the
  // turn must then not leave an orphaned transcript row behind.
  const rows = writes.map(({ turn: t }) => [t.workspaceId, t.conversationId, t.seq, t.kind, t.clientMessageId, t.requestHash, t.response, t.events, t.createdAt]);
  statements.push({
    sql:
      'INSERT INTO turns (workspace_id, conversation_id, seq, kind, client_message_id, request_hash, response, events, created_at) ' +
      `SELECT * FROM (VALUES ${rows.map(() => '(?,?,?,?,?,?,?,?,?)').join(',')}) AS v ` +
      'WHERE EXISTS (SELECT 1 FROM conversations c WHERE c.id = v.column2)',
    args: rows.flat(),
  });
  const updates = writes.flatMap((w) => (w.update ? [w.update] : []));
  if (updates.length > 0) {
    statements.push({
      sql:
        `UPDATE conversations SET status = v.column2, state = v.column3, turn = v.column4, updated_at = v.column5, ` +
        `ended_at = coalesce(v.column6, conversations.ended_at) FROM (VALUES ${updates.map(() => '(?,?,?,?,?,?)').join(',')}) AS v ` +
        `WHERE conversations.id = v.column1`,
      args: updates.flatMap((u) => [u.id, u.status, u.state, u.turn, u.updatedAt, u.endedAt]),
    });
  }
  for (const write of writes) if (write.extra) statements.push(...write.extra);
  return statements;
}
