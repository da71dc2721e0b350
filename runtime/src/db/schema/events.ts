import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/**
 * Business events nodes record (`ctx.record`): leads, bookings, unmatched questions, ratings, LLM token usage,
 * callback requests. Written in the transaction of the turn that recorded them; KPIs, the review queue and
 * plugin subscribers read them. `is_test` is copied from the conversation so KPI queries need no join.
 */
export const domainEvents = sqliteTable(
  'domain_events',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workspaceId: text('workspace_id').notNull().default('default'),
    conversationId: text('conversation_id').notNull(),
    flowId: text('flow_id').notNull(),
    flowVersion: integer('flow_version'),
    isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
    nodeId: text('node_id'),
    type: text('type').notNull(),
    data: text('data').notNull(),
    createdAt: text('created_at').notNull(),
  },
  (t) => [
    index('domain_events_flow_type').on(t.workspaceId, t.flowId, t.type, t.createdAt),
    index('domain_events_conversation').on(t.conversationId),
    index('domain_events_type').on(t.type, t.id),
  ],
);
