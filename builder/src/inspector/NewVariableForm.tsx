import { useId, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VARIABLE_TYPES, checkNewVariableName, type VariableType } from './newVariable.js';

interface NewVariableFormProps {
  existing: readonly string[];
  onCreate: (name: string, type: VariableType) => void;
  onCancel: () => void;
}

/**
 * Declares a variable right where it is needed (an ask node's "save the answer in"), so staff never have to leave the
 * node to create one. Not a <form>: it lives inside the inspector's form.
 */
export function NewVariableForm({ existing, onCreate, onCancel }: NewVariableFormProps) {
  const { t } = useTranslation(['inspector']);
  const [name, setName] = useState('');
  const [type, setType] = useState<VariableType>('string');
  const [touched, setTouched] = useState(false);
  const ids = { name: useId(), type: useId(), error: useId() };
  const problem = checkNewVariableName(name, existing);
  const shownProblem = touched ? problem : null;

  const create = (event?: FormEvent) => {
    event?.preventDefault();
    setTouched(true);
    if (!problem) onCreate(name, type);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Enter') create(event);
    if (event.key === 'Escape') {
      event.preventDefault();
      event.stopPropagation();
      onCancel();
    }
  };

  return (
    <div className="schema-form__new-variable" role="group" aria-label={t('inspector:variable.newTitle')} onKeyDown={onKeyDown}>
      <div className="schema-form__new-variable-row">
        <label htmlFor={ids.name}>{t('inspector:variable.newName')}</label>
        <input
          id={ids.name}
          value={name}
          autoFocus
          autoComplete="off"
          spellCheck={false}
          aria-invalid={shownProblem ? true : undefined}
          aria-describedby={shownProblem ? ids.error : undefined}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => setTouched(name !== '')}
        />
      </div>
      <div className="schema-form__new-variable-row">
        <label htmlFor={ids.type}>{t('inspector:variable.newType')}</label>
        <select id={ids.type} value={type} onChange={(event) => setType(event.target.value as VariableType)}>
          {VARIABLE_TYPES.map((option) => (
            <option key={option} value={option}>
              {t(`inspector:variable.types.${option}`)}
            </option>
          ))}
        </select>
      </div>
      {shownProblem && (
        <p id={ids.error} className="schema-form__errors" role="alert">
          {t(`inspector:variable.problem.${shownProblem}`)}
        </p>
      )}
      <div className="schema-form__new-variable-actions">
        <button type="button" onClick={() => create()}>
          {t('inspector:variable.create')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('inspector:variable.cancel')}
        </button>
      </div>
    </div>
  );
}
