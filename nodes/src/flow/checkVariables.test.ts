import { describe, expect, it } from 'vitest';
import { coreRegistry, edge, minimalFlow, node } from './fixtures.js';
import { expectProblem } from './problemAssertions.js';
import { validateFlow } from './validateFlow.js';

function flowWith(extra: ReturnType<typeof node>) {
  const input = minimalFlow();
  input.nodes.splice(1, 0, extra);
  input.edges = [edge('greet', 'next', extra.id), edge(extra.id, 'next', 'bye')];
  return input;
}

describe('FLOW_VARIABLE_UNDECLARED', () => {
  it('reports a variable the definition names', () => {
    const input = flowWith(node('store', 'set', { values: { customerId: '42' } }));
    const problem = expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_VARIABLE_UNDECLARED', {
      path: ['nodes', 1, 'config', 'values', 'customerId'],
      nodeId: 'store',
      mentions: ['customerId'],
    });
    expect(problem.params).toMatchObject({ variable: 'customerId' });
  });

  it('reports a variable used in a template anywhere in the config', () => {
    const input = minimalFlow();
    input.nodes[0] = node('greet', 'message', { text: { de: 'Hallo', en: 'Hello {{ firstName }}' } });
    expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_VARIABLE_UNDECLARED', {
      path: ['nodes', 0, 'config', 'text', 'en'],
      nodeId: 'greet',
      mentions: ['firstName'],
    });
  });

  it('checks only the head of a dotted template path', () => {
    const input = minimalFlow();
    input.variables = { order: { type: 'string' } };
    input.nodes[0] = node('greet', 'message', { text: 'Bestellung {{order.id}}' });
    expect(validateFlow(input, coreRegistry()).problems).toEqual([]);
  });

  it('reports each variable of a node once', () => {
    const input = flowWith(node('store', 'set', { values: { a: '{{a}} {{b}}', b: '{{a}}' } }));
    const problems = validateFlow(input, coreRegistry()).problems.filter((p) => p.code === 'FLOW_VARIABLE_UNDECLARED');
    expect(problems.map((p) => p.params?.variable)).toEqual(['a', 'b']);
  });

  it('accepts declared variables', () => {
    const input = flowWith(node('store', 'set', { values: { customerId: '{{name}}' } }));
    input.variables = { customerId: { type: 'string' }, name: { type: 'string' } };
    expect(validateFlow(input, coreRegistry()).problems).toEqual([]);
  });
});
