import { useTranslation } from 'react-i18next';
import { Link } from '../components/Link.js';
import { PageHeading } from '../components/PageHeading.js';
import { useDocumentTitle } from '../hooks/useDocumentTitle.js';
import { flowsPath } from '../routing/route.js';

export function NotFoundScreen() {
  const { t } = useTranslation();
  useDocumentTitle(t('notFound.title'));
  return (
    <div className="page">
      <PageHeading>{t('notFound.title')}</PageHeading>
      <p>
        <Link to={flowsPath}>{t('common.backToFlows')}</Link>
      </p>
    </div>
  );
}
