import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Notes for staff from the embedded notifier (low stock for sales, ...). `subject` and `text` are JSON `{ de, en }`
 * so each reader sees their language. A unique `(topic, dedupe_key)` lets concurrent conversations race to send the
 * same note and store it once; rows without a key are never deduplicated (NULLs are distinct in SQLite indexes).
 */
export const notifications = sqliteTable(
  'notifications',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workspaceId: text('workspace_id').notNull().default('default'),
    topic: text('topic').notNull(),
    subject: text('subject').notNull(),
    text: text('text').notNull(),
    data: text('data').notNull(),
    dedupeKey: text('dedupe_key'),
    createdAt: text('created_at').notNull(),
    readAt: text('read_at'),
  },
  (t) => [
    uniqueIndex('notifications_dedupe').on(t.workspaceId, t.topic, t.dedupeKey),
    index('notifications_topic').on(t.workspaceId, t.topic, t.id),
  ],
);
