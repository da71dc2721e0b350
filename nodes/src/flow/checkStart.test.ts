import { describe, expect, it } from 'vitest';
import { coreRegistry, minimalFlow } from './fixtures.js';
import { expectProblem } from './problemAssertions.js';
import { validateFlow } from './validateFlow.js';

describe('FLOW_START_MISSING', () => {
  it('reports a start that names no node', () => {
    const result = validateFlow({ ...minimalFlow(), start: 'welcome' }, coreRegistry());
    expectProblem(result.problems, 'FLOW_START_MISSING', { path: ['start'], mentions: ['welcome'] });
    expect(result.ok).toBe(false);
  });

  it('reports an empty start', () => {
    const result = validateFlow({ ...minimalFlow(), start: '' }, coreRegistry());
    const problem = expectProblem(result.problems, 'FLOW_START_MISSING', { path: ['start'] });
    expect(problem.message.de).toContain('keinen Startknoten');
  });

  it('does not also call every node unreachable', () => {
    const result = validateFlow({ ...minimalFlow(), start: 'welcome' }, coreRegistry());
    expect(result.problems.map((p) => p.code)).toEqual(['FLOW_START_MISSING']);
  });
});
