import { describe, expect, it } from 'vitest';
import { coreRegistry, minimalFlow } from './fixtures.js';
import { expectProblem } from './problemAssertions.js';
import { validateFlow } from './validateFlow.js';

describe('FLOW_LOCALE_DUPLICATE', () => {
  it('reports every repeated language at its position', () => {
    const input = { ...minimalFlow(), locales: ['de', 'en', 'de'] };
    const result = validateFlow(input, coreRegistry());
    expect(result.ok).toBe(false);
    expectProblem(result.problems, 'FLOW_LOCALE_DUPLICATE', { path: ['locales', 2], mentions: ['de'] });
  });

  it('accepts regional variants next to their language', () => {
    const input = { ...minimalFlow(), locales: ['de', 'de-CH'] };
    expect(validateFlow(input, coreRegistry()).problems).toEqual([]);
  });
});
