import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import { featureNamespaces } from './namespaces.js';
import { LANGUAGE_STORAGE_KEY, pickUiLanguage, type UiLanguage } from './uiLanguage.js';

const byLanguage = (language: 'de' | 'en') =>
  Object.fromEntries(Object.entries(featureNamespaces).map(([name, texts]) => [name, texts[language]]));

export const resources = {
  de: { translation: de, ...byLanguage('de') },
  en: { translation: en, ...byLanguage('en') },
};

function storedLanguage(): string | null {
  try {
    return localStorage.getItem(LANGUAGE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function browserLanguages(): readonly string[] {
  return navigator.languages?.length ? navigator.languages : [navigator.language];
}

/** Starts i18next synchronously (resources are bundled), so the first render is already in the right language. */
export function initI18n(): typeof i18next {
  const lng = pickUiLanguage(storedLanguage(), browserLanguages());
  void i18next.use(initReactI18next).init({
    resources,
    lng,
    fallbackLng: 'en',
    supportedLngs: ['de', 'en'],
    interpolation: { escapeValue: false },
    initAsync: false,
  });
  document.documentElement.lang = lng;
  i18next.on('languageChanged', (language) => {
    document.documentElement.lang = language;
  });
  return i18next;
}

/** The language the UI currently shows, also sent to the API as Accept-Language. */
export function uiLanguage(): UiLanguage {
  return i18next.resolvedLanguage === 'de' ? 'de' : 'en';
}

/** Switches the UI and remembers the choice across visits. */
export function setUiLanguage(language: UiLanguage): void {
  void i18next.changeLanguage(language);
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, language);
  } catch {
    // the choice just does not survive a reload
  }
}
