import { DateTime } from 'luxon';
import { parseDate } from '../../input/parseDate.js';

/** What a typed answer asks for: a local date, a local time of day, or both. */
export interface SlotRequest {
  date?: string;
  minuteOfDay?: number;
}

// "14:30", "14.30 Uhr", "14 Uhr", "14h", "2pm", "9:15 am". A bare "1.12" is a date, never a time.
const timePatterns: { pattern: RegExp; read: (m: RegExpExecArray) => number | undefined }[] = [
  { pattern: /\b(\d{1,2})(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)/i, read: (m) => twelveHour(Number(m[1]), Number(m[2] ?? 0), m[3]!) },
  { pattern: /\b(\d{1,2}):(\d{2})\b/, read: (m) => clock(Number(m[1]), Number(m[2])) },
  { pattern: /\b(\d{1,2})\.(\d{2})\s*(?:uhr|h)\b/i, read: (m) => clock(Number(m[1]), Number(m[2])) },
  { pattern: /\b(\d{1,2})\s*(?:uhr|h|o'?clock)\b/i, read: (m) => clock(Number(m[1]), 0) },
];

function clock(hours: number, minutes: number): number | undefined {
  return hours <= 24 && minutes < 60 ? (hours % 24) * 60 + minutes : undefined;
}

function twelveHour(hours: number, minutes: number, suffix: string): number | undefined {
  if (hours < 1 || hours > 12) return undefined;
  const pm = suffix.toLowerCase().startsWith('p');
  return clock((hours % 12) + (pm ? 12 : 0), minutes);
}

/**
 * Reads "Dienstag 14 Uhr", "morgen 9:00", "1.12. um 10" or "Tue 2pm" relative to `now` in `timeZone`. The time is
 * cut out before the date parser sees the rest, because chrono reads "1.12. 14:00" as 1:12.
 */
export function parseSlotRequest(text: string, options: { now: Date; timeZone: string; locale: string }): SlotRequest {
  const request: SlotRequest = {};
  let rest = text;
  for (const { pattern, read } of timePatterns) {
    const match = pattern.exec(rest);
    if (!match) continue;
    const minute = read(match);
    if (minute === undefined) continue;
    request.minuteOfDay = minute;
    rest = rest.slice(0, match.index) + ' ' + rest.slice(match.index + match[0].length);
    break;
  }
  if (/\p{L}|\d/u.test(rest)) {
    const date = parseDate(rest, { locale: options.locale, now: options.now, timeZone: options.timeZone });
    if (date.ok) request.date = String(date.value);
  }
  return request;
}

/** Whether a slot start matches what the customer asked for. */
export function slotMatches(start: string, request: SlotRequest, timeZone: string): boolean {
  const local = DateTime.fromISO(start, { zone: timeZone });
  if (request.date !== undefined && local.toISODate() !== request.date) return false;
  if (request.minuteOfDay !== undefined && local.hour * 60 + local.minute !== request.minuteOfDay) return false;
  return request.date !== undefined || request.minuteOfDay !== undefined;
}
