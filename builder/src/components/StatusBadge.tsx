import { useTranslation } from 'react-i18next';

/** "Version 3" when a version is live, otherwise "Draft". */
export function StatusBadge({ publishedVersion }: { publishedVersion: number | null }) {
  const { t } = useTranslation();
  return publishedVersion ? (
    <span className="badge badge-success">{t('flows.publishedVersion', { version: publishedVersion })}</span>
  ) : (
    <span className="badge badge-neutral">{t('flows.draft')}</span>
  );
}
