import type { Localized } from '../../i18n/localized.js';

/** Default customer texts of `escalate`; `{when}` is the next opening as `describeOpening` words it. */
export const escalateTexts = {
  handingOff: {
    de: 'Ich verbinde Sie mit unserem Team. Einen Moment bitte, gleich meldet sich jemand hier im Chat.',
    en: 'I am connecting you with our team. One moment please, someone will reply here in the chat.',
  },
  offline: {
    de: 'Unser Team ist gerade nicht erreichbar. Ihre Rückrufbitte ist notiert, wir melden uns {when}.',
    en: 'Our team is not available right now. We have noted your callback request and will get back to you {when}.',
  },
  offlineSoon: { de: 'so bald wie möglich', en: 'as soon as possible' },
} satisfies Record<string, Localized>;

/** Default handoff reasons, shown to staff in the flow's default language. */
export const escalateReasons = {
  handoff: { de: 'Kunde möchte mit einer Person sprechen', en: 'Customer asked for a person' },
} satisfies Record<string, Localized>;
