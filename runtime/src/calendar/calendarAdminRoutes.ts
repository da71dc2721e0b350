import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../api/appEnv.js';
import type { BookingRow, BookingStore, CalendarRow } from './bookingStore.js';
import { calendarErrors } from './calendarErrors.js';
import { bookingIcsPath } from './embeddedCalendar.js';

const instant = z.union([
  z.iso.date().transform((date) => `${date}T00:00:00.000Z`),
  z.iso.datetime({ offset: true }).transform((value) => new Date(value).toISOString()),
]);

const listQuery = z.object({
  from: instant.optional(),
  // A bare date includes that whole day (UTC), as in the KPI API.
  to: z
    .union([z.iso.date().transform((date) => new Date(Date.parse(`${date}T00:00:00.000Z`) + 86_400_000).toISOString()), instant])
    .optional(),
  calendar: z.string().min(1).max(64).optional(),
  flowId: z.string().min(1).max(64).optional(),
  status: z.enum(['booked', 'cancelled']).optional(),
  test: z.enum(['true', 'false']).transform((value) => value === 'true').optional(),
  limit: z.coerce.number().int().min(1).max(500).default(50),
  offset: z.coerce.number().int().min(0).default(0),
});

export const feedPath = (calendar: CalendarRow) =>
  `/v1/calendars/${encodeURIComponent(calendar.id)}/feed.ics?token=${encodeURIComponent(calendar.feedToken)}`;

const calendarJson = (calendar: CalendarRow, origin: string) => ({
  id: calendar.id, name: calendar.name, timeZone: calendar.timeZone, feedUrl: `${origin}${feedPath(calendar)}`, createdAt: calendar.createdAt,
});

export const bookingJson = (booking: BookingRow, origin: string) => ({
  id: booking.id,
  calendar: booking.calendar,
  start: booking.start,
  end: booking.end,
  title: booking.title,
  attendee: booking.attendee,
  status: booking.status,
  test: booking.test,
  conversationId: booking.conversationId,
  flowId: booking.flowId,
  icsUrl: `${origin}${bookingIcsPath(booking)}`,
  createdAt: booking.createdAt,
  updatedAt: booking.updatedAt,
  cancelledAt: booking.cancelledAt,
});

/** Staff routes: calendars with their subscription links, and the bookings. */
export function calendarAdminRoutes(store: BookingStore) {
  const app = new Hono<AppEnv>();
  const origin = (url: string) => new URL(url).origin;

  app.get('/calendars', async (c) => {
    const calendars = await store.calendars();
    return c.json({ items: calendars.map((calendar) => calendarJson(calendar, origin(c.req.url))) });
  });

  app.post('/calendars/:calendarId/feed-token', async (c) => {
    const id = c.req.param('calendarId');
    const calendar = await store.rotateFeedToken(id);
    if (!calendar) throw calendarErrors.calendarNotFound(id);
    return c.json({ calendar: calendarJson(calendar, origin(c.req.url)) });
  });

  app.get('/bookings', async (c) => {
    const parsed = listQuery.safeParse(c.req.query());
    if (!parsed.success) {
      throw calendarErrors.invalidQuery(parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message })));
    }
    const query = parsed.data;
    const { items, total } = await store.list(query);
    const nextOffset = query.offset + items.length < total ? query.offset + items.length : null;
    return c.json({ items: items.map((booking) => bookingJson(booking, origin(c.req.url))), total, nextOffset });
  });

  app.get('/bookings/:bookingId', async (c) => {
    const id = c.req.param('bookingId');
    const booking = await store.booking(id);
    if (!booking) throw calendarErrors.bookingNotFound(id);
    return c.json(bookingJson(booking, origin(c.req.url)));
  });

  app.post('/bookings/:bookingId/cancel', async (c) => {
    const id = c.req.param('bookingId');
    const cancelled = await store.cancel(id);
    if (cancelled) return c.json(bookingJson(cancelled, origin(c.req.url)));
    if (await store.booking(id)) throw calendarErrors.alreadyCancelled(id);
    throw calendarErrors.bookingNotFound(id);
  });

  return app;
}
