import { DateTime } from 'luxon';
import type { OpeningHours, Slot, Weekday } from '../../sdk/services/calendar.js';

const weekdays: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];

/** An existing booking as the grid sees it: blocked from `start` until `blockedUntil` (its end plus its buffer). */
export interface BusyInterval {
  start: string;
  blockedUntil: string;
}

export interface SlotGridQuery {
  from: string;
  to: string;
  durationMinutes: number;
  bufferMinutes?: number;
  openingHours: OpeningHours;
  busy?: BusyInterval[];
  limit?: number;
}

const minutesOf = (hhmm: string) => {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours! * 60 + minutes!;
};

/** The instant a wall-clock minute of a local day stands for; "24:00" is the next midnight. */
function wallClock(day: DateTime, minuteOfDay: number): DateTime {
  return day.startOf('day').plus({ days: Math.floor(minuteOfDay / 1440) }).set({ hour: Math.floor((minuteOfDay % 1440) / 60), minute: minuteOfDay % 60 });
}

/**
 * Free slots within opening hours, earliest first. Slots start at each opening time and follow each other every
 * duration + buffer. Stepping happens in real elapsed time, not wall-clock time, so on the spring DST day a range
 * across 02:00 has one slot less and in autumn one more, and no slot ever lasts 0 or 2 hours. A slot is free when it
 * and its trailing buffer miss every busy interval; the buffer may run past closing time, the appointment may not.
 */
export function computeFreeSlots(query: SlotGridQuery): Slot[] {
  const zone = query.openingHours.timezone;
  const from = DateTime.fromISO(query.from, { zone });
  const to = DateTime.fromISO(query.to, { zone });
  if (!from.isValid || !to.isValid || from >= to || query.durationMinutes <= 0) return [];
  const duration = query.durationMinutes * 60_000;
  const buffer = (query.bufferMinutes ?? 0) * 60_000;
  const holidays = new Set(query.openingHours.holidays ?? []);
  const busy = (query.busy ?? []).map((b) => ({ start: Date.parse(b.start), end: Date.parse(b.blockedUntil) }));
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  const slots: Slot[] = [];
  for (let day = from.startOf('day'); day < to && slots.length < limit; day = day.plus({ days: 1 }).startOf('day')) {
    if (holidays.has(day.toISODate()!)) continue;
    const ranges = [...(query.openingHours.weekly[weekdays[day.weekday - 1]!] ?? [])].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
    for (const [open, close] of ranges) {
      const closesAt = wallClock(day, minutesOf(close)).toMillis();
      for (let start = wallClock(day, minutesOf(open)).toMillis(); start + duration <= closesAt; start += duration + buffer) {
        if (start < from.toMillis()) continue;
        if (start >= to.toMillis() || slots.length >= limit) break;
        const blockedUntil = start + duration + buffer;
        if (busy.some((b) => b.start < blockedUntil && start < b.end)) continue;
        slots.push({ start: new Date(start).toISOString(), end: new Date(start + duration).toISOString() });
      }
    }
  }
  return slots;
}

/** The window of starts a customer may book now: after the lead time and the earliest date, up to the horizon. */
export function bookingWindow(options: {
  now: Date;
  leadTimeMinutes: number;
  horizonDays: number;
  earliestDate?: string;
  timeZone: string;
}): { from: string; to: string } {
  let from = DateTime.fromJSDate(options.now, { zone: options.timeZone }).plus({ minutes: options.leadTimeMinutes });
  if (options.earliestDate) {
    const earliest = DateTime.fromISO(options.earliestDate, { zone: options.timeZone }).startOf('day');
    if (earliest.isValid && earliest > from) from = earliest;
  }
  // The horizon counts whole local days from the first bookable day, so "14 days" never ends mid-afternoon.
  const to = from.startOf('day').plus({ days: options.horizonDays });
  return { from: from.toUTC().toISO()!, to: to.toUTC().toISO()! };
}
