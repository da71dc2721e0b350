import { DateTime } from 'luxon';
import { pickProductLocale } from '../../i18n/localized.js';

const formats = {
  short: { de: 'ccc d.M., HH:mm', en: 'ccc d MMM, HH:mm' },
  long: { de: "cccc, d. MMMM yyyy, 'um' HH:mm", en: "cccc, d MMMM yyyy, 'at' HH:mm" },
  time: { de: 'HH:mm', en: 'HH:mm' },
} as const;

/** A slot's start as customers read it, in the calendar's zone: "Di 1.12., 14:00" / "Tue 1 Dec, 14:00". */
export function slotLabel(start: string, timeZone: string, locale: string, style: keyof typeof formats = 'short'): string {
  const language = pickProductLocale(locale);
  return DateTime.fromISO(start, { zone: timeZone }).setLocale(language).toFormat(formats[style][language]);
}

/** Both languages' labels, so a customer may type the label of either. */
export function slotLabels(start: string, timeZone: string): { de: string; en: string } {
  return { de: slotLabel(start, timeZone, 'de'), en: slotLabel(start, timeZone, 'en') };
}
