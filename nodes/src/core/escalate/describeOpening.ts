import { DateTime } from 'luxon';

/**
 * Words the next opening for a customer, relative to now in the office's time zone: "ab heute, 13:00 Uhr",
 * "ab morgen, 08:00 Uhr", "ab Montag, 08:00 Uhr", beyond a week "ab Montag, 4. Januar, 08:00 Uhr"
 * ("from today at 13:00", "from Monday at 08:00", "from Monday 4 January at 08:00").
 */
export function describeOpening(opening: Date, now: Date, timeZone: string, locale: string): string {
  const german = locale.split('-')[0] === 'de';
  const language = german ? 'de-CH' : 'en-GB';
  const at = DateTime.fromJSDate(opening, { zone: timeZone }).setLocale(language);
  const today = DateTime.fromJSDate(now, { zone: timeZone }).startOf('day');
  const days = Math.round(at.startOf('day').diff(today, 'days').days);
  const time = at.toFormat('HH:mm');
  if (german) {
    if (days === 0) return `ab heute, ${time} Uhr`;
    if (days === 1) return `ab morgen, ${time} Uhr`;
    if (days < 7) return `ab ${at.toFormat('cccc')}, ${time} Uhr`;
    return `ab ${at.toFormat('cccc, d. LLLL')}, ${time} Uhr`;
  }
  if (days === 0) return `from today at ${time}`;
  if (days === 1) return `from tomorrow at ${time}`;
  if (days < 7) return `from ${at.toFormat('cccc')} at ${time}`;
  return `from ${at.toFormat('cccc d LLLL')} at ${time}`;
}
