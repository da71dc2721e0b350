import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

/**
 * The built-in calendar. A calendar is created on its first use; `feed_token` guards its public ICS feed and can be
 * rotated by staff.
 */
export const calendars = sqliteTable(
  'calendars',
  {
    workspaceId: text('workspace_id').notNull().default('default'),
    id: text('id').notNull(),
    name: text('name').notNull(),
    timeZone: text('time_zone').notNull(),
    feedToken: text('feed_token').notNull(),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.workspaceId, t.id] })],
);

/**
 * Appointments. Instants are ISO 8601 UTC text in one fixed format (`toISOString`), so text comparison is time
 * comparison and the overlap check stays one indexed SQL condition. `blocked_until` is the end plus the buffer that
 * applied when booking. A booking row is inserted only by a statement that checks for overlaps in the same write
 * (see runtime/src/calendar/bookingStore.ts); `ics_token` makes the single-booking .ics link unguessable.
 */
export const bookings = sqliteTable(
  'bookings',
  {
    id: text('id').primaryKey(),
    workspaceId: text('workspace_id').notNull().default('default'),
    calendarId: text('calendar_id').notNull(),
    startUtc: text('start_utc').notNull(),
    endUtc: text('end_utc').notNull(),
    blockedUntil: text('blocked_until').notNull(),
    title: text('title').notNull(),
    attendee: text('attendee').notNull(),
    conversationId: text('conversation_id'),
    flowId: text('flow_id'),
    status: text('status', { enum: ['booked', 'cancelled'] }).notNull(),
    /** Made in a test conversation (builder test chat): sees real bookings as busy, never blocks customers, not in feeds. */
    isTest: integer('is_test', { mode: 'boolean' }).notNull().default(false),
    idempotencyKey: text('idempotency_key').notNull(),
    icsToken: text('ics_token').notNull(),
    /** Bumped on every change so calendar clients pick up a cancellation (ICS SEQUENCE). */
    sequence: integer('sequence').notNull().default(0),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    cancelledAt: text('cancelled_at'),
  },
  (t) => [
    // Covers the busy look-up and the overlap check of a booking: both read only index pages, never the rows.
    index('bookings_calendar_start').on(t.workspaceId, t.calendarId, t.status, t.startUtc, t.blockedUntil, t.isTest),
    index('bookings_flow_start').on(t.workspaceId, t.flowId, t.startUtc),
    uniqueIndex('bookings_idempotency').on(t.workspaceId, t.calendarId, t.idempotencyKey).where(sql`status = 'booked'`),
  ],
);
