import { randomBytes, randomUUID } from 'node:crypto';
import type { Client, Row } from '@libsql/client';

export interface CalendarRow {
  id: string;
  name: string;
  timeZone: string;
  feedToken: string;
  createdAt: string;
}

export interface BookingRow {
  id: string;
  calendar: string;
  start: string;
  end: string;
  blockedUntil: string;
  title: string;
  attendee: Record<string, unknown>;
  status: 'booked' | 'cancelled';
  test: boolean;
  conversationId: string | null;
  flowId: string | null;
  idempotencyKey: string;
  icsToken: string;
  sequence: number;
  createdAt: string;
  updatedAt: string;
  cancelledAt: string | null;
}

export interface NewBooking {
  calendar: string;
  start: string;
  end: string;
  bufferMinutes: number;
  title: string;
  attendee: Record<string, unknown>;
  idempotencyKey: string;
  timeZone: string;
  conversationId?: string;
  flowId?: string;
  test?: boolean;
}

export interface BookingFilter {
  calendar?: string;
  flowId?: string;
  status?: 'booked' | 'cancelled';
  test?: boolean;
  /** Bookings starting at or after this instant. */
  from?: string;
  /** Bookings starting before this instant. */
  to?: string;
  limit: number;
  offset: number;
}

const WORKSPACE = 'default';
export const newToken = () => randomBytes(24).toString('base64url');
/** The one text format instants are stored in, so SQL text comparison is time comparison. */
export const utc = (instant: string | number | Date) => new Date(instant).toISOString();

const calendarOf = (r: Row): CalendarRow => ({
  id: String(r.id), name: String(r.name), timeZone: String(r.time_zone), feedToken: String(r.feed_token), createdAt: String(r.created_at),
});

const bookingOf = (r: Row): BookingRow => ({
  id: String(r.id),
  calendar: String(r.calendar_id),
  start: String(r.start_utc),
  end: String(r.end_utc),
  blockedUntil: String(r.blocked_until),
  title: String(r.title),
  attendee: JSON.parse(String(r.attendee)) as Record<string, unknown>,
  status: r.status === 'cancelled' ? 'cancelled' : 'booked',
  test: Number(r.is_test) === 1,
  conversationId: r.conversation_id === null ? null : String(r.conversation_id),
  flowId: r.flow_id === null ? null : String(r.flow_id),
  idempotencyKey: String(r.idempotency_key),
  icsToken: String(r.ics_token),
  sequence: Number(r.sequence),
  createdAt: String(r.created_at),
  updatedAt: String(r.updated_at),
  cancelledAt: r.cancelled_at === null ? null : String(r.cancelled_at),
});

const isConstraintError = (error: unknown) => /SQLITE_CONSTRAINT|UNIQUE constraint/i.test(String((error as { code?: string })?.code ?? error));

/** SQL for the built-in calendar. Every write that must not race is a single statement. */
export class BookingStore {
  constructor(
    private readonly client: Client,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  /** Calendars this store has created or seen created; calendars are never deleted. */
  private readonly ensured = new Set<string>();

  async ensureCalendar(id: string, timeZone: string): Promise<void> {
    if (this.ensured.has(id)) return;
    const now = this.clock().toISOString();
    await this.client.execute({
      sql: `INSERT INTO calendars (workspace_id, id, name, time_zone, feed_token, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
      args: [WORKSPACE, id, id, timeZone, newToken(), now, now],
    });
    this.ensured.add(id);
  }

  async calendars(): Promise<CalendarRow[]> {
    const result = await this.client.execute({ sql: 'SELECT * FROM calendars WHERE workspace_id = ? ORDER BY id', args: [WORKSPACE] });
    return result.rows.map(calendarOf);
  }

  async calendar(id: string): Promise<CalendarRow | undefined> {
    const result = await this.client.execute({ sql: 'SELECT * FROM calendars WHERE workspace_id = ? AND id = ?', args: [WORKSPACE, id] });
    return result.rows[0] ? calendarOf(result.rows[0]) : undefined;
  }

  async rotateFeedToken(id: string): Promise<CalendarRow | undefined> {
    const result = await this.client.execute({
      sql: 'UPDATE calendars SET feed_token = ?, updated_at = ? WHERE workspace_id = ? AND id = ? RETURNING *',
      args: [newToken(), this.clock().toISOString(), WORKSPACE, id],
    });
    return result.rows[0] ? calendarOf(result.rows[0]) : undefined;
  }

  /** Booked intervals that could touch [from, to): the slot grid subtracts them. Test bookings count only for tests. */
  async busy(calendar: string, from: string, to: string, test = false): Promise<{ start: string; blockedUntil: string }[]> {
    const result = await this.client.execute({
      sql: `SELECT start_utc, blocked_until FROM bookings
            WHERE workspace_id = ? AND calendar_id = ? AND status = 'booked' AND start_utc < ? AND blocked_until > ?
              AND (is_test = 0 OR ? = 1)
            ORDER BY start_utc`,
      args: [WORKSPACE, calendar, utc(to), utc(from), test ? 1 : 0],
    });
    return result.rows.map((r) => ({ start: String(r.start_utc), blockedUntil: String(r.blocked_until) }));
  }

  /**
   * Booked intervals that start in [from, to); test bookings count only for tests. Reads only the index (it covers
   * these columns) and returns one text row, because reading a result row costs far more in the client than in SQLite,
   * and a look-up past fully booked days reads thousands of bookings.
   */
  async busyStarting(calendar: string, from: string, to: string, test = false): Promise<{ start: string; blockedUntil: string }[]> {
    const result = await this.client.execute({
      sql: `SELECT group_concat(start_utc || ' ' || blocked_until, ' ') AS busy FROM (
              SELECT start_utc, blocked_until FROM bookings
              WHERE workspace_id = ? AND calendar_id = ? AND status = 'booked' AND start_utc >= ? AND start_utc < ?
                AND (is_test = 0 OR ? = 1)
              ORDER BY start_utc)`,
      args: [WORKSPACE, calendar, utc(from), utc(to), test ? 1 : 0],
    });
    const text = result.rows[0]?.busy;
    if (typeof text !== 'string' || !text) return [];
    const instants = text.split(' ');
    const busy: { start: string; blockedUntil: string }[] = [];
    for (let i = 0; i + 1 < instants.length; i += 2) busy.push({ start: instants[i]!, blockedUntil: instants[i + 1]! });
    return busy;
  }

  /**
   * The bookings that start before `from` and still block it. Booked intervals of one calendar never overlap (`book`
   * refuses that), so only the last one before `from` can; a test booking is checked against all bookings but a real
   * one only against real ones, so for a test look-up the last test booking is taken as well. Two index seeks instead
   * of a scan over every earlier booking.
   */
  async lastBefore(calendar: string, from: string, test = false): Promise<{ start: string; blockedUntil: string }[]> {
    const last = (isTest: number) => `SELECT * FROM (SELECT start_utc, blocked_until FROM bookings
        WHERE workspace_id = :ws AND calendar_id = :calendar AND status = 'booked' AND start_utc < :from AND is_test = ${isTest}
        ORDER BY start_utc DESC LIMIT 1)`;
    const result = await this.client.execute({
      sql: `SELECT start_utc, blocked_until FROM (${last(0)}${test ? ` UNION ALL ${last(1)}` : ''}) WHERE blocked_until > :from`,
      args: { ws: WORKSPACE, calendar, from: utc(from) },
    });
    return result.rows.map((r) => ({ start: String(r.start_utc), blockedUntil: String(r.blocked_until) }));
  }

  /** How many cancelled bookings (real, and test ones for a test look-up) were blocking time after `from`. */
  async cancelledAfter(calendar: string, from: string, test = false): Promise<number> {
    const result = await this.client.execute({
      sql: `SELECT COUNT(*) AS n FROM bookings
            WHERE workspace_id = ? AND calendar_id = ? AND status = 'cancelled' AND blocked_until > ? AND (is_test = 0 OR ? = 1)`,
      args: [WORKSPACE, calendar, utc(from), test ? 1 : 0],
    });
    return Number(result.rows[0]!.n);
  }

  /**
   * Inserts the booking only if nothing booked overlaps it, in one INSERT … SELECT … WHERE NOT EXISTS. SQLite takes
   * the database's write lock before such a statement reads, so the check and the insert cannot interleave with
   * another writer, whether it is this process, another runtime process on the same file, or the turn committer.
   *
   * The check looks at the bookings starting within the new one, and at the last one starting before it: booked
   * intervals never overlap (this check is what keeps it so), so no earlier one can reach further. Real bookings are
   * checked against real ones only and may overlap a test booking, so the last test booking before is looked at on
   * its own. Index seeks instead of a scan over every earlier booking of the calendar.
   */
  async book(request: NewBooking): Promise<{ booking: BookingRow; replayed: boolean } | { taken: true }> {
    const earlier = await this.byIdempotencyKey(request.calendar, request.idempotencyKey);
    if (earlier) return { booking: earlier, replayed: true };
    await this.ensureCalendar(request.calendar, request.timeZone);
    const start = utc(request.start);
    const end = utc(request.end);
    const blockedUntil = utc(Date.parse(end) + request.bufferMinutes * 60_000);
    const id = randomUUID();
    const now = this.clock().toISOString();
    try {
      const inserted = await this.client.execute({
        sql: `INSERT INTO bookings (id, workspace_id, calendar_id, start_utc, end_utc, blocked_until, title, attendee, conversation_id,
                flow_id, status, is_test, idempotency_key, ics_token, sequence, created_at, updated_at)
              SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'booked', ?, ?, ?, 0, ?, ?
              WHERE NOT EXISTS (
                SELECT 1 FROM bookings WHERE workspace_id = ? AND calendar_id = ? AND status = 'booked'
                  AND start_utc >= ? AND start_utc < ? AND (is_test = 0 OR ? = 1))
              AND NOT EXISTS (
                SELECT 1 FROM (SELECT blocked_until FROM bookings WHERE workspace_id = ? AND calendar_id = ? AND status = 'booked'
                  AND start_utc < ? AND is_test = 0 ORDER BY start_utc DESC LIMIT 1) WHERE blocked_until > ?)
              AND NOT EXISTS (
                SELECT 1 FROM (SELECT blocked_until FROM bookings WHERE workspace_id = ? AND calendar_id = ? AND status = 'booked'
                  AND start_utc < ? AND is_test = 1 AND ? = 1 ORDER BY start_utc DESC LIMIT 1) WHERE blocked_until > ?)`,
        args: [
          id, WORKSPACE, request.calendar, start, end, blockedUntil, request.title, JSON.stringify(request.attendee),
          request.conversationId ?? null, request.flowId ?? null, request.test ? 1 : 0, request.idempotencyKey, newToken(), now, now,
          WORKSPACE, request.calendar, start, blockedUntil, request.test ? 1 : 0,
          WORKSPACE, request.calendar, start, start,
          WORKSPACE, request.calendar, start, request.test ? 1 : 0, start,
        ],
      });
      if (inserted.rowsAffected === 1) return { booking: (await this.booking(id))!, replayed: false };
    } catch (error) {
      if (!isConstraintError(error)) throw error;
    }
    // Lost the race, possibly to a retry of the same turn holding the same key.
    const winner = await this.byIdempotencyKey(request.calendar, request.idempotencyKey);
    return winner ? { booking: winner, replayed: true } : { taken: true };
  }

  async cancel(id: string): Promise<BookingRow | undefined> {
    const now = this.clock().toISOString();
    const result = await this.client.execute({
      sql: `UPDATE bookings SET status = 'cancelled', cancelled_at = ?, updated_at = ?, sequence = sequence + 1
            WHERE id = ? AND workspace_id = ? AND status = 'booked' RETURNING *`,
      args: [now, now, id, WORKSPACE],
    });
    return result.rows[0] ? bookingOf(result.rows[0]) : undefined;
  }

  async booking(id: string): Promise<BookingRow | undefined> {
    const result = await this.client.execute({ sql: 'SELECT * FROM bookings WHERE id = ? AND workspace_id = ?', args: [id, WORKSPACE] });
    return result.rows[0] ? bookingOf(result.rows[0]) : undefined;
  }

  async byIdempotencyKey(calendar: string, key: string): Promise<BookingRow | undefined> {
    const result = await this.client.execute({
      sql: `SELECT * FROM bookings WHERE workspace_id = ? AND calendar_id = ? AND idempotency_key = ? AND status = 'booked'`,
      args: [WORKSPACE, calendar, key],
    });
    return result.rows[0] ? bookingOf(result.rows[0]) : undefined;
  }

  async list(filter: BookingFilter): Promise<{ items: BookingRow[]; total: number }> {
    const where = ['workspace_id = ?'];
    const args: (string | number)[] = [WORKSPACE];
    if (filter.calendar) (where.push('calendar_id = ?'), args.push(filter.calendar));
    if (filter.flowId) (where.push('flow_id = ?'), args.push(filter.flowId));
    if (filter.status) (where.push('status = ?'), args.push(filter.status));
    if (filter.test !== undefined) (where.push('is_test = ?'), args.push(filter.test ? 1 : 0));
    if (filter.from) (where.push('start_utc >= ?'), args.push(utc(filter.from)));
    if (filter.to) (where.push('start_utc < ?'), args.push(utc(filter.to)));
    const condition = where.join(' AND ');
    const [page, count] = await this.client.batch(
      [
        { sql: `SELECT * FROM bookings WHERE ${condition} ORDER BY start_utc, id LIMIT ? OFFSET ?`, args: [...args, filter.limit, filter.offset] },
        { sql: `SELECT COUNT(*) AS total FROM bookings WHERE ${condition}`, args },
      ],
      'read',
    );
    return { items: page!.rows.map(bookingOf), total: Number(count!.rows[0]!.total) };
  }

  /** What a calendar's feed shows: real booked appointments from `since` on. */
  async feed(calendar: string, since: string): Promise<BookingRow[]> {
    const result = await this.client.execute({
      sql: `SELECT * FROM bookings WHERE workspace_id = ? AND calendar_id = ? AND status = 'booked' AND is_test = 0 AND end_utc >= ?
            ORDER BY start_utc`,
      args: [WORKSPACE, calendar, utc(since)],
    });
    return result.rows.map(bookingOf);
  }
}
