import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * Built-in contacts store (runtime/src/contacts). A contact is a person, de-duplicated within the workspace by email,
 * else by phone (both normalised by `capture_lead`); contacts from test conversations never merge with real ones.
 * `data` holds the merged current fields, `conversation_id` the conversation that created the contact.
 */
export const contacts = sqliteTable(
  'contacts',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().default('default'),
    conversationId: text('conversation_id'),
    flowId: text('flow_id'),
    data: text('data', { mode: 'json' }).notNull(),
    name: text('name'),
    email: text('email'),
    phone: text('phone'),
    isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    index('contacts_conversation').on(t.conversationId),
    index('contacts_email').on(t.workspaceId, t.isTest, t.email),
    index('contacts_phone').on(t.workspaceId, t.isTest, t.phone),
    index('contacts_updated').on(t.workspaceId, t.updatedAt),
  ],
);

/**
 * One capture of a contact's request: the fields a `capture_lead` node collected in one conversation, with the
 * consent record. Unique per (conversation, node), so a retried turn updates instead of duplicating.
 */
export const leads = sqliteTable(
  'leads',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().default('default'),
    contactId: text('contact_id').notNull(),
    conversationId: text('conversation_id').notNull(),
    flowId: text('flow_id').notNull(),
    nodeId: text('node_id').notNull(),
    isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
    fields: text('fields').notNull(),
    consent: text('consent'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('leads_capture').on(t.conversationId, t.nodeId),
    index('leads_contact').on(t.contactId),
    index('leads_flow_created').on(t.workspaceId, t.flowId, t.createdAt),
  ],
);

/**
 * Staff's progress on callback requests. The requests themselves are the `escalation.callback_requested` domain
 * events (written in the turn's transaction, so one exists exactly when its turn committed); this table only marks
 * them done.
 */
export const callbackResolutions = sqliteTable('callback_resolutions', {
  eventId: integer('event_id').primaryKey(),
  workspaceId: text('workspace_id').notNull().default('default'),
  doneAt: text('done_at').notNull(),
  note: text('note'),
});
