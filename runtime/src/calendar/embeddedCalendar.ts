import { freeSlotsInPages, type Booking, type CalendarService } from '@dialogwerk/nodes';
import type { BookingRow, BookingStore } from './bookingStore.js';
import { FullyBookedStretches } from './fullyBooked.js';

/** Where a booking's .ics file is served; relative to the runtime's address, which only the client knows. */
export const bookingIcsPath = (booking: Pick<BookingRow, 'id' | 'icsToken'>) =>
  `/v1/bookings/${encodeURIComponent(booking.id)}/booking.ics?token=${encodeURIComponent(booking.icsToken)}`;

export const publicBooking = (row: BookingRow): Booking => ({
  id: row.id, calendar: row.calendar, start: row.start, end: row.end, title: row.title, status: row.status, icsUrl: bookingIcsPath(row),
});

/** `services.calendar` backed by the runtime's database. */
export function embeddedCalendar(store: BookingStore): CalendarService {
  const fullyBooked = new FullyBookedStretches();
  return {
    async freeSlots(query) {
      const from = Date.parse(query.from);
      const to = Date.parse(query.to);
      if (!(from < to) || query.durationMinutes <= 0) return [];
      const key = FullyBookedStretches.key(query);
      let known = fullyBooked.get(key);
      if (known && !(known.from <= from && from < known.until)) known = undefined;
      // Counted before the walk: a cancellation after this count shows up as a different count next time.
      const cancelled = await store.cancelledAfter(query.calendar, new Date(known?.from ?? from).toISOString(), query.test);
      if (known && known.cancelled !== cancelled) {
        fullyBooked.forget(key);
        known = undefined;
      }
      const start = known ? Math.min(known.until, to) : from;
      if (start >= to) return [];
      const startIso = new Date(start).toISOString();
      // Bookings are read only for the days the grid walks. Booked intervals never overlap (see `book`), so of those
      // that start before the walk only the last one can reach into it; a test look-up also sees test bookings.
      const before = await store.lastBefore(query.calendar, startIso, query.test);
      const slots = await freeSlotsInPages({ ...query, from: start === from ? query.from : startIso }, async (windowFrom, windowTo) => {
        const busy = await store.busyStarting(query.calendar, windowFrom, windowTo, query.test);
        return Date.parse(windowFrom) <= start ? [...before, ...busy] : busy;
      });
      const until = slots.length ? Date.parse(slots[0]!.start) : to;
      fullyBooked.offer(key, { from: known?.from ?? from, until, cancelled });
      return slots;
    },
    async book(request) {
      const result = await store.book({
        calendar: request.calendar,
        start: request.start,
        end: request.end,
        bufferMinutes: request.bufferMinutes ?? 0,
        title: request.title,
        attendee: request.attendee,
        idempotencyKey: request.idempotencyKey,
        timeZone: request.timeZone ?? 'Europe/Zurich',
        conversationId: request.conversationId,
        flowId: request.flowId,
        test: request.test,
      });
      if ('taken' in result) return { ok: false, reason: 'slot_taken' };
      return { ok: true, booking: publicBooking(result.booking), replayed: result.replayed };
    },
    async cancel(bookingId) {
      return (await store.cancel(bookingId)) !== undefined;
    },
    async get(bookingId) {
      const row = await store.booking(bookingId);
      return row ? publicBooking(row) : undefined;
    },
  };
}
