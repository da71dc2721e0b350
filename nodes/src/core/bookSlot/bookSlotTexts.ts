import { pickProductLocale } from '../../i18n/localized.js';

/** The book_slot node's default customer texts; `{{…}}` placeholders are filled by `bookSlotText`. */
export const bookSlotTexts = {
  offer: { de: 'Welcher Termin passt Ihnen?', en: 'Which appointment suits you?' },
  otherDays: { de: 'Andere Tage', en: 'Other days' },
  moreSlots: { de: 'Hier sind weitere freie Termine:', en: 'Here are more free appointments:' },
  noMoreSlots: {
    de: 'Später gibt es keine freien Termine mehr. Hier sind die ersten wieder:',
    en: 'There are no later free appointments. Here are the first ones again:',
  },
  slotTaken: {
    de: 'Dieser Termin wurde gerade vergeben. Bitte wählen Sie einen anderen:',
    en: 'Sorry, that appointment was just taken. Please pick another one:',
  },
  slotTakenNoOther: {
    de: 'Dieser Termin wurde gerade vergeben, und im Moment ist leider kein anderer frei.',
    en: 'Sorry, that appointment was just taken, and no other one is free right now.',
  },
  requestedNotFree: {
    de: 'Dieser Zeitpunkt ist leider nicht frei. Diese Termine sind möglich:',
    en: 'That time is not available. These appointments are free:',
  },
  notUnderstood: {
    de: 'Bitte wählen Sie einen der Termine oder nennen Sie Tag und Uhrzeit, z. B. „Dienstag 14 Uhr“.',
    en: 'Please pick one of the appointments or name a day and time, e.g. "Tuesday 2pm".',
  },
  booked: { de: 'Ihr Termin ist gebucht: {{when}}.', en: 'Your appointment is booked: {{when}}.' },
  attachment: { de: 'Termin.ics', en: 'Appointment.ics' },
  defaultTitle: { de: 'Termin', en: 'Appointment' },
} as const;

export type BookSlotTextKey = keyof typeof bookSlotTexts;

export function bookSlotText(key: BookSlotTextKey, locale: string, values: Record<string, string> = {}): string {
  return bookSlotTexts[key][pickProductLocale(locale)].replace(/\{\{(\w+)\}\}/g, (_, name: string) => values[name] ?? '');
}
