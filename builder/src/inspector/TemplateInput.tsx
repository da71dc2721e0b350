import { useLayoutEffect, useRef } from 'react';
import { insertVariable } from './insertVariable.js';
import { VariablePicker } from './VariablePicker.js';

interface TemplateInputProps {
  id: string;
  value: string;
  label: string;
  describedBy: string | undefined;
  invalid: boolean;
  required: boolean;
  onChange: (text: string) => void;
}

/** A text area for texts the bot says, with a picker that inserts `{{variable}}` at the cursor and puts the cursor after it. */
export function TemplateInput({ id, value, label, describedBy, invalid, required, onChange }: TemplateInputProps) {
  const area = useRef<HTMLTextAreaElement>(null);
  const pendingCursor = useRef<number | null>(null);
  useLayoutEffect(() => {
    if (pendingCursor.current === null || !area.current) return;
    area.current.focus();
    area.current.setSelectionRange(pendingCursor.current, pendingCursor.current);
    pendingCursor.current = null;
  });
  const pick = (name: string) => {
    const element = area.current;
    const result = insertVariable(value, element?.selectionStart ?? null, element?.selectionEnd ?? null, name);
    pendingCursor.current = result.cursor;
    onChange(result.text);
  };
  return (
    <div className="schema-form__template">
      <textarea
        ref={area}
        id={id}
        value={value}
        rows={Math.min(6, Math.max(2, value.split('\n').length))}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
        aria-required={required || undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      <VariablePicker targetLabel={label} onPick={pick} />
    </div>
  );
}
