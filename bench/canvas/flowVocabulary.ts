/** The words the generated benchmark flow is written in: customer-service topics of a small business, German and English. */

export type Bilingual = { de: string; en: string };

export interface Topic {
  key: string;
  name: Bilingual;
  /** The thing the customer asks about, used in questions and answers. */
  subject: Bilingual;
}

export interface Area {
  key: string;
  name: Bilingual;
  examples: { de: string[]; en: string[] };
  topics: Topic[];
}

const topic = (key: string, de: string, en: string, subjectDe: string, subjectEn: string): Topic => ({
  key,
  name: { de, en },
  subject: { de: subjectDe, en: subjectEn },
});

/** Four areas of four topics each: the main intent routes to an area, the area's menu to a topic section. */
export const AREAS: Area[] = [
  {
    key: 'orders',
    name: { de: 'Bestellung', en: 'Order' },
    examples: { de: ['Wo ist meine Bestellung?', 'Ich möchte etwas bestellen', 'Bestellung ändern'], en: ['Where is my order?', 'I want to order something', 'Change my order'] },
    topics: [
      topic('delivery', 'Lieferstatus', 'Delivery status', 'Ihre Lieferung', 'your delivery'),
      topic('change', 'Bestellung ändern', 'Change an order', 'Ihre Bestellung', 'your order'),
      topic('returns', 'Rücksendung', 'Returns', 'die Rücksendung', 'the return'),
      topic('damaged', 'Beschädigte Ware', 'Damaged goods', 'die beschädigte Ware', 'the damaged goods'),
    ],
  },
  {
    key: 'appointments',
    name: { de: 'Termin', en: 'Appointment' },
    examples: { de: ['Ich brauche einen Termin', 'Termin verschieben', 'Wann haben Sie Zeit?'], en: ['I need an appointment', 'Move my appointment', 'When are you available?'] },
    topics: [
      topic('book', 'Termin buchen', 'Book an appointment', 'Ihr Termin', 'your appointment'),
      topic('move', 'Termin verschieben', 'Reschedule', 'der neue Termin', 'the new date'),
      topic('cancel', 'Termin absagen', 'Cancel an appointment', 'die Absage', 'the cancellation'),
      topic('visit', 'Hausbesuch', 'Home visit', 'der Hausbesuch', 'the home visit'),
    ],
  },
  {
    key: 'billing',
    name: { de: 'Rechnung', en: 'Billing' },
    examples: { de: ['Frage zur Rechnung', 'Ich habe doppelt bezahlt', 'Mahnung erhalten'], en: ['Question about my invoice', 'I paid twice', 'I received a reminder'] },
    topics: [
      topic('invoice', 'Rechnungskopie', 'Invoice copy', 'die Rechnungskopie', 'the invoice copy'),
      topic('payment', 'Zahlungsarten', 'Payment methods', 'die Zahlung', 'the payment'),
      topic('refund', 'Rückerstattung', 'Refund', 'die Rückerstattung', 'the refund'),
      topic('reminder', 'Mahnung', 'Payment reminder', 'die Mahnung', 'the reminder'),
    ],
  },
  {
    key: 'support',
    name: { de: 'Technische Hilfe', en: 'Technical help' },
    examples: { de: ['Das Gerät funktioniert nicht', 'Ich komme nicht ins Konto', 'Fehlermeldung'], en: ['The device does not work', 'I cannot log in', 'Error message'] },
    topics: [
      topic('login', 'Anmeldung', 'Login', 'Ihr Konto', 'your account'),
      topic('device', 'Gerätestörung', 'Device fault', 'das Gerät', 'the device'),
      topic('setup', 'Einrichtung', 'Setup', 'die Einrichtung', 'the setup'),
      topic('warranty', 'Garantie', 'Warranty', 'die Garantie', 'the warranty'),
    ],
  },
];

/** Questions a topic section asks, with the input type and the variable suffix they fill. */
export const QUESTIONS: { input: 'text' | 'email' | 'phone' | 'number' | 'date'; variable: string; text: Bilingual; variableType: 'string' | 'number' | 'date' }[] = [
  { input: 'text', variable: 'name', text: { de: 'Wie ist Ihr Name?', en: 'What is your name?' }, variableType: 'string' },
  { input: 'email', variable: 'email', text: { de: 'An welche E-Mail-Adresse dürfen wir schreiben?', en: 'Which email address may we write to?' }, variableType: 'string' },
  { input: 'phone', variable: 'phone', text: { de: 'Unter welcher Nummer erreichen wir Sie?', en: 'Which number can we reach you at?' }, variableType: 'string' },
  { input: 'number', variable: 'reference', text: { de: 'Wie lautet die Nummer (z. B. Bestell- oder Kundennummer)?', en: 'What is the number (e.g. order or customer number)?' }, variableType: 'number' },
  { input: 'date', variable: 'date', text: { de: 'An welchem Datum?', en: 'On which date?' }, variableType: 'date' },
  { input: 'text', variable: 'details', text: { de: 'Beschreiben Sie bitte kurz, worum es geht.', en: 'Please describe briefly what it is about.' }, variableType: 'string' },
];

export const MESSAGES: Bilingual[] = [
  { de: 'Danke, {{%name}}. Ich schaue mir das gleich an.', en: 'Thank you, {{%name}}. Let me look into it.' },
  { de: 'Gut zu wissen. Dazu habe ich noch eine Frage.', en: 'Good to know. I have one more question about that.' },
  { de: 'Verstanden. Wir kümmern uns darum.', en: 'Understood. We will take care of it.' },
  { de: 'Einen Moment bitte, ich prüfe die Angaben.', en: 'One moment please, I am checking the details.' },
  { de: 'Das hat leider nicht geklappt. Versuchen wir es anders.', en: 'That did not work, unfortunately. Let us try another way.' },
];

export const FAQ_ENTRIES: { question: Bilingual; answer: Bilingual }[] = [
  { question: { de: 'Wie lange dauert das?', en: 'How long does it take?' }, answer: { de: 'In der Regel zwei bis drei Werktage.', en: 'Usually two to three working days.' } },
  { question: { de: 'Was kostet das?', en: 'What does it cost?' }, answer: { de: 'Für Sie entstehen keine zusätzlichen Kosten.', en: 'There is no extra cost for you.' } },
  { question: { de: 'Wie erreiche ich Sie?', en: 'How can I reach you?' }, answer: { de: 'Montag bis Freitag von 8 bis 17 Uhr unter 044 123 45 67.', en: 'Monday to Friday, 8 am to 5 pm, at 044 123 45 67.' } },
  { question: { de: 'Bekomme ich eine Bestätigung?', en: 'Do I get a confirmation?' }, answer: { de: 'Ja, Sie erhalten eine Bestätigung per E-Mail.', en: 'Yes, you receive a confirmation by email.' } },
];

/** Fills a text's `%` placeholder with the section's variable prefix, e.g. `{{%name}}` → `{{s03_name}}`. */
export function withPrefix(text: Bilingual, prefix: string): Bilingual {
  return { de: text.de.replaceAll('%', `${prefix}_`), en: text.en.replaceAll('%', `${prefix}_`) };
}
