import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useSchemaForm } from './SchemaFormContext.js';

interface VariablePickerProps {
  /** The label of the text the variable goes into, for the button's accessible name. */
  targetLabel: string;
  onPick: (name: string) => void;
}

/** A button that opens the flow's variables; choosing one calls `onPick`. Escape closes and returns focus to the button. */
export function VariablePicker({ targetLabel, onPick }: VariablePickerProps) {
  const { t } = useTranslation(['inspector']);
  const { variables } = useSchemaForm();
  const [open, setOpen] = useState(false);
  const listId = useId();
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  // Opening moves focus into the list, so keyboard users pick with Tab and Enter right away.
  useEffect(() => {
    if (open) list.current?.querySelector('button')?.focus();
  }, [open]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
    }
  };
  return (
    <div className="schema-form__variable-picker" onKeyDown={onKeyDown}>
      <button
        ref={button}
        type="button"
        aria-expanded={open}
        aria-controls={open ? listId : undefined}
        aria-label={t('inspector:variable.insertInto', { label: targetLabel })}
        onClick={() => setOpen(!open)}
      >
        {'{{…}}'} {t('inspector:variable.insert')}
      </button>
      {open && (
        <div ref={list} id={listId} className="schema-form__variable-list">
          {variables.length === 0 ? (
            <p>{t('inspector:variable.noneDeclared')}</p>
          ) : (
            <ul role="list">
              {variables.map((name) => (
                <li key={name}>
                  <button
                    type="button"
                    onClick={() => {
                      setOpen(false);
                      onPick(name);
                    }}
                  >
                    {`{{${name}}}`}
                  </button>
                </li>
              ))}
            </ul>
          )}
          <button type="button" onClick={close}>
            {t('inspector:variable.close')}
          </button>
        </div>
      )}
    </div>
  );
}
