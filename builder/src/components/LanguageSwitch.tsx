import { useTranslation } from 'react-i18next';
import { setUiLanguage } from '../i18n/i18n.js';
import { UI_LANGUAGES } from '../i18n/uiLanguage.js';

/** Deutsch | English toggle; the choice is remembered in localStorage. */
export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <div className="segmented" role="group" aria-label={t('language.label')}>
      {UI_LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          lang={language}
          className="segmented-option"
          aria-pressed={i18n.resolvedLanguage === language}
          onClick={() => setUiLanguage(language)}
        >
          {t(`language.${language}`)}
        </button>
      ))}
    </div>
  );
}
