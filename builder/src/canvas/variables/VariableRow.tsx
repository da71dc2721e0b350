import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { VARIABLE_TYPES } from '../../inspector/newVariable.js';
import { useCanvasContext, useCanvasStore } from '../CanvasContext.js';
import { nodesUsingVariable } from './variableUsage.js';

interface VariableRowProps {
  name: string;
  declaration: Record<string, unknown>;
}

/** One declared variable: its settings change the draft at once (undoable); removing a used one asks first. */
export function VariableRow({ name, declaration }: VariableRowProps) {
  const { t } = useTranslation(['variables', 'inspector']);
  const { store } = useCanvasContext();
  const nodes = useCanvasStore((state) => state.nodes);
  const usedIn = useMemo(() => nodesUsingVariable(nodes, name), [nodes, name]);
  const [description, setDescription] = useState(typeof declaration.description === 'string' ? declaration.description : '');
  const [confirming, setConfirming] = useState(false);
  const update = (change: Record<string, unknown>) => {
    const next = { ...declaration, ...change };
    for (const [key, value] of Object.entries(next)) if (value === undefined || value === false || value === '') delete next[key];
    store.getState().updateVariable(name, next);
  };
  const remove = () => {
    if (usedIn.length > 0 && !confirming) return setConfirming(true);
    store.getState().removeVariable(name);
  };
  const type = typeof declaration.type === 'string' ? declaration.type : 'string';

  return (
    <tr data-variable={name}>
      <th scope="row">
        <code>{name}</code>
      </th>
      <td>
        <select aria-label={t('variables:typeOf', { name })} value={type} onChange={(event) => update({ type: event.target.value })}>
          {VARIABLE_TYPES.map((option) => (
            <option key={option} value={option}>
              {t(`inspector:variable.types.${option}`)}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input type="checkbox" aria-label={t('variables:piiOf', { name })} checked={declaration.pii === true} onChange={(event) => update({ pii: event.target.checked })} />
      </td>
      <td>
        <input
          aria-label={t('variables:descriptionOf', { name })}
          value={description}
          maxLength={500}
          onChange={(event) => setDescription(event.target.value)}
          onBlur={() => description !== (declaration.description ?? '') && update({ description: description.trim() })}
        />
      </td>
      <td>{usedIn.length === 0 ? <span className="muted">{t('variables:unused')}</span> : usedIn.join(', ')}</td>
      <td>
        {confirming ? (
          <span className="variables-confirm" role="alert">
            {t('variables:confirmRemove', { count: usedIn.length })}{' '}
            <button type="button" className="button button-small button-danger" onClick={remove}>
              {t('variables:removeAnyway')}
            </button>{' '}
            <button type="button" className="button button-small" onClick={() => setConfirming(false)}>
              {t('variables:keep')}
            </button>
          </span>
        ) : (
          <button type="button" className="button button-small" aria-label={t('variables:removeOf', { name })} onClick={remove}>
            {t('variables:remove')}
          </button>
        )}
      </td>
    </tr>
  );
}
