import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Knowledge bases: FAQ entries shared by flows (faq and llm_answer nodes address them by id). `revision` grows with
 * every write so caches and retrieval indexes know when to rebuild; flows pick edits up without being republished.
 */
export const knowledgeBases = sqliteTable(
  'knowledge_bases',
  {
    workspaceId: text('workspace_id').notNull().default('default'),
    id: text('id').notNull(),
    name: text('name').notNull(),
    revision: integer('revision').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** One question with its phrasings and answer; texts are JSON (`Text` / per-locale lists) as in flow documents. */
export const knowledgeEntries = sqliteTable(
  'knowledge_entries',
  {
    workspaceId: text('workspace_id').notNull().default('default'),
    knowledgeBaseId: text('knowledge_base_id').notNull(),
    id: text('id').notNull(),
    question: text('question', { mode: 'json' }).notNull(),
    alternatives: text('alternatives', { mode: 'json' }),
    answer: text('answer', { mode: 'json' }).notNull(),
    position: integer('position').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.workspaceId, t.knowledgeBaseId, t.id] }),
    index('knowledge_entries_position').on(t.workspaceId, t.knowledgeBaseId, t.position),
  ],
);
