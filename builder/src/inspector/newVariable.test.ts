import { describe, expect, it } from 'vitest';
import { checkNewVariableName } from './newVariable.js';

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
});
