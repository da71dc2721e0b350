import { describe, expect, it } from 'vitest';
import { insertVariable } from './insertVariable.js';

describe('insertVariable', () => {
  it('inserts at the cursor and puts the cursor after the variable', () => {
    expect(insertVariable('Hallo !', 6, 6, 'name')).toEqual({ text: 'Hallo {{name}}!', cursor: 14 });
  });

  it('replaces the selection', () => {
    expect(insertVariable('Hallo Welt', 6, 10, 'name')).toEqual({ text: 'Hallo {{name}}', cursor: 14 });
  });

  it('appends when there is no cursor and clamps positions outside the text', () => {
    expect(insertVariable('Hi ', null, null, 'x')).toEqual({ text: 'Hi {{x}}', cursor: 8 });
    expect(insertVariable('ab', 9, 1, 'x')).toEqual({ text: 'ab{{x}}', cursor: 7 });
  });
});
