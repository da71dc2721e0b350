import { useTranslation } from 'react-i18next';
import type { ValidationResult } from '../api/types.js';
import { ErrorNotice } from '../components/ErrorNotice.js';
import { ProblemList } from '../components/ProblemList.js';

interface ValidationSummaryProps {
  result: ValidationResult | undefined;
  error: unknown;
  loading: boolean;
  onRecheck: () => void;
}

/** The runtime's verdict on the draft (`POST /v1/flows/{id}/validate`). */
export function ValidationSummary({ result, error, loading, onRecheck }: ValidationSummaryProps) {
  const { t } = useTranslation();
  const errors = result?.problems.filter((problem) => problem.severity === 'error').length ?? 0;
  const warnings = (result?.problems.length ?? 0) - errors;
  return (
    <div className="stack" aria-busy={loading}>
      <div className="section-row">
        <p className="validation-verdict" role="status">
          {!result && loading && t('validation.checking')}
          {result && result.problems.length === 0 && <span className="verdict-ok">{t('validation.ok')}</span>}
          {result && result.problems.length > 0 && (
            <span className={errors ? 'verdict-error' : 'verdict-warning'}>{t('validation.summary', { errors, warnings })}</span>
          )}
        </p>
        <button type="button" className="button button-small" onClick={onRecheck} disabled={loading}>
          {loading ? t('validation.checking') : t('validation.recheck')}
        </button>
      </div>
      {error ? <ErrorNotice error={error} /> : null}
      {result && result.problems.length > 0 && <ProblemList problems={result.problems} />}
    </div>
  );
}
