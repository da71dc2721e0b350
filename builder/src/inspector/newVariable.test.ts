import { variableName, variableType } from '@dialogwerk/nodes/definitions';
import { describe, expect, it } from 'vitest';
import { checkNewVariableName, VARIABLE_TYPES } from './newVariable.js';

describe('checkNewVariableName', () => {
  it('accepts names the flow document allows and refuses the rest with the reason', () => {
    expect(checkNewVariableName('telefon', [])).toBeNull();
    expect(checkNewVariableName('_kunde_2', ['telefon'])).toBeNull();
    expect(checkNewVariableName('', [])).toBe('empty');
    expect(checkNewVariableName('2fa', [])).toBe('format');
    expect(checkNewVariableName('e-mail', [])).toBe('format');
    expect(checkNewVariableName('straße', [])).toBe('format');
    expect(checkNewVariableName('x'.repeat(65), [])).toBe('format');
    expect(checkNewVariableName('telefon', ['telefon'])).toBe('taken');
  });

  // The builder keeps its own copy (the flow schema would bring zod into the canvas chunk); it must not drift.
  it('follows the flow document schema for names and kinds', () => {
    expect([...VARIABLE_TYPES]).toEqual(variableType.options);
    for (const name of ['telefon', '_x', 'a1_b', 'x'.repeat(64), 'x'.repeat(65), '1a', 'e-mail', 'straße', ' a', '']) {
      expect(checkNewVariableName(name, []) === null, name).toBe(variableName.safeParse(name).success);
    }
  });
});
