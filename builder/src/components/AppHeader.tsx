import { useTranslation } from 'react-i18next';
import { flowsPath } from '../routing/route.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { Link } from './Link.js';

/** Brand, language switch and, once signed in, sign-out. */
export function AppHeader({ onSignOut }: { onSignOut?: () => void }) {
  const { t } = useTranslation();
  return (
    <header className="app-header">
      <div className="app-header-inner">
        {onSignOut ? (
          <Link to={flowsPath} className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {t('app.title')}
          </Link>
        ) : (
          <span className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {t('app.title')}
          </span>
        )}
        <div className="app-header-tools">
          <LanguageSwitch />
          {onSignOut && (
            <button type="button" className="button button-quiet" onClick={onSignOut}>
              {t('login.signOut')}
            </button>
          )}
        </div>
      </div>
    </header>
  );
}
