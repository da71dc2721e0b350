import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import type { AppEnv } from '../api/appEnv.js';
import type { BookingStore } from './bookingStore.js';
import { calendarErrors } from './calendarErrors.js';
import { bookingFile, calendarFeed } from './icsDocuments.js';

/** How far back the feed reaches, so staff still see last month's appointments without the feed growing forever. */
export const FEED_PAST_DAYS = 90;

const sameToken = (given: string | undefined, expected: string) => {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
};

const ics = (body: string, filename: string) =>
  new Response(body, {
    headers: {
      'content-type': 'text/calendar; charset=utf-8',
      'content-disposition': `inline; filename="${filename}"`,
      'cache-control': 'private, no-store',
    },
  });

/** Calendar files reachable without the admin token; each checks its own unguessable token. */
export function calendarPublicRoutes(store: BookingStore, clock: () => Date) {
  const app = new Hono<AppEnv>();

  app.get('/calendars/:calendarId/feed.ics', async (c) => {
    const id = c.req.param('calendarId');
    const calendar = await store.calendar(id);
    if (!calendar) throw calendarErrors.calendarNotFound(id);
    if (!sameToken(c.req.query('token'), calendar.feedToken)) throw calendarErrors.feedTokenInvalid();
    const since = new Date(clock().getTime() - FEED_PAST_DAYS * 86_400_000).toISOString();
    return ics(calendarFeed(calendar.name, await store.feed(id, since)), `${calendar.id}.ics`);
  });

  app.get('/bookings/:bookingId/booking.ics', async (c) => {
    const id = c.req.param('bookingId');
    const booking = await store.booking(id);
    if (!booking || !sameToken(c.req.query('token'), booking.icsToken)) throw calendarErrors.bookingNotFound(id);
    return ics(bookingFile(booking), 'booking.ics');
  });

  return app;
}
