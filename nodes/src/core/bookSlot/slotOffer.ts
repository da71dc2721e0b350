import { DateTime } from 'luxon';
import type { Slot } from '../../sdk/services/calendar.js';

/**
 * Picks what to offer from the free slots, earliest day first: at most `perDay` per local day, spread over the day
 * (first, last, evenly between) so a customer sees a morning and an afternoon option rather than 08:00 and 08:30.
 * `nextFrom` is the start of the day after the last offered one: where "other days" continues.
 */
export function pickOffer(slots: Slot[], options: { count: number; perDay: number; timeZone: string }): { offered: Slot[]; nextFrom?: string } {
  const days = new Map<string, Slot[]>();
  for (const slot of slots) {
    const day = DateTime.fromISO(slot.start, { zone: options.timeZone }).toISODate()!;
    (days.get(day) ?? days.set(day, []).get(day)!).push(slot);
  }
  const offered: Slot[] = [];
  let lastDay: string | undefined;
  for (const [day, daySlots] of days) {
    if (offered.length >= options.count) break;
    const take = Math.min(options.perDay, options.count - offered.length, daySlots.length);
    const indices = new Set(
      Array.from({ length: take }, (_, i) => (take === 1 ? 0 : Math.round((i * (daySlots.length - 1)) / (take - 1)))),
    );
    for (const index of [...indices].sort((a, b) => a - b)) offered.push(daySlots[index]!);
    lastDay = day;
  }
  if (!lastDay) return { offered };
  const nextFrom = DateTime.fromISO(lastDay, { zone: options.timeZone }).plus({ days: 1 }).startOf('day').toUTC().toISO()!;
  return { offered, nextFrom };
}
