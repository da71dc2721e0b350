import { freeSlotsInPages, type Booking, type CalendarService } from '@dialogwerk/nodes';
import type { BookingRow, BookingStore } from './bookingStore.js';

/** Where a booking's .ics file is served; relative to the runtime's address, which only the client knows. */
export const bookingIcsPath = (booking: Pick<BookingRow, 'id' | 'icsToken'>) =>
  `/v1/bookings/${encodeURIComponent(booking.id)}/booking.ics?token=${encodeURIComponent(booking.icsToken)}`;

export const publicBooking = (row: BookingRow): Booking => ({
  id: row.id, calendar: row.calendar, start: row.start, end: row.end, title: row.title, status: row.status, icsUrl: bookingIcsPath(row),
});

/** `services.calendar` backed by the runtime's database. */
export function embeddedCalendar(store: BookingStore): CalendarService {
  return {
    async freeSlots(query) {
      const from = Date.parse(query.from);
      if (!(from < Date.parse(query.to)) || query.durationMinutes <= 0) return [];
      // Bookings are read only for the days the grid walks. Booked intervals never overlap (see `book`), so of those
      // that start before `from` only the last one can reach into the look-up; a test look-up also sees test bookings.
      const before = await store.lastBefore(query.calendar, query.from, query.test);
      return freeSlotsInPages({ ...query }, async (start, end) => {
        const busy = await store.busyStarting(query.calendar, start, end, query.test);
        return Date.parse(start) <= from ? [...before, ...busy] : busy;
      });
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
