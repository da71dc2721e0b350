import { useTranslation } from 'react-i18next';
import type { FlowDocument, FlowProblem } from '../api/types.js';
import { nodeSummary } from '../flows/nodeSummary.js';

interface NodeListProps {
  flow: FlowDocument;
  problems: FlowProblem[];
}

/** The draft's nodes in document order: type, id, the text they show, and how many problems point at them. */
export function NodeList({ flow, problems }: NodeListProps) {
  const { t, i18n } = useTranslation();
  const language = i18n.resolvedLanguage ?? 'en';
  if (flow.nodes.length === 0) return <p className="muted">{t('nodes.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('nodes.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('nodes.columns.type')}</th>
            <th scope="col">{t('nodes.columns.id')}</th>
            <th scope="col">{t('nodes.columns.text')}</th>
            <th scope="col">{t('nodes.columns.problems')}</th>
          </tr>
        </thead>
        <tbody>
          {flow.nodes.map((node, index) => {
            const own = problems.filter((problem) => problem.nodeId === node.id);
            const errors = own.filter((problem) => problem.severity === 'error').length;
            const summary = nodeSummary(node, language, flow.locales[0]);
            return (
              <tr key={`${node.id}-${index}`}>
                <td>
                  <span className="node-type">{node.type}</span>
                  {node.id === flow.start && <span className="badge badge-accent">{t('nodes.start')}</span>}
                </td>
                <th scope="row">
                  <code>{node.id}</code>
                </th>
                <td className="node-summary">{summary || <span className="muted">{t('nodes.noText')}</span>}</td>
                <td>
                  {own.length === 0 ? (
                    <span className="muted">{t('nodes.noProblems')}</span>
                  ) : (
                    <span className={`badge ${errors ? 'badge-danger' : 'badge-warning'}`}>{t('nodes.problemCount', { count: own.length })}</span>
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
