import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/formatDateTime.js';

export function DateTime({ value }: { value: string | null | undefined }) {
  const { i18n } = useTranslation();
  if (!value) return null;
  return <time dateTime={value}>{formatDateTime(value, i18n.resolvedLanguage ?? 'en')}</time>;
}
