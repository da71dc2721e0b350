/** How the runtime shows the value of a secret variable (an answer given at a `sensitive` node). */
export const MASKED_VALUE = '•••';

export const MAX_VALUE_CHARS = 60;

export interface VariableRow {
  name: string;
  /** The value as short JSON text (cut with "…"); empty for masked values. */
  text: string;
  /** The whole JSON text, for a tooltip when `text` was cut. */
  full: string;
  masked: boolean;
}

/** The test conversation's variables as table rows, in the order the runtime listed them. */
export function variableRows(variables: Record<string, unknown>): VariableRow[] {
  return Object.entries(variables).map(([name, value]) => {
    if (value === MASKED_VALUE) return { name, text: '', full: '', masked: true };
    const full = JSON.stringify(value) ?? 'null';
    const chars = [...full];
    const text = chars.length > MAX_VALUE_CHARS ? `${chars.slice(0, MAX_VALUE_CHARS - 1).join('')}…` : full;
    return { name, text, full, masked: false };
  });
}
