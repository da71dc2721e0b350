import * as chrono from 'chrono-node';
import { dayMonthParser } from './dayMonthParser.js';
import { intlLocale, splitLocale } from './locale.js';
import { fail, isBlank, ok, type ParseResult } from './result.js';
import { wallClockIn } from './wallClock.js';

export type DateOptions = { locale: string; now?: Date; timeZone?: string };

const german = chrono.de.casual.clone();
german.parsers.push(dayMonthParser);

/**
 * The conversation's language is tried first, the other one second, because
 * customers mix languages ("Termin tomorrow?"). Only en-US reads "3/12" as
 * March 12; everyone else in this market writes day before month.
 */
function parsersFor(locale: string): chrono.Chrono[] {
  const { language, region } = splitLocale(locale);
  const english = region === 'US' ? chrono.en.casual : chrono.en.GB;
  return language === 'en' ? [english, german] : [german, english];
}

const sameDay = (a: Date, b: Date) =>
  a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();

function isRealDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Turns chrono's components into a calendar date, applying our booking-oriented defaults. */
function resolve(start: chrono.ParsedComponents, today: Date): Date | undefined {
  let year = start.get('year');
  const month = start.get('month');
  let day = start.get('day');
  if (year === null || month === null || day === null) return undefined;
  if (!start.isCertain('year') && start.isCertain('month') && start.isCertain('day')) {
    // "12.3." means the next 12 March on or after today: customers book future appointments.
    const upcoming = month > today.getMonth() + 1 || (month === today.getMonth() + 1 && day >= today.getDate());
    year = today.getFullYear() + (upcoming ? 0 : 1);
    for (let tries = 0; tries < 8 && !isRealDate(year, month, day); tries++) year++; // "29.2." waits for a leap year
    if (!isRealDate(year, month, day)) return undefined;
  } else if (start.isCertain('weekday') && !start.isCertain('day') && sameDay(new Date(year, month - 1, day), today)) {
    // A bare "Dienstag" said on a Tuesday means next week; today would be "heute".
    day += 7;
  }
  return new Date(Date.UTC(year, month - 1, day));
}

const isoDate = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Reads a calendar date from free text ("übermorgen", "12.3.", "next Monday")
 * relative to `now` in `timeZone`, and returns it as YYYY-MM-DD. Times are ignored.
 */
export function parseDate(text: string | undefined, options: DateOptions): ParseResult {
  if (isBlank(text)) return fail('empty');
  const today = wallClockIn(options.now ?? new Date(), options.timeZone ?? 'Europe/Berlin');
  for (const parser of parsersFor(options.locale)) {
    // The first hit wins: chrono also reads "fr" in "morgen früh" as Friday.
    const [first] = parser.parse(text!, today, { forwardDate: true });
    if (!first) continue;
    const date = resolve(first.start, today);
    if (!date) return fail('invalid_date');
    const display = new Intl.DateTimeFormat(intlLocale(options.locale), { dateStyle: 'full', timeZone: 'UTC' }).format(date);
    return ok(isoDate(date), display);
  }
  return fail('invalid_date');
}
