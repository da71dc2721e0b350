import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Files customers uploaded to answer an `ask` node with input `file`. The bytes live under
 * `<data dir>/files/<conversation id>/<file id>` (never a client-given path); this row is what the runtime trusts about
 * them: the sniffed type, the size and the sanitised name. `encrypted` files were uploaded at a sensitive node and are
 * sealed with the runtime's secret box.
 */
export const files = sqliteTable(
  'files',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().default('default'),
    conversationId: text('conversation_id').notNull(),
    /** The node that asked for the file (the waiting `ask`). */
    nodeId: text('node_id'),
    name: text('name').notNull(),
    contentType: text('content_type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    encrypted: integer('encrypted', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('files_conversation').on(t.conversationId, t.createdAt)],
);
