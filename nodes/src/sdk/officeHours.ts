/**
 * Office hours of a business (flow setting `settings.officeHours`): when staff can take over a conversation, when
 * appointments may lie. Browser-safe (the builder validates with the same schema).
 *
 * ```ts
 * const parsed = parseOfficeHours(flow.settings.officeHours); // absent → { ok: true, hours: undefined } = always open
 * if (parsed.ok && !isOpen(parsed.hours, now)) nextOpening(parsed.hours, now); // Date | null
 * ```
 *
 * Times are wall-clock times in `timezone`, so a window "08:00"–"12:00" stays 08:00–12:00 local across daylight saving
 * changes. On the day clocks go forward, a window starting in the skipped hour opens when the clock jumps; on the day
 * they go back, the repeated hour follows the wall clock (a window covering it is open during both passes).
 */
import { z } from 'zod';
import { DateTime, IANAZone } from 'luxon';
import type { Localized } from '../i18n/localized.js';

export const officeWeekdays = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof officeWeekdays)[number];

const messages = {
  time: { en: 'time as HH:MM', de: 'Uhrzeit im Format HH:MM' },
  date: { en: 'date as YYYY-MM-DD', de: 'Datum im Format JJJJ-MM-TT' },
  timezone: { en: 'unknown time zone, use an IANA name like "Europe/Zurich"', de: 'unbekannte Zeitzone, bitte einen IANA-Namen wie „Europe/Zurich“ angeben' },
  order: { en: 'a window must end after it starts', de: 'ein Zeitfenster muss nach seinem Beginn enden' },
  overlap: { en: 'windows of one day must not overlap', de: 'die Zeitfenster eines Tages dürfen sich nicht überschneiden' },
} satisfies Record<string, Localized>;

/**
 * German for the English messages the schema sets itself, for the flow validator's issue translation
 * (`customIssueTextDe`): zod locales only translate zod's own messages.
 */
export const officeHoursIssueTextsDe: Record<string, string> = Object.fromEntries(
  Object.values(messages).map((message) => [message.en, message.de]),
);

const clockTime = z.string().regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, messages.time.en);
const calendarDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, messages.date.en)
  .refine((value) => DateTime.fromISO(value).isValid, messages.date.en);

function minutesOf(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

const dayWindows = z.array(z.tuple([clockTime, clockTime])).superRefine((windows, issues) => {
  windows.forEach(([start, end], index) => {
    if (minutesOf(end) <= minutesOf(start)) issues.addIssue({ code: 'custom', path: [index], message: messages.order.en });
  });
  const sorted = windows.map(([start, end]) => [minutesOf(start), minutesOf(end)] as const).sort((a, b) => a[0] - b[0]);
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i]![0] < sorted[i - 1]![1]) {
      issues.addIssue({ code: 'custom', path: [], message: messages.overlap.en });
      return;
    }
  }
});

/** The `settings.officeHours` shape; a weekday that is left out or `[]` is closed all day. */
export const officeHoursSchema = z.object({
  timezone: z.string().min(1).refine((zone) => IANAZone.isValidZone(zone), messages.timezone.en),
  weekly: z.object(Object.fromEntries(officeWeekdays.map((day) => [day, dayWindows.optional()])) as Record<Weekday, z.ZodOptional<typeof dayWindows>>),
  holidays: z.array(calendarDate).optional(),
});

export type OfficeHours = z.infer<typeof officeHoursSchema>;

export type OfficeHoursParse =
  | { ok: true; hours: OfficeHours | undefined }
  | { ok: false; issues: { path: (string | number)[]; message: Localized }[] };

/** Validates a flow's `settings.officeHours`; `undefined` (no office hours) means always open. */
export function parseOfficeHours(value: unknown): OfficeHoursParse {
  if (value === undefined) return { ok: true, hours: undefined };
  const parsed = officeHoursSchema.safeParse(value);
  if (parsed.success) return { ok: true, hours: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((issue) => ({
      path: issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key)),
      message: { en: issue.message, de: officeHoursIssueTextsDe[issue.message] ?? issue.message },
    })),
  };
}

function localOf(hours: OfficeHours, instant: Date): DateTime {
  return DateTime.fromJSDate(instant, { zone: hours.timezone });
}

function windowsOn(hours: OfficeHours, day: DateTime): [number, number][] {
  if (hours.holidays?.includes(day.toISODate()!)) return [];
  const windows = hours.weekly[officeWeekdays[day.weekday - 1]!] ?? [];
  return windows.map(([start, end]) => [minutesOf(start), minutesOf(end)] as [number, number]).sort((a, b) => a[0] - b[0]);
}

/** Whether the office is open at `instant`; always true without office hours. */
export function isOpen(hours: OfficeHours | undefined, instant: Date): boolean {
  if (!hours) return true;
  const local = localOf(hours, instant);
  const minute = local.hour * 60 + local.minute;
  return windowsOn(hours, local.startOf('day')).some(([start, end]) => minute >= start && minute < end);
}

const MINUTE = 60_000;

/**
 * The first instant whose wall clock in `zone` reads `minutes` after midnight of `day` or later: the time itself, the
 * earlier pass of a repeated hour, or the moment the clock jumps over a skipped one.
 */
function instantOf(day: DateTime, minutes: number, zone: string): number {
  const wall = Date.UTC(day.year, day.month - 1, day.day) + minutes * MINUTE;
  const offsetAt = (millis: number) => DateTime.fromMillis(millis, { zone }).offset;
  const offsets = [...new Set([offsetAt(wall - 86_400_000), offsetAt(wall + 86_400_000)])];
  const valid = offsets.map((offset) => wall - offset * MINUTE).filter((millis) => offsetAt(millis) * MINUTE === wall - millis);
  if (valid.length > 0) return Math.min(...valid);
  // In a gap: binary-search the transition, the first instant whose wall time passes `wall`.
  let low = wall - Math.max(...offsets) * MINUTE;
  let high = wall - Math.min(...offsets) * MINUTE;
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2);
    if (middle + offsetAt(middle) * MINUTE >= wall) high = middle;
    else low = middle;
  }
  return high;
}

/** How far ahead `nextOpening` looks before giving up (a year of holidays is not office hours). */
const SEARCH_DAYS = 400;

/**
 * The first instant at or after `instant` when the office is open: `instant` itself while open, null when it never
 * opens within about a year (no windows at all, or nothing but holidays). Always `instant` without office hours.
 */
export function nextOpening(hours: OfficeHours | undefined, instant: Date): Date | null {
  if (!hours) return instant;
  const at = instant.getTime();
  const today = localOf(hours, instant).startOf('day');
  for (let offset = 0; offset < SEARCH_DAYS; offset++) {
    const day = today.plus({ days: offset });
    for (const [start, end] of windowsOn(hours, day)) {
      const opens = instantOf(day, start, hours.timezone);
      const closes = instantOf(day, end, hours.timezone);
      if (closes <= at || closes <= opens) continue;
      return new Date(Math.max(opens, at));
    }
  }
  return null;
}
