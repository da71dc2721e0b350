import { DateTime } from 'luxon';
import type { Slot } from '../../sdk/services/calendar.js';
import { freeSlotDays, instantMs, type BusyInterval, type SlotGridQuery } from './slotGrid.js';

/** Busy intervals that start in [from, to), earliest first (ISO instants in UTC). */
export type BusyLoader = (from: string, to: string) => Promise<BusyInterval[]>;

/**
 * `computeFreeSlots` for a calendar backend that reads its bookings page by page: the grid is walked in windows of
 * whole local days (1, 2, 4 … or `maxDays` at first), and only the bookings starting in each window are read, so a
 * free slot near `from` never reads the bookings of the whole horizon. The result equals `computeFreeSlots` over all
 * bookings, provided no booking that starts before `query.from` blocks past it (the caller makes `from` such an instant).
 */
export async function freeSlotsInPages(query: Omit<SlotGridQuery, 'busy'>, loadBusy: BusyLoader): Promise<Slot[]> {
  const zone = query.openingHours.timezone;
  const from = DateTime.fromISO(query.from, { zone });
  const to = DateTime.fromISO(query.to, { zone });
  if (!from.isValid || !to.isValid || from >= to || query.durationMinutes <= 0) return [];
  // A slot's trailing buffer reaches past its window's end, so each window also reads the bookings that start there.
  const reach = (query.durationMinutes + (query.bufferMinutes ?? 0)) * 60_000;
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  const maxDays = query.maxDays ?? Number.POSITIVE_INFINITY;
  const iso = (instant: DateTime | number) => new Date(typeof instant === 'number' ? instant : instant.toMillis()).toISOString();
  const slots: Slot[] = [];
  let busy: BusyInterval[] = [];
  let loadedUntil = from.toMillis();
  let days = 0;
  let span = Number.isFinite(maxDays) ? Math.max(1, maxDays) : 1;
  for (let windowFrom = from; windowFrom < to && slots.length < limit && days < maxDays; span *= 2) {
    let windowTo = windowFrom.startOf('day').plus({ days: span }).startOf('day');
    if (windowTo <= windowFrom) windowTo = windowFrom.plus({ days: 1 });
    if (windowTo > to) windowTo = to;
    const loadTo = windowTo.toMillis() + reach;
    if (loadTo > loadedUntil) {
      busy = busy.filter((b) => instantMs(b.blockedUntil) > windowFrom.toMillis()).concat(await loadBusy(iso(loadedUntil), iso(loadTo)));
      loadedUntil = loadTo;
    }
    const page = freeSlotDays({ ...query, from: iso(windowFrom), to: iso(windowTo), busy, limit: limit - slots.length, maxDays: maxDays - days });
    days += page.days;
    slots.push(...page.slots);
    windowFrom = windowTo;
  }
  return slots;
}
