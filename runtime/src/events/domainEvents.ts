import type { Client } from '@libsql/client';
import type { Json } from '@dialogwerk/nodes';
import type { Logger } from '../logging/logger.js';

/**
 * A business event a node recorded with `ctx.record(type, data)` (`lead.captured`, `booking.created`,
 * `intent.no_match`, `csat`, ...). It is stored in `domain_events` in the same transaction as the turn that recorded
 * it, so an event exists exactly when its turn committed (transactional outbox).
 */
export interface DomainEvent {
  id: number;
  workspaceId: string;
  conversationId: string;
  flowId: string;
  flowVersion: number | null;
  isTest: boolean;
  nodeId: string | null;
  type: string;
  data: Record<string, Json>;
  createdAt: string;
}

export type DomainEventHandler = (event: DomainEvent) => Promise<void> | void;

export interface Subscription {
  /** Stable name: the delivery cursor is stored under it, so a restarted subscriber continues where it stopped. */
  name: string;
  /** Event types to receive; `*` receives every type. */
  types: string[] | '*';
  handler: DomainEventHandler;
}

const BATCH = 100;
const MAX_ATTEMPTS = 5;

interface SubscriberState extends Subscription {
  cursor?: number;
  attempts: number;
}

/**
 * Delivers committed domain events to subscribers (CRM plugins, notifications) at least once, in order, after the
 * turn's reply has gone out. Each subscriber has a durable cursor in `settings`; a new subscriber starts at the
 * newest event instead of replaying history. A handler that keeps failing is skipped after 5 attempts with an error
 * log, so one broken integration cannot stall the others. Several runtime processes sharing a database would each
 * deliver; leasing comes with the scale-out work (docs/DECISIONS.md).
 */
export class DomainEvents {
  readonly #client: Client;
  readonly #log: Logger;
  readonly #subscribers: SubscriberState[] = [];
  #running: Promise<void> | undefined;
  #again = false;
  #closed = false;
  #retryTimer: NodeJS.Timeout | undefined;

  constructor(client: Client, log: Logger) {
    this.#client = client;
    this.#log = log;
  }

  subscribe(subscription: Subscription): void {
    if (this.#subscribers.some((existing) => existing.name === subscription.name)) {
      throw new Error(`A domain event subscriber named "${subscription.name}" exists already`);
    }
    this.#subscribers.push({ ...subscription, attempts: 0 });
    this.nudge();
  }

  /** Called after every commit that stored events; cheap when nobody subscribes. */
  nudge(): void {
    if (this.#closed || this.#subscribers.length === 0) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#deliverAll()
      .catch((error) => this.#log.error('domain event delivery failed', { error: String(error) }))
      .finally(() => {
        this.#running = undefined;
        if (this.#again) {
          this.#again = false;
          this.nudge();
        }
      });
  }

  /** Waits until every committed event has been offered to every subscriber (tests, shutdown). */
  async drain(): Promise<void> {
    for (let round = 0; round < 50 && (this.#running || this.#again); round++) await this.#running;
  }

  async close(): Promise<void> {
    await this.drain();
    this.#closed = true;
    clearTimeout(this.#retryTimer);
  }

  async #deliverAll(): Promise<void> {
    for (const subscriber of this.#subscribers) await this.#deliver(subscriber);
  }

  async #deliver(subscriber: SubscriberState): Promise<void> {
    subscriber.cursor ??= await this.#loadCursor(subscriber.name);
    for (;;) {
      const events = await this.#read(subscriber);
      if (events.length === 0) return;
      for (const event of events) {
        try {
          await subscriber.handler(event);
          subscriber.attempts = 0;
        } catch (error) {
          subscriber.attempts += 1;
          if (subscriber.attempts < MAX_ATTEMPTS) {
            this.#log.warn('domain event handler failed; retrying', { subscriber: subscriber.name, event: event.id, error: String(error) });
            this.#scheduleRetry(subscriber.attempts);
            return;
          }
          this.#log.error('domain event handler failed 5 times; skipping the event', {
            subscriber: subscriber.name, event: event.id, type: event.type, error: String(error),
          });
          subscriber.attempts = 0;
        }
        subscriber.cursor = event.id;
        await this.#saveCursor(subscriber.name, event.id);
      }
    }
  }

  #scheduleRetry(attempt: number): void {
    clearTimeout(this.#retryTimer);
    this.#retryTimer = setTimeout(() => this.nudge(), Math.min(30_000, 200 * 2 ** attempt));
    this.#retryTimer.unref();
  }

  async #read(subscriber: SubscriberState): Promise<DomainEvent[]> {
    const typeFilter = subscriber.types === '*' ? '' : ` AND type IN (${subscriber.types.map(() => '?').join(', ')})`;
    const result = await this.#client.execute({
      sql: `SELECT id, workspace_id, conversation_id, flow_id, flow_version, is_test, node_id, type, data, created_at
            FROM domain_events WHERE id > ?${typeFilter} ORDER BY id LIMIT ${BATCH}`,
      args: [subscriber.cursor ?? 0, ...(subscriber.types === '*' ? [] : subscriber.types)],
    });
    return result.rows.map((row) => ({
      id: Number(row.id),
      workspaceId: String(row.workspace_id),
      conversationId: String(row.conversation_id),
      flowId: String(row.flow_id),
      flowVersion: row.flow_version === null ? null : Number(row.flow_version),
      isTest: Boolean(row.is_test),
      nodeId: row.node_id === null ? null : String(row.node_id),
      type: String(row.type),
      data: JSON.parse(String(row.data)) as Record<string, Json>,
      createdAt: String(row.created_at),
    }));
  }

  async #loadCursor(name: string): Promise<number> {
    const key = `events.cursor.${name}`;
    const stored = await this.#client.execute({ sql: `SELECT value FROM settings WHERE workspace_id = 'default' AND key = ?`, args: [key] });
    if (stored.rows[0]) return Number(stored.rows[0].value);
    const newest = await this.#client.execute('SELECT COALESCE(MAX(id), 0) AS id FROM domain_events');
    const cursor = Number(newest.rows[0]?.id ?? 0);
    await this.#saveCursor(name, cursor);
    return cursor;
  }

  async #saveCursor(name: string, cursor: number): Promise<void> {
    await this.#client.execute({
      sql: `INSERT INTO settings (workspace_id, key, value, updated_at) VALUES ('default', ?, ?, ?)
            ON CONFLICT (workspace_id, key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at`,
      args: [`events.cursor.${name}`, String(cursor), new Date().toISOString()],
    });
  }
}
