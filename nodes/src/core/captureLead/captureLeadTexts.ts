import type { Localized } from '../../i18n/localized.js';

/** Default customer texts of `capture_lead`. */
export const captureLeadTexts = {
  consentQuestion: {
    de: 'Dürfen wir Ihre Angaben speichern, um Sie wegen Ihrer Anfrage zu kontaktieren? Wir verwenden sie nur dafür und löschen sie auf Wunsch jederzeit.',
    en: 'May we store your details to contact you about your request? We use them only for that and delete them whenever you ask.',
  },
  consentRetry: { de: 'Bitte antworten Sie mit Ja oder Nein.', en: 'Please answer yes or no.' },
  yes: { de: 'Ja', en: 'Yes' },
  no: { de: 'Nein', en: 'No' },
} satisfies Record<string, Localized>;
