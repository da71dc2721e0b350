import { officeHoursIssueTextsDe } from '../sdk/officeHours.js';

/**
 * German for the English messages that schemas set themselves (regex hints, refinements). zod's locales only translate
 * its built-in messages, and a message set on the schema wins over any locale, so without this list German staff would
 * read these in English. Unknown messages stay as they are; keep entries in step with the schemas that define them.
 */
const exact: Record<string, string> = {
  'lowercase letters, digits, "_" and "-", at most 64': 'nur Kleinbuchstaben, Ziffern, „_“ und „-“, höchstens 64 Zeichen',
  'letters, digits and "_", not starting with a digit': 'nur Buchstaben, Ziffern und „_“, nicht mit einer Ziffer am Anfang',
  'time as HH:MM': 'Uhrzeit im Format HH:MM',
  'locale tag like "de" or "de-CH"': 'Sprachkürzel wie „de“ oder „de-CH“',
  'a choice question needs at least one choice': 'Eine Auswahlfrage braucht mindestens eine Auswahlmöglichkeit',
  '"invalid" is reserved': '„invalid“ ist reserviert',
  'choice ids must be unique': 'Die IDs der Auswahlmöglichkeiten müssen verschieden sein',
  '"else" is reserved for when no rule matches': '„else“ ist für den Fall reserviert, dass keine Regel zutrifft',
  'an FAQ needs entries or a knowledge base': 'Eine FAQ braucht Einträge oder eine Wissensdatenbank',
  'entry ids must be unique': 'Die IDs der Einträge müssen verschieden sein',
  ...officeHoursIssueTextsDe,
};

const patterns: [RegExp, (...groups: string[]) => string][] = [
  [/^operator "(.+)" needs a value$/, (op) => `Der Vergleich „${op}“ braucht einen Wert`],
];

export function customIssueTextDe(message: string): string | undefined {
  const known = exact[message];
  if (known) return known;
  for (const [pattern, translate] of patterns) {
    const match = pattern.exec(message);
    if (match) return translate(...match.slice(1));
  }
  return undefined;
}
