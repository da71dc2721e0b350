import { describe, expect, it } from 'vitest';
import { coreRegistry, edge, minimalFlow, node } from './fixtures.js';
import { expectProblem } from './problemAssertions.js';
import { validateFlow } from './validateFlow.js';

describe('FLOW_SCHEMA_INVALID', () => {
  it('reports each schema issue at its path with the zod message in both languages', () => {
    const input = { ...minimalFlow(), name: '' };
    const problem = expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_SCHEMA_INVALID', { path: ['name'] });
    expect(problem.severity).toBe('error');
    expect(problem.message.de).toContain('Zu klein');
    expect(problem.message.en).toContain('Too small');
    expect(problem.params).toMatchObject({ field: 'name', issueCode: 'too_small' });
  });

  it('names the node an issue sits in', () => {
    const input = minimalFlow();
    input.nodes[1] = { ...node('bye', 'end'), position: { x: 'left' } } as never;
    const problem = expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_SCHEMA_INVALID', {
      path: ['nodes', 1, 'position', 'x'],
      nodeId: 'bye',
      mentions: ['position.x'],
    });
    expect(problem.message.de).toContain('erwartet Zahl');
  });

  it('names the edge an issue sits in', () => {
    const input = minimalFlow();
    input.edges!.push({ ...edge('greet', 'next', 'bye', 'e2'), to: '' });
    expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_SCHEMA_INVALID', {
      path: ['edges', 1, 'to'],
      mentions: ['e2'],
    });
  });

  it('translates the schema\'s own English hints into German', () => {
    const input = { ...minimalFlow(), id: 'Mein Flow' };
    const problem = expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_SCHEMA_INVALID', { path: ['id'] });
    expect(problem.message.de).toContain('Kleinbuchstaben');
    expect(problem.message.en).toContain('lowercase letters');
  });

  it('reports one problem per issue', () => {
    const input = { ...minimalFlow(), name: '', locales: [] };
    const problems = validateFlow(input, coreRegistry()).problems.filter((p) => p.code === 'FLOW_SCHEMA_INVALID');
    expect(problems.map((p) => p.path)).toEqual([['name'], ['locales']]);
  });
});
