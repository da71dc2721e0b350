import { useTranslation } from 'react-i18next';
import type { FlowVersion } from '../api/types.js';
import { DateTime } from '../components/DateTime.js';

interface VersionListProps {
  versions: FlowVersion[];
  publishedVersion: number | null;
}

/** Published versions, newest first; the live one is marked. */
export function VersionList({ versions, publishedVersion }: VersionListProps) {
  const { t } = useTranslation();
  if (versions.length === 0) return <p className="muted">{t('versions.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="data-table">
        <caption className="visually-hidden">{t('versions.title')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('versions.columns.version')}</th>
            <th scope="col">{t('versions.columns.note')}</th>
            <th scope="col">{t('versions.columns.createdAt')}</th>
            <th scope="col">{t('versions.columns.createdBy')}</th>
          </tr>
        </thead>
        <tbody>
          {versions.map((version) => (
            <tr key={version.version}>
              <th scope="row">
                {t('versions.number', { version: version.version })}
                {version.version === publishedVersion && <span className="badge badge-success">{t('versions.live')}</span>}
              </th>
              <td>{version.note || <span className="muted">{t('versions.noNote')}</span>}</td>
              <td>
                <DateTime value={version.createdAt} />
              </td>
              <td>{version.createdBy ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
