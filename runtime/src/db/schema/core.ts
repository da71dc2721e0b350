import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Every row carries `workspace_id` (agencies host several clients later) and timestamps (ISO 8601 UTC text)
 * that retention and KPIs use.
 */
const workspaceId = () => text('workspace_id').notNull().default('default');
const createdAt = () => text('created_at').notNull();

export const flows = sqliteTable(
  'flows',
  {
    workspaceId: workspaceId(),
    id: text('id').notNull(),
    name: text('name').notNull(),
    draft: text('draft', { mode: 'json' }).notNull(),
    revision: integer('revision').notNull(),
    publishedVersion: integer('published_version'),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/** Immutable snapshots: published versions (numbered) and the drafts test conversations ran (version null). */
export const flowVersions = sqliteTable(
  'flow_versions',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workspaceId: workspaceId(),
    flowId: text('flow_id').notNull(),
    version: integer('version'),
    kind: text('kind', { enum: ['published', 'test'] }).notNull(),
    document: text('document', { mode: 'json' }).notNull(),
    hash: text('hash').notNull(),
    note: text('note'),
    createdBy: text('created_by'),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('flow_versions_number').on(t.workspaceId, t.flowId, t.version),
    index('flow_versions_hash').on(t.workspaceId, t.flowId, t.kind, t.hash),
  ],
);

export const conversations = sqliteTable(
  'conversations',
  {
    id: text('id').primaryKey(),
    workspaceId: workspaceId(),
    flowId: text('flow_id').notNull(),
    flowVersionId: integer('flow_version_id').notNull(),
    flowVersion: integer('flow_version'),
    isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
    status: text('status', { enum: ['awaiting_input', 'ended', 'handed_off'] }).notNull(),
    locale: text('locale').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** Engine state as JSON; sensitive answers inside it are encrypted. */
    state: text('state').notNull(),
    turn: integer('turn').notNull(),
    createdAt: createdAt(),
    updatedAt: text('updated_at').notNull(),
    endedAt: text('ended_at'),
  },
  (t) => [
    index('conversations_flow_created').on(t.workspaceId, t.flowId, t.createdAt),
    index('conversations_updated').on(t.updatedAt),
  ],
);

/**
 * The turn log and transcript: one append-only row per processed turn holding, in order and with timestamps, every
 * message and every node entered or left in that turn (`events`, a JSON array). One row per turn instead of one per
 * event keeps a turn's commit cheap (see docs/ARCHITECTURE.md, storage model). The primary key doubles as the
 * optimistic-concurrency guard between runtime processes; `client_message_id` + `request_hash` + `response` make
 * client retries idempotent across restarts.
 */
export const turns = sqliteTable(
  'turns',
  {
    workspaceId: workspaceId(),
    conversationId: text('conversation_id').notNull(),
    seq: integer('seq').notNull(),
    kind: text('kind').notNull(),
    clientMessageId: text('client_message_id'),
    requestHash: text('request_hash'),
    /** The turn's reply apart from its messages (status, input); messages come from `events`. */
    response: text('response').notNull(),
    events: text('events').notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.conversationId, t.seq] })],
);

export const handoffs = sqliteTable(
  'handoffs',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    workspaceId: workspaceId(),
    conversationId: text('conversation_id').notNull(),
    flowId: text('flow_id').notNull(),
    nodeId: text('node_id'),
    reason: text('reason').notNull(),
    status: text('status', { enum: ['open', 'closed'] }).notNull(),
    createdAt: createdAt(),
    closedAt: text('closed_at'),
  },
  (t) => [index('handoffs_status').on(t.workspaceId, t.status, t.createdAt), index('handoffs_conversation').on(t.conversationId)],
);

// `contacts` lives in contacts-leads.ts with the leads it belongs to.

export const settings = sqliteTable(
  'settings',
  {
    workspaceId: workspaceId(),
    key: text('key').notNull(),
    value: text('value').notNull(),
    updatedAt: text('updated_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ','now'))`),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.key] })],
);
