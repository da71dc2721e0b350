import { useTranslation } from 'react-i18next';
import type { FlowProblem } from '../api/types.js';

/** Validation problems as the runtime reports them, errors first; messages are already in the UI language. */
export function ProblemList({ problems }: { problems: FlowProblem[] }) {
  const { t } = useTranslation();
  const sorted = [...problems].sort((a, b) => Number(a.severity === 'warning') - Number(b.severity === 'warning'));
  return (
    <ul className="problem-list">
      {sorted.map((problem, index) => (
        <li key={`${problem.code}-${index}`} className={`problem problem-${problem.severity}`}>
          <span className={`badge badge-${problem.severity === 'error' ? 'danger' : 'warning'}`}>
            {problem.severity === 'error' ? t('problems.error') : t('problems.warning')}
          </span>
          <span className="problem-message">{problem.message}</span>
          <span className="problem-meta">
            {problem.nodeId && (
              <>
                {t('problems.node')} <code>{problem.nodeId}</code>
                {' · '}
              </>
            )}
            <code>{problem.code}</code>
          </span>
        </li>
      ))}
    </ul>
  );
}
