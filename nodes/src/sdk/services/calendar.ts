import type { Json } from '../defineNode.js';

/**
 * Free slots and bookings. The runtime's embedded calendar lives in the database; plugins (CalDAV, Google) provide
 * other backends. Interface owned by the book_slot node; extend it there.
 */
export interface CalendarService {
  freeSlots(query: { from: string; to: string; durationMinutes: number; calendar?: string }): Promise<{ start: string; end: string }[]>;
  book(booking: { start: string; end: string; title: string; attendee: Record<string, Json>; calendar?: string }): Promise<{ id: string }>;
}
