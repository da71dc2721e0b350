import { useTranslation } from 'react-i18next';
import type { FlowSummary } from '../api/types.js';
import { DateTime } from '../components/DateTime.js';
import { Link } from '../components/Link.js';
import { StatusBadge } from '../components/StatusBadge.js';
import { flowPath } from '../routing/route.js';
import { FlowActionsMenu, type FlowAction } from './FlowActionsMenu.js';

interface FlowTableProps {
  flows: FlowSummary[];
  /** A flow being exported or duplicated: its menu entries wait. */
  busyId: string | null;
  onDuplicate: (flow: FlowSummary) => void;
  onRename: (flow: FlowSummary) => void;
  onExport: (flow: FlowSummary) => void;
  onDelete: (flow: FlowSummary) => void;
}

export function FlowTable({ flows, busyId, onDuplicate, onRename, onExport, onDelete }: FlowTableProps) {
  const { t } = useTranslation(['translation', 'flowActions']);
  const actionsOf = (flow: FlowSummary): FlowAction[] => [
    { id: 'duplicate', label: t('flowActions:menu.duplicate'), disabled: busyId === flow.id, onSelect: () => onDuplicate(flow) },
    { id: 'rename', label: t('flowActions:menu.rename'), onSelect: () => onRename(flow) },
    { id: 'export', label: t('flows.export'), disabled: busyId === flow.id, onSelect: () => onExport(flow) },
    { id: 'delete', label: t('flows.delete'), danger: true, onSelect: () => onDelete(flow) },
  ];
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
                <FlowActionsMenu flowName={flow.name} actions={actionsOf(flow)} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
