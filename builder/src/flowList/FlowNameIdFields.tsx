import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isValidFlowId, slugifyFlowId, uniqueFlowId } from '../flows/flowId.js';
import { FLOW_NAME_MAX_LENGTH } from './copyFlow.js';

export interface FlowNameAndId {
  name: string;
  id: string;
  nameError: string | null;
  idError: string | null;
  changeName: (value: string) => void;
  changeId: (value: string) => void;
  /** Proposes a name and id (e.g. a template's) unless the person has typed their own already. */
  suggest: (name: string, idBase: string) => void;
  /** Checks both fields, shows what is wrong and answers whether they can be used. */
  check: () => boolean;
  /** Marks the id as taken (the server refused it: another tab created a flow with it meanwhile). */
  idTaken: () => void;
}

/**
 * The state behind a new flow's name and id: the id follows the name (made unique among `takenIds`) until it is
 * edited by hand; checks use the runtime's id rule.
 */
export function useFlowNameAndId(takenIds: string[]): FlowNameAndId {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [id, setId] = useState('');
  const [nameEdited, setNameEdited] = useState(false);
  const [idEdited, setIdEdited] = useState(false);
  const [nameError, setNameError] = useState<string | null>(null);
  const [idError, setIdError] = useState<string | null>(null);

  return {
    name,
    id,
    nameError,
    idError,
    changeName: (value) => {
      setName(value);
      setNameEdited(true);
      setNameError(null);
      if (!idEdited) setId(value.trim() ? uniqueFlowId(slugifyFlowId(value), takenIds) : '');
    },
    changeId: (value) => {
      setIdEdited(true);
      setIdError(null);
      setId(value.trim());
    },
    suggest: (suggestedName, idBase) => {
      if (!nameEdited) setName(suggestedName);
      if (!idEdited && !nameEdited) setId(uniqueFlowId(idBase, takenIds));
    },
    check: () => {
      if (!name.trim()) {
        setNameError(t('createFlow.nameRequired'));
        return false;
      }
      if (!isValidFlowId(id)) {
        setIdError(t('createFlow.idInvalid'));
        return false;
      }
      if (takenIds.includes(id)) {
        setIdError(t('createFlow.idTaken'));
        return false;
      }
      return true;
    },
    idTaken: () => setIdError(t('createFlow.idTaken')),
  };
}

/** The name and id inputs of a new flow, with the id hint and inline errors. */
export function FlowNameIdFields({ state, autoFocus = false }: { state: FlowNameAndId; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const nameId = useId();
  const nameErrorId = useId();
  const idId = useId();
  const idHintId = useId();
  const idErrorId = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={nameId}>{t('createFlow.nameLabel')}</label>
        <input
          id={nameId}
          required
          maxLength={FLOW_NAME_MAX_LENGTH}
          autoFocus={autoFocus}
          value={state.name}
          aria-invalid={state.nameError ? true : undefined}
          aria-describedby={state.nameError ? nameErrorId : undefined}
          onChange={(event) => state.changeName(event.target.value)}
        />
        {state.nameError && (
          <p className="field-error" id={nameErrorId}>
            {state.nameError}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor={idId}>{t('createFlow.idLabel')}</label>
        <input
          id={idId}
          required
          maxLength={64}
          spellCheck={false}
          autoCapitalize="off"
          className="mono"
          value={state.id}
          aria-invalid={state.idError ? true : undefined}
          aria-describedby={state.idError ? `${idHintId} ${idErrorId}` : idHintId}
          onChange={(event) => state.changeId(event.target.value)}
        />
        <p className="field-hint" id={idHintId}>
          {t('createFlow.idHint')}
        </p>
        {state.idError && (
          <p className="field-error" id={idErrorId}>
            {state.idError}
          </p>
        )}
      </div>
    </>
  );
}
