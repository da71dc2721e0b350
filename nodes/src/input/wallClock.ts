/**
 * Returns a Date whose *local* fields (getFullYear, getDate, getHours …) show
 * the wall-clock time of `now` in `timeZone`. chrono does its calendar
 * arithmetic in the process's local zone, which on a server is usually UTC;
 * feeding it this shifted instant makes "heute" mean today in Berlin even at
 * 00:30 Berlin time, whatever zone the server or browser runs in.
 */
export function wallClockIn(now: Date, timeZone: string): Date {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  });
  const field: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {};
  for (const part of format.formatToParts(now)) field[part.type] = Number(part.value);
  const clock = new Date(field.year!, field.month! - 1, field.day!, field.hour!, field.minute!, field.second!);
  clock.setFullYear(field.year!); // the constructor maps years 0–99 to 1900–1999
  return clock;
}
