import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Modal } from '../../components/Modal.js';
import { NewVariableForm } from '../../inspector/NewVariableForm.js';
import { useCanvasContext, useCanvasStore } from '../CanvasContext.js';
import { VariableRow } from './VariableRow.js';
import './variables.css';

// A stable empty value: a store selector must not return a new object on every call.
const NO_VARIABLES: Record<string, unknown> = {};

/** The flow's variables in one place: kind, personal data, description, where each is used; add and remove. */
export function VariablesDialog({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation(['variables']);
  const { store } = useCanvasContext();
  const variables = useCanvasStore((state) => state.meta.variables ?? NO_VARIABLES);
  const names = Object.keys(variables).sort((a, b) => a.localeCompare(b));
  const [adding, setAdding] = useState(false);

  return (
    <Modal title={t('variables:title')} onClose={onClose} wide>
      <p className="muted">{t('variables:intro')}</p>
      {names.length === 0 ? (
        <p className="muted">{t('variables:empty')}</p>
      ) : (
        <div className="table-wrap variables-table-wrap">
          <table className="data-table variables-table">
            <caption className="visually-hidden">{t('variables:title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('variables:columns.name')}</th>
                <th scope="col">{t('variables:columns.type')}</th>
                <th scope="col">{t('variables:columns.pii')}</th>
                <th scope="col">{t('variables:columns.description')}</th>
                <th scope="col">{t('variables:columns.usedIn')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('variables:columns.actions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {names.map((name) => (
                <VariableRow key={name} name={name} declaration={variables[name] as Record<string, unknown>} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {adding ? (
        <NewVariableForm
          existing={names}
          onCancel={() => setAdding(false)}
          onCreate={(name, type) => {
            store.getState().declareVariable(name, { type });
            setAdding(false);
          }}
        />
      ) : (
        <button type="button" className="button" onClick={() => setAdding(true)}>
          {t('variables:add')}
        </button>
      )}
      <div className="modal-actions">
        <button type="button" className="button button-primary" onClick={onClose}>
          {t('variables:close')}
        </button>
      </div>
    </Modal>
  );
}

