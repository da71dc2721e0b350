import { useId } from 'react';
import { useTranslation } from 'react-i18next';

function languageName(code: string, uiLanguage: string): string {
  try {
    const name = new Intl.DisplayNames([uiLanguage], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

interface LocaleSelectProps {
  locales: readonly string[];
  value: string;
  onChange: (locale: string) => void;
}

/** Which of the flow's languages the test conversation speaks. */
export function LocaleSelect({ locales, value, onChange }: LocaleSelectProps) {
  const { t, i18n } = useTranslation(['testRun']);
  const id = useId();
  const ui = i18n.resolvedLanguage ?? 'en';
  return (
    <>
      <label htmlFor={id} className="visually-hidden">
        {t('testRun:locale')}
      </label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {locales.map((code) => (
          <option key={code} value={code}>
            {languageName(code, ui)}
          </option>
        ))}
      </select>
    </>
  );
}
