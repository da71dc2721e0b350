import type { Json } from '../defineNode.js';

export type Weekday = 'mon' | 'tue' | 'wed' | 'thu' | 'fri' | 'sat' | 'sun';

/**
 * When appointments can take place: per weekday a list of `["HH:mm", "HH:mm"]` ranges in `timezone` (the flow's
 * `settings.officeHours` shape), and whole days off. A weekday that is missing or empty is closed.
 */
export interface OpeningHours {
  timezone: string;
  weekly: Partial<Record<Weekday, [string, string][]>>;
  holidays?: string[];
}

/** A bookable interval, ISO 8601 instants in UTC. */
export interface Slot {
  start: string;
  end: string;
}

export interface FreeSlotQuery {
  calendar: string;
  /** Earliest start (inclusive), ISO instant: the caller has already applied lead time and earliest date. */
  from: string;
  /** Latest start (exclusive), ISO instant. */
  to: string;
  durationMinutes: number;
  /** Time kept free after every appointment (cleaning, travel). */
  bufferMinutes?: number;
  openingHours: OpeningHours;
  /** At most this many slots, earliest first. */
  limit?: number;
  /**
   * Only the first this many local days (in the opening hours' zone) that have a free slot, each whole (up to `limit`).
   * A hint: a backend may return more, the caller must cope with that.
   */
  maxDays?: number;
  /** For a test conversation: its own earlier test bookings count as busy too (real bookings always do). */
  test?: boolean;
}

export interface BookingRequest {
  calendar: string;
  start: string;
  end: string;
  bufferMinutes?: number;
  title: string;
  attendee: Record<string, Json>;
  /** Same key, same calendar, still booked: the earlier booking is returned instead of a second one (turn retries). */
  idempotencyKey: string;
  /** Time zone the calendar is created with when it does not exist yet. */
  timeZone?: string;
  conversationId?: string;
  flowId?: string;
  /** Made in a test conversation: kept apart so it never blocks a real customer and stays out of staff feeds. */
  test?: boolean;
}

export interface Booking {
  id: string;
  calendar: string;
  start: string;
  end: string;
  title: string;
  status: 'booked' | 'cancelled';
  /** Link to this booking as an .ics file; unguessable, may be relative to the runtime's base URL. */
  icsUrl: string;
}

export type BookingResult =
  | { ok: true; booking: Booking; /** true when the idempotency key matched an earlier booking */ replayed: boolean }
  /** Another booking overlaps this one or its buffer. */
  | { ok: false; reason: 'slot_taken' };

/**
 * Free slots and bookings. The runtime's embedded calendar lives in the database; plugins (CalDAV, Google) provide
 * other backends. Interface owned by the book_slot node.
 */
export interface CalendarService {
  freeSlots(query: FreeSlotQuery): Promise<Slot[]>;
  /** Books atomically: never two overlapping bookings in one calendar, whoever asks at the same moment. */
  book(request: BookingRequest): Promise<BookingResult>;
  /** false when there is no such booking or it was already cancelled. */
  cancel(bookingId: string): Promise<boolean>;
  get(bookingId: string): Promise<Booking | undefined>;
}
