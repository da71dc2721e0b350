import { describe, expect, it } from 'vitest';
import { coreRegistry, edge, flow, node } from './fixtures.js';
import { codesOf, expectProblem } from './problemAssertions.js';
import { validateFlow } from './validateFlow.js';

/** One ask between a greeting and the end; `variables` declares what it stores into. */
function askFlow(askConfig: Record<string, unknown>, variables: Record<string, { type: 'string' | 'number' | 'boolean' | 'date' | 'file' }>) {
  return flow({
    variables,
    nodes: [node('greet', 'message', { text: 'Hallo!' }), node('upload', 'ask', { text: 'Ihre Datei?', ...askConfig }, { label: 'Belege' }), node('bye', 'end', {})],
    edges: [edge('greet', 'next', 'upload'), edge('upload', 'next', 'bye'), edge('upload', 'invalid', 'bye')],
  });
}

describe('FLOW_ASK_FILE_VARIABLE_TYPE', () => {
  it('is an error when a file ask stores into a variable of another type', () => {
    const result = validateFlow(askFlow({ variable: 'receipts', input: 'file' }, { receipts: { type: 'string' } }), coreRegistry());
    expect(result.ok).toBe(false);
    const problem = expectProblem(result.problems, 'FLOW_ASK_FILE_VARIABLE_TYPE', {
      path: ['nodes', 1, 'config', 'variable'],
      nodeId: 'upload',
      mentions: ['receipts', 'string', 'file', 'Belege'],
    });
    expect(problem.severity).toBe('error');
    expect(problem.message.de).toContain('Dateien');
    expect(problem.params).toMatchObject({ variable: 'receipts', input: 'file', variableType: 'string' });
  });

  it('accepts a file ask into a file variable', () => {
    const result = validateFlow(askFlow({ variable: 'receipts', input: 'file' }, { receipts: { type: 'file' } }), coreRegistry());
    expect(result.ok).toBe(true);
    expect(codesOf(result.problems)).toEqual([]);
  });

  it('leaves an undeclared variable to FLOW_VARIABLE_UNDECLARED', () => {
    const result = validateFlow(askFlow({ variable: 'receipts', input: 'file' }, {}), coreRegistry());
    expect(codesOf(result.problems)).toEqual(['FLOW_VARIABLE_UNDECLARED']);
  });
});

describe('FLOW_FILE_VARIABLE_NOT_FILE_INPUT', () => {
  it('warns when another input (also the default text) stores into a file variable, without blocking', () => {
    for (const input of ['text', 'email', undefined]) {
      const config = { variable: 'photo', ...(input ? { input } : {}) };
      const result = validateFlow(askFlow(config, { photo: { type: 'file' } }), coreRegistry());
      expect(result.ok).toBe(true);
      const problem = expectProblem(result.problems, 'FLOW_FILE_VARIABLE_NOT_FILE_INPUT', {
        path: ['nodes', 1, 'config', 'variable'],
        nodeId: 'upload',
        mentions: ['photo', input ?? 'text'],
      });
      expect(problem.severity).toBe('warning');
    }
  });

  it('says nothing for plain inputs into plain variables', () => {
    const result = validateFlow(askFlow({ variable: 'age', input: 'number' }, { age: { type: 'number' } }), coreRegistry());
    expect(codesOf(result.problems)).toEqual([]);
  });
});
