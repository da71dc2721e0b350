import { useTranslation } from 'react-i18next';
import type { FlowSummary } from '../api/types.js';
import { DateTime } from '../components/DateTime.js';
import { Link } from '../components/Link.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { flowPath } from '../routing/route.js';

interface FlowTableProps {
  flows: FlowSummary[];
  busyId: string | null;
  onExport: (flow: FlowSummary) => void;
  onDelete: (flow: FlowSummary) => void;
}

export function FlowTable({ flows, busyId, onExport, onDelete }: FlowTableProps) {
  const { t } = useTranslation();
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('flows.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('flows.columns.name')}</th>
            <th scope="col">{t('flows.columns.id')}</th>
            <th scope="col">{t('flows.columns.status')}</th>
            <th scope="col">{t('flows.columns.updatedAt')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('flows.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {flows.map((flow) => (
            <tr key={flow.id}>
              <th scope="row">
                <Link to={flowPath(flow.id)} className="strong-link">
                  {flow.name}
                </Link>
              </th>
              <td>
                <code>{flow.id}</code>
              </td>
              <td>
                <StatusBadge publishedVersion={flow.publishedVersion} />
              </td>
              <td>
                <DateTime value={flow.updatedAt} />
              </td>
              <td className="row-actions">
                <button
                  type="button"
                  className="button button-small"
                  aria-label={t('flows.exportFlow', { name: flow.name })}
                  disabled={busyId === flow.id}
                  onClick={() => onExport(flow)}
                >
                  {t('flows.export')}
                </button>
                <button
                  type="button"
                  className="button button-small button-danger-quiet"
                  aria-label={t('flows.deleteFlow', { name: flow.name })}
                  onClick={() => onDelete(flow)}
                >
                  {t('flows.delete')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
