import { useTranslation } from 'react-i18next';
import { describeError } from '../api/describeError.js';
import type { SaveStatus } from './autosave.js';

/** "Saved", "Saving…", or why saving stopped; a conflict tells to reload instead of overwriting the other tab's work. */
export function SaveStatusNotice({ status }: { status: SaveStatus }) {
  const { t } = useTranslation();
  switch (status.state) {
    case 'pending':
    case 'saving':
      return (
        <span className="save-status muted" role="status">
          {t('canvas.save.saving')}
        </span>
      );
    case 'saved':
      return (
        <span className="save-status save-status-ok" role="status">
          {t('canvas.save.saved')}
        </span>
      );
    case 'conflict':
      return (
        <div className="save-status save-status-error" role="alert">
          {t('canvas.save.conflict')}{' '}
          <button type="button" className="button button-small" onClick={() => window.location.reload()}>
            {t('canvas.save.reload')}
          </button>
        </div>
      );
    case 'error':
      return (
        <span className="save-status save-status-error" role="alert">
          {t('canvas.save.failed', { reason: describeError(status.error, t) })}
        </span>
      );
    default:
      return <span className="save-status" role="status" />;
  }
}
