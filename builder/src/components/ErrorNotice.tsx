import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/apiError.js';
import { describeError } from '../api/describeError.js';
import { Notice } from './Notice.js';
import { ProblemList } from './ProblemList.js';

interface ErrorNoticeProps {
  error: unknown;
  /** What failed, shown above the server's message. */
  title?: string;
  /** List a rejected flow's problems (default); off where they are shown elsewhere. */
  showProblems?: boolean;
  onDismiss?: () => void;
  onRetry?: () => void;
}

/** A failed call: the server's message and, for a rejected flow, its list of problems. */
export function ErrorNotice({ error, title, showProblems = true, onDismiss, onRetry }: ErrorNoticeProps) {
  const { t } = useTranslation();
  const problems = showProblems && error instanceof ApiError ? error.problems : [];
  return (
    <Notice tone="error" onDismiss={onDismiss}>
      {title && <p className="notice-title">{title}</p>}
      <p className={title ? undefined : 'notice-title'}>{describeError(error, t)}</p>
      {problems.length > 0 && <ProblemList problems={problems} />}
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </Notice>
  );
}
