import './review.css';
import { CircleCheck, CircleX, RefreshCw, TriangleExclamationPoint } from 'lucide-react';
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAdminClient } from '../../api/AdminClientContext.js';
import type { FlowProblem } from '../../api/types.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useCanvasContext, useCanvasUi } from '../CanvasContext.js';
import { useFocusNode } from '../useFocusNode.js';
import { countErrors, problemMessage, problemNodeId, problemsInOrder } from './problemOrder.js';
import { useNodeTypeName } from './useNodeName.js';

/**
 * The draft's validation problems (errors first), as the last autosave or check reported them. A problem about a node
 * is a button that selects the node, shows its properties and brings it into view.
 */
export function ProblemsPanel() {
  const { t } = useTranslation(['review']);
  const { flowId, ui } = useCanvasContext();
  const client = useAdminClient();
  const problems = useCanvasUi((state) => state.problems);
  const ordered = useMemo(() => problemsInOrder(problems), [problems]);
  const errors = countErrors(problems);
  const warnings = problems.length - errors;
  const [checking, setChecking] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const titleId = useId();

  const checkAgain = async () => {
    setChecking(true);
    setError(null);
    try {
      await ui.getState().flushSave();
      ui.getState().setProblems((await client.validateFlow(flowId)).problems);
    } catch (caught) {
      setError(caught);
    } finally {
      setChecking(false);
    }
  };

  return (
    <section className="review-panel" aria-labelledby={titleId}>
      <div className="review-panel-head">
        <h2 id={titleId} className="review-panel-title">
          {t('review:problems.title')}
        </h2>
        <button type="button" className="button button-small" onClick={() => void checkAgain()} disabled={checking}>
          <RefreshCw aria-hidden="true" size={14} />
          {checking ? t('review:problems.checking') : t('review:problems.checkAgain')}
        </button>
      </div>
      <p className="review-summary" role="status">
        {problems.length > 0 &&
          `${t('review:problems.errors', { count: errors })} · ${t('review:problems.warnings', { count: warnings })}`}
      </p>
      {error ? <ErrorNotice error={error} title={t('review:problems.checkFailed')} onDismiss={() => setError(null)} /> : null}
      {problems.length === 0 ? (
        <p className="review-empty is-success">
          <CircleCheck aria-hidden="true" size={18} />
          {t('review:problems.none')}
        </p>
      ) : (
        <ul className="review-problems">
          {ordered.map((problem, index) => (
            <ProblemItem key={`${problem.code}-${problemNodeId(problem) ?? ''}-${index}`} problem={problem} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ProblemItem({ problem }: { problem: FlowProblem }) {
  const { t, i18n } = useTranslation(['review']);
  const { store } = useCanvasContext();
  const focusNode = useFocusNode();
  const typeName = useNodeTypeName();
  const nodeId = problemNodeId(problem);
  const isError = problem.severity === 'error';
  const Icon = isError ? CircleX : TriangleExclamationPoint;
  const onCanvas = nodeId !== undefined && store.getState().nodes.some((node) => node.id === nodeId);

  const content = (
    <>
      <span className={`review-severity ${isError ? 'is-error' : 'is-warning'}`}>
        <Icon aria-hidden="true" size={16} />
        {isError ? t('review:problems.error') : t('review:problems.warning')}
      </span>
      <span className="review-problem-where">
        {nodeId ? (
          <>
            {typeName(nodeId) ?? t('review:problems.node')} <code>{nodeId}</code>
          </>
        ) : (
          t('review:problems.wholeFlow')
        )}
      </span>
      <span className="review-problem-message">{problemMessage(problem, i18n.resolvedLanguage ?? 'en')}</span>
    </>
  );

  return (
    <li className={`review-problem ${isError ? 'is-error' : 'is-warning'}`} data-node-id={nodeId}>
      {onCanvas ? (
        <button type="button" className="review-problem-body review-problem-button" onClick={() => focusNode(nodeId)} title={t('review:problems.showNode')}>
          {content}
        </button>
      ) : (
        <div className="review-problem-body">{content}</div>
      )}
    </li>
  );
}
