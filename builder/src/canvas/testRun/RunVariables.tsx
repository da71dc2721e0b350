import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { variableRows } from './variableRows.js';

/** The test conversation's variables after its last turn: name and value as short JSON text; secrets stay masked. */
export function RunVariables({ variables }: { variables: Record<string, unknown> | null }) {
  const { t } = useTranslation(['testRun']);
  const headingId = useId();
  const rows = variables ? variableRows(variables) : [];
  return (
    <section className="run-variables" aria-labelledby={headingId}>
      <h3 id={headingId}>{t('testRun:variables.title')}</h3>
      {rows.length === 0 ? (
        <p className="muted run-variables-empty">{variables ? t('testRun:variables.empty') : t('testRun:variables.notStarted')}</p>
      ) : (
        <table className="run-variables-table">
          <thead>
            <tr>
              <th scope="col">{t('testRun:variables.name')}</th>
              <th scope="col">{t('testRun:variables.value')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.name} data-variable={row.name}>
                <th scope="row">
                  <code>{row.name}</code>
                </th>
                <td>
                  {row.masked ? (
                    <span className="run-variable-masked" title={t('testRun:variables.masked')}>
                      <span aria-hidden="true">•••</span>
                      <span className="visually-hidden">{t('testRun:variables.masked')}</span>
                    </span>
                  ) : (
                    <code title={row.full === row.text ? undefined : row.full}>{row.text}</code>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
