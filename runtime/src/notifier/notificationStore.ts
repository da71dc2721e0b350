import type { Client, Row } from '@libsql/client';
import type { Json, Localized } from '@dialogwerk/nodes';

const WORKSPACE = 'default';

export interface StoredNotification {
  id: string;
  topic: string;
  subject: Localized;
  text: Localized;
  data: Record<string, Json>;
  dedupeKey: string | null;
  createdAt: string;
  readAt: string | null;
}

export interface NewNotification {
  topic: string;
  subject: Localized;
  text: Localized;
  data: Record<string, Json>;
  dedupeKey?: string;
}

const fromRow = (row: Row): StoredNotification => ({
  id: String(row.id),
  topic: String(row.topic),
  subject: JSON.parse(String(row.subject)) as Localized,
  text: JSON.parse(String(row.text)) as Localized,
  data: JSON.parse(String(row.data)) as Record<string, Json>,
  dedupeKey: row.dedupe_key === null ? null : String(row.dedupe_key),
  createdAt: String(row.created_at),
  readAt: row.read_at === null ? null : String(row.read_at),
});

/** The `notifications` table: what the embedded notifier told staff, and what they have read. */
export class NotificationStore {
  constructor(
    private readonly client: Client,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Stores a notification unless one with the same topic and dedupe key exists. The unique index decides, so two
   * conversations racing to report the same low stock store it once.
   */
  async add(notification: NewNotification): Promise<{ id: string; duplicate: boolean }> {
    const inserted = await this.client.execute({
      sql: `INSERT INTO notifications (workspace_id, topic, subject, text, data, dedupe_key, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
      args: [WORKSPACE, notification.topic, JSON.stringify(notification.subject), JSON.stringify(notification.text),
        JSON.stringify(notification.data), notification.dedupeKey ?? null, this.now().toISOString()],
    });
    if (inserted.rows[0]) return { id: String(inserted.rows[0].id), duplicate: false };
    const existing = await this.client.execute({
      sql: 'SELECT id FROM notifications WHERE workspace_id = ? AND topic = ? AND dedupe_key = ?',
      args: [WORKSPACE, notification.topic, notification.dedupeKey ?? null],
    });
    return { id: String(existing.rows[0]?.id ?? ''), duplicate: true };
  }

  /** Newest first; page with `before` = the last id of the previous page. */
  async list(filter: { topic?: string; unread?: boolean; before?: number; limit: number }): Promise<StoredNotification[]> {
    const where = ['workspace_id = ?'];
    const args: (string | number)[] = [WORKSPACE];
    if (filter.topic) {
      where.push('topic = ?');
      args.push(filter.topic);
    }
    if (filter.unread) where.push('read_at IS NULL');
    if (filter.before !== undefined) {
      where.push('id < ?');
      args.push(filter.before);
    }
    const result = await this.client.execute({
      sql: `SELECT * FROM notifications WHERE ${where.join(' AND ')} ORDER BY id DESC LIMIT ?`,
      args: [...args, filter.limit],
    });
    return result.rows.map(fromRow);
  }

  /** Marks one notification read (keeping the first read time); undefined when there is no such notification. */
  async markRead(id: number): Promise<StoredNotification | undefined> {
    const result = await this.client.execute({
      sql: 'UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE workspace_id = ? AND id = ? RETURNING *',
      args: [this.now().toISOString(), WORKSPACE, id],
    });
    return result.rows[0] ? fromRow(result.rows[0]) : undefined;
  }
}
