import type { FreeSlotQuery } from '@dialogwerk/nodes';

/** Start (inclusive) and end (exclusive) in ms of a stretch where no slot of a grid is free. */
export interface FullyBookedStretch {
  from: number;
  until: number;
  /** How many cancelled bookings of the calendar reached past `from` when the stretch was read. */
  cancelled: number;
}

/**
 * Remembers, per calendar and slot grid, the stretch from the last look-up's start up to its first free slot, so the
 * next look-up starts there instead of walking every booked day again: in a busy calendar offers would otherwise
 * cost more with every booking. New bookings only make a stretch fuller; a cancellation may free a slot in it, which
 * the caller detects by counting cancelled bookings (bookings are never deleted, only cancelled). Per process, so it
 * holds no state another process could miss.
 */
export class FullyBookedStretches {
  private readonly stretches = new Map<string, FullyBookedStretch>();

  constructor(private readonly capacity = 256) {}

  static key(query: FreeSlotQuery): string {
    return JSON.stringify([query.calendar, Boolean(query.test), query.durationMinutes, query.bufferMinutes ?? 0, query.openingHours]);
  }

  get(key: string): FullyBookedStretch | undefined {
    return this.stretches.get(key);
  }

  /** Keeps the longer of the known and the new stretch, unless the known one lies wholly before the new one. */
  offer(key: string, stretch: FullyBookedStretch): void {
    const known = this.stretches.get(key);
    if (known && known.until > stretch.from && known.until - known.from > stretch.until - stretch.from) return;
    this.stretches.delete(key);
    this.stretches.set(key, stretch);
    if (this.stretches.size > this.capacity) this.stretches.delete(this.stretches.keys().next().value!);
  }

  forget(key: string): void {
    this.stretches.delete(key);
  }
}
