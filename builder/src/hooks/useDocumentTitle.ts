import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** "<page> – Dialogwerk Builder" while the page is shown. */
export function useDocumentTitle(page: string | undefined): void {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = page ? t('app.pageTitle', { page }) : t('app.title');
  }, [page, t]);
}
