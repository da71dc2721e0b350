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
  /** Stop after this many local days that have a free slot; those days are returned whole (up to `limit`). */
  maxDays?: number;
}

const minutesOf = (hhmm: string) => {
  const [hours, minutes] = hhmm.split(':').map(Number);
  return hours! * 60 + minutes!;
};

/** The instant a wall-clock minute of a local day stands for; "24:00" is the next midnight. */
function wallClock(day: DateTime, minuteOfDay: number): DateTime {
  return day.startOf('day').plus({ days: Math.floor(minuteOfDay / 1440) }).set({ hour: Math.floor((minuteOfDay % 1440) / 60), minute: minuteOfDay % 60 });
}

const digits = (text: string, from: number, to: number) => {
  let value = 0;
  for (let i = from; i < to; i++) value = value * 10 + text.charCodeAt(i) - 48;
  return value;
};
const storedInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** `Date.parse`, several times faster for the one format calendars store (`toISOString`): bookings come by the thousand. */
export function instantMs(instant: string): number {
  if (!storedInstant.test(instant)) return Date.parse(instant);
  const [month, day, hour, minute, second] = [digits(instant, 5, 7), digits(instant, 8, 10), digits(instant, 11, 13), digits(instant, 14, 16), digits(instant, 17, 19)];
  const ms = Date.UTC(digits(instant, 0, 4), month - 1, day, hour, minute, second, digits(instant, 20, 23));
  // Out-of-range fields ("02-30", "24:00") roll over in Date.UTC; leave those to Date.parse, whatever it makes of them.
  const plain = month >= 1 && month <= 12 && day >= 1 && hour < 24 && minute < 60 && second < 60 && (day <= 28 || new Date(ms).getUTCDate() === day);
  return plain ? ms : Date.parse(instant);
}

/**
 * Busy intervals sorted by start, with the latest end among each prefix: a slot [s, e) overlaps one of them exactly
 * when the prefix of intervals starting before e reaches past s. Slots come earliest first, so the prefix only grows
 * and each slot costs O(1) instead of a pass over every booking.
 */
function busyIndex(busy: BusyInterval[]) {
  const intervals = busy
    .map((b) => ({ start: instantMs(b.start), end: instantMs(b.blockedUntil) }))
    // An unreadable instant never overlapped anything (every comparison with NaN is false).
    .filter((b) => !Number.isNaN(b.start) && !Number.isNaN(b.end))
    .sort((a, b) => a.start - b.start);
  const starts = intervals.map((b) => b.start);
  const reach: number[] = [];
  for (const [i, b] of intervals.entries()) reach.push(Math.max(b.end, i > 0 ? reach[i - 1]! : -Infinity));
  let before = 0; // how many intervals start before the last asked-for end
  let lastEnd = -Infinity;
  return (start: number, end: number): boolean => {
    if (end < lastEnd) before = 0; // overlapping opening ranges step back in time
    lastEnd = end;
    while (before < starts.length && starts[before]! < end) before++;
    return before > 0 && reach[before - 1]! > start;
  };
}

/**
 * Free slots within opening hours, earliest first. Slots start at each opening time and follow each other every
 * duration + buffer. Stepping happens in real elapsed time, not wall-clock time, so on the spring DST day a range
 * across 02:00 has one slot less and in autumn one more, and no slot ever lasts 0 or 2 hours. A slot is free when it
 * and its trailing buffer miss every busy interval; the buffer may run past closing time, the appointment may not.
 */
export function computeFreeSlots(query: SlotGridQuery): Slot[] {
  return freeSlotDays(query).slots;
}

/** `computeFreeSlots`, also telling on how many local days the slots fall. */
export function freeSlotDays(query: SlotGridQuery): { slots: Slot[]; days: number } {
  const zone = query.openingHours.timezone;
  const from = DateTime.fromISO(query.from, { zone });
  const to = DateTime.fromISO(query.to, { zone });
  if (!from.isValid || !to.isValid || from >= to || query.durationMinutes <= 0) return { slots: [], days: 0 };
  const fromMs = from.toMillis();
  const toMs = to.toMillis();
  const duration = query.durationMinutes * 60_000;
  const buffer = (query.bufferMinutes ?? 0) * 60_000;
  const holidays = new Set(query.openingHours.holidays ?? []);
  const isBusy = busyIndex(query.busy ?? []);
  const limit = query.limit ?? Number.POSITIVE_INFINITY;
  const maxDays = query.maxDays ?? Number.POSITIVE_INFINITY;
  const slots: Slot[] = [];
  let days = 0;
  for (let day = from.startOf('day'); day < to && slots.length < limit && days < maxDays; day = day.plus({ days: 1 }).startOf('day')) {
    if (holidays.has(day.toISODate()!)) continue;
    const before = slots.length;
    const ranges = [...(query.openingHours.weekly[weekdays[day.weekday - 1]!] ?? [])].sort((a, b) => minutesOf(a[0]) - minutesOf(b[0]));
    for (const [open, close] of ranges) {
      const closesAt = wallClock(day, minutesOf(close)).toMillis();
      for (let start = wallClock(day, minutesOf(open)).toMillis(); start + duration <= closesAt; start += duration + buffer) {
        if (start < fromMs) continue;
        if (start >= toMs || slots.length >= limit) break;
        if (isBusy(start, start + duration + buffer)) continue;
        slots.push({ start: new Date(start).toISOString(), end: new Date(start + duration).toISOString() });
      }
    }
    if (slots.length > before) days++;
  }
  return { slots, days };
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
