import { z } from 'zod';
import { defineNode } from '../../sdk/defineNode.js';
import { Text, resolveText } from '../../sdk/text.js';
import { flowId, officeHours, variableName } from '../../flow/flowDocument.js';

const variable = variableName.meta({ 'x-dialogwerk-widget': 'variable' });

const validTimeZone = (zone: string) => {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    return false;
  }
};

const bookSlotConfig = z.object({
  text: Text.optional().meta({
    title: 'Text',
    description: 'Was der Bot vor den Terminen sagt / What the bot says before the appointments',
  }),
  calendar: flowId.default('default').meta({
    title: 'Kalender / Calendar',
    description: 'Id des Kalenders, in den gebucht wird / Id of the calendar to book into',
  }),
  durationMinutes: z.number().int().min(5).max(24 * 60).default(30).meta({ title: 'Dauer (Minuten) / Duration (minutes)' }),
  bufferMinutes: z.number().int().min(0).max(12 * 60).default(0).meta({
    title: 'Puffer (Minuten) / Buffer (minutes)',
    description: 'Freie Zeit nach jedem Termin / Time kept free after each appointment',
  }),
  leadTimeMinutes: z.number().int().min(0).max(60 * 24 * 60).default(60).meta({
    title: 'Vorlaufzeit (Minuten) / Lead time (minutes)',
    description: 'Frühester Termin ab jetzt / Earliest appointment from now',
  }),
  earliestDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, 'a date as YYYY-MM-DD')
    .optional()
    .meta({ title: 'Frühestes Datum / Earliest date', description: 'Keine Termine vor diesem Tag / No appointments before this day' }),
  horizonDays: z.number().int().min(1).max(366).default(14).meta({
    title: 'Horizont (Tage) / Horizon (days)',
    description: 'Wie weit im Voraus gebucht werden kann / How far ahead customers can book',
  }),
  slotsPerPage: z.number().int().min(1).max(10).default(4).meta({
    title: 'Angebotene Termine / Slots offered',
    description: 'Wie viele Termine auf einmal angeboten werden / How many appointments are offered at once',
  }),
  slotsPerDay: z.number().int().min(1).max(10).default(2).meta({
    title: 'Termine pro Tag / Slots per day',
    description: 'Höchstens so viele Angebote vom selben Tag / At most this many offers from the same day',
  }),
  openingHours: officeHours.optional().meta({
    title: 'Öffnungszeiten / Opening hours',
    description:
      'Leer: die Bürozeiten des Flows (settings.officeHours), sonst Mo–Fr 08–12 und 13–17 Uhr / ' +
      "Empty: the flow's office hours (settings.officeHours), else Mon–Fri 08–12 and 13–17",
  }),
  timeZone: z.string().refine(validTimeZone, 'an IANA time zone like "Europe/Zurich"').optional().meta({
    title: 'Zeitzone / Time zone',
    description: 'Ersetzt die Zeitzone der Öffnungszeiten / Replaces the opening hours\' time zone',
  }),
  title: Text.optional().meta({
    title: 'Titel der Buchung / Booking title',
    description: 'Darf {{variablen}} enthalten, z. B. „Beratung {{name}}“ / May contain {{variables}}, e.g. "Consultation {{name}}"',
  }),
  attendee: z
    .object({ name: variable.optional(), email: variable.optional(), phone: variable.optional() })
    .default({})
    .meta({ title: 'Kunde / Attendee', description: 'Variablen mit Name, E-Mail, Telefon / Variables holding name, email, phone' }),
  save: z
    .object({ start: variable.optional(), end: variable.optional(), bookingId: variable.optional() })
    .default({})
    .meta({ title: 'Speichern / Save', description: 'Variablen für Beginn, Ende und Buchungs-Id / Variables for start, end and booking id' }),
});

export type BookSlotConfig = z.infer<typeof bookSlotConfig>;

export const bookSlotNode = defineNode({
  type: 'book_slot',
  version: 1,
  category: 'actions',
  icon: 'calendar-check',
  label: { de: 'Termin buchen', en: 'Book appointment' },
  description: {
    de: 'Bietet freie Termine aus dem Kalender an, lässt den Kunden wählen (Knopf oder „Dienstag 14 Uhr“) und bucht ihn.',
    en: 'Offers free appointments from the calendar, lets the customer pick one (button or "Tuesday 2pm") and books it.',
  },
  config: bookSlotConfig,
  ports: [
    { id: 'booked', label: { de: 'Gebucht', en: 'Booked' } },
    { id: 'no_slot', label: { de: 'Kein Termin frei', en: 'No slot free' } },
    { id: 'error', label: { de: 'Fehler', en: 'Error' }, kind: 'error' },
  ],
  waitsForInput: true,
  variables: (config) =>
    [config.attendee.name, config.attendee.email, config.attendee.phone, config.save.start, config.save.end, config.save.bookingId].filter(
      (name): name is string => Boolean(name),
    ),
  summary: (config, locale) =>
    `${config.durationMinutes} min · ${config.calendar}${config.text ? ` · ${resolveText(config.text, locale, locale)}` : ''}`,
});
