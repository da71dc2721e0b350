import { createEvents, type EventAttributes } from 'ics';
import type { BookingRow } from './bookingStore.js';

const PRODUCT_ID = '-//Dialogwerk//Calendar//EN';

function event(booking: BookingRow, uidDomain: string): EventAttributes {
  const attendee = booking.attendee as { name?: unknown; email?: unknown; phone?: unknown };
  const contact = [attendee.name, attendee.email, attendee.phone].filter((value) => typeof value === 'string' && value).join(', ');
  return {
    // Stable across feed refreshes and the single-booking file, so clients update one event instead of adding another.
    uid: `${booking.id}@${uidDomain}`,
    start: Date.parse(booking.start),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: Date.parse(booking.end),
    endInputType: 'utc',
    endOutputType: 'utc',
    title: booking.title,
    ...(contact ? { description: contact } : {}),
    status: booking.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    busyStatus: 'BUSY',
    sequence: booking.sequence,
    created: Date.parse(booking.createdAt),
    lastModified: Date.parse(booking.updatedAt),
    productId: PRODUCT_ID,
  };
}

function render(events: EventAttributes[], calName?: string): string {
  const { error, value } = createEvents(events, { productId: PRODUCT_ID, method: 'PUBLISH', ...(calName ? { calName } : {}) });
  if (error || value === null) throw error ?? new Error('ics produced no output');
  return value;
}

/**
 * A subscribable calendar. Times are UTC (`…Z`), which every client converts to the viewer's zone; no VTIMEZONE
 * block to get wrong. The feed lists booked appointments only: subscribers re-read the whole feed, so an omitted
 * event disappears, which is the dependable way to show a cancellation across Outlook, Google and Apple.
 */
export function calendarFeed(calendarName: string, bookings: BookingRow[], uidDomain = 'dialogwerk'): string {
  return render(bookings.map((booking) => event(booking, uidDomain)), calendarName);
}

/** One booking as a file for the customer; a cancelled one carries STATUS:CANCELLED and a higher SEQUENCE. */
export function bookingFile(booking: BookingRow, uidDomain = 'dialogwerk'): string {
  return render([event(booking, uidDomain)]);
}
