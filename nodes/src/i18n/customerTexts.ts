import { localized, type Localized } from './localized.js';

/** Default texts customers see when a flow does not set its own; other languages fall back to English. */
export const customerTexts = {
  fallbackApology: {
    de: 'Entschuldigung, da ist bei mir etwas schiefgelaufen. Ich verbinde Sie mit unserem Team.',
    en: 'Sorry, something went wrong on my side. I am connecting you with our team.',
  },
  retry_text: { de: 'Bitte antworten Sie mit einem Text.', en: 'Please answer with some text.' },
  retry_email: {
    de: 'Das sieht nicht nach einer E-Mail-Adresse aus. Bitte geben Sie sie so an: name@beispiel.de',
    en: 'That does not look like an email address. Please enter it like this: name@example.com',
  },
  retry_phone: {
    de: 'Ich konnte die Telefonnummer nicht lesen. Bitte mit Vorwahl, z. B. 030 1234567 oder +41 44 123 45 67.',
    en: 'I could not read that phone number. Please include the area code, e.g. +44 20 7946 0958.',
  },
  retry_number: { de: 'Bitte geben Sie eine Zahl an, z. B. 3 oder 1.000,50.', en: 'Please enter a number, e.g. 3 or 1,000.50.' },
  retry_date: {
    de: 'Ich habe das Datum nicht verstanden. Zum Beispiel: morgen, nächsten Montag oder 12.3.',
    en: 'I did not understand the date. For example: tomorrow, next Monday or March 12.',
  },
  retry_choice: { de: 'Bitte wählen Sie eine der Möglichkeiten.', en: 'Please pick one of the options.' },
  retry_yesno: { de: 'Bitte antworten Sie mit Ja oder Nein.', en: 'Please answer yes or no.' },
  yes: { de: 'Ja', en: 'Yes' },
  no: { de: 'Nein', en: 'No' },
  csatQuestion: {
    de: 'Wie zufrieden waren Sie mit dem Gespräch? (1 = gar nicht, 5 = sehr)',
    en: 'How satisfied were you with this conversation? (1 = not at all, 5 = very)',
  },
  csatRetry: { de: 'Bitte geben Sie eine Zahl von 1 bis 5 an.', en: 'Please give a number from 1 to 5.' },
} satisfies Record<string, Localized>;

export type CustomerTextKey = keyof typeof customerTexts;

export function customerText(key: CustomerTextKey, locale: string): string {
  return localized(customerTexts[key], locale);
}
