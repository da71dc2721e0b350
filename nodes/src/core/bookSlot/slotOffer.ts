import { DateTime } from 'luxon';
import type { Slot } from '../../sdk/services/calendar.js';

const isoWithOffset = /^\d{4}-\d{2}-\d{2}T[\d:.]+(?:Z|[+-]\d{2}:\d{2})$/;

/**
 * Groups slots by their local date in `timeZone`, in order of first appearance. Luxon runs once per local day, not
 * per slot: a day's bounds are reused for every slot inside them. Only a day whose UTC offset changes (a DST day) is
 * read slot by slot, since its local date cannot be told from two bounds alone when a switch crosses midnight.
 */
export function slotsByLocalDay(slots: Slot[], timeZone: string): Map<string, Slot[]> {
  const days = new Map<string, Slot[]>();
  let day: { key: string; from: number; to: number } | undefined;
  for (const slot of slots) {
    const at = isoWithOffset.test(slot.start) ? Date.parse(slot.start) : Number.NaN;
    let key: string;
    if (day && at >= day.from && at < day.to) key = day.key;
    else {
      const local = Number.isNaN(at) ? DateTime.fromISO(slot.start, { zone: timeZone }) : DateTime.fromMillis(at, { zone: timeZone });
      key = local.toISODate()!;
      const start = local.startOf('day');
      const end = start.plus({ days: 1 }).startOf('day');
      const last = DateTime.fromMillis(end.toMillis() - 1, { zone: timeZone });
      day = !Number.isNaN(at) && start.offset === last.offset && start.toISODate() === key && last.toISODate() === key
        ? { key, from: start.toMillis(), to: end.toMillis() }
        : undefined;
    }
    (days.get(key) ?? days.set(key, []).get(key)!).push(slot);
  }
  return days;
}

/**
 * Picks what to offer from the free slots, earliest day first: at most `perDay` per local day, spread over the day
 * (first, last, evenly between) so a customer sees a morning and an afternoon option rather than 08:00 and 08:30.
 * `nextFrom` is the start of the day after the last offered one: where "other days" continues.
 */
export function pickOffer(slots: Slot[], options: { count: number; perDay: number; timeZone: string }): { offered: Slot[]; nextFrom?: string } {
  const days = slotsByLocalDay(slots, options.timeZone);
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
