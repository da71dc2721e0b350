/** The variable types a flow can declare (the flow document's `variables.<name>.type`). */
export const VARIABLE_TYPES = ['string', 'number', 'boolean', 'date', 'file'] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

/** The flow document's rule for variable names. */
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;

export type NewVariableProblem = 'empty' | 'format' | 'taken';

/** Why a name cannot be declared, or null when it can. */
export function checkNewVariableName(name: string, existing: readonly string[]): NewVariableProblem | null {
  if (name === '') return 'empty';
  if (!VARIABLE_NAME.test(name)) return 'format';
  if (existing.includes(name)) return 'taken';
  return null;
}
