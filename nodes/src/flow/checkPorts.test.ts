import { describe, expect, it } from 'vitest';
import { coreRegistry, edge, minimalFlow, node } from './fixtures.js';
import { expectProblem } from './problemAssertions.js';
import { validateFlow } from './validateFlow.js';

describe('FLOW_PORT_MULTIPLE_EDGES', () => {
  it('reports an output connected to two nodes, once, at the second edge', () => {
    const input = minimalFlow();
    input.nodes.push(node('other', 'end'));
    input.edges!.push(edge('greet', 'next', 'other', 'e2'), edge('greet', 'next', 'bye', 'e3'));
    const result = validateFlow(input, coreRegistry());
    const problem = expectProblem(result.problems, 'FLOW_PORT_MULTIPLE_EDGES', {
      path: ['edges', 1, 'from', 'port'],
      nodeId: 'greet',
      edgeId: 'e2',
      mentions: ['next', 'other', 'bye'],
    });
    expect(problem.params).toMatchObject({ count: 3, port: 'next' });
    expect(result.ok).toBe(false);
  });
});

describe('FLOW_PORT_UNCONNECTED', () => {
  it('warns about a declared output without an edge', () => {
    const input = minimalFlow();
    input.edges = [];
    input.nodes.pop();
    const result = validateFlow(input, coreRegistry());
    const problem = expectProblem(result.problems, 'FLOW_PORT_UNCONNECTED', { path: ['nodes', 0], nodeId: 'greet', mentions: ['next'] });
    expect(problem.severity).toBe('warning');
    expect(problem.message.de).toBe(
      'Der Ausgang „Weiter“ (next) von Knoten „greet“ ist nicht verbunden. Wird er genommen, entschuldigt sich der Bot und übergibt an Ihr Team.',
    );
    expect(result.ok).toBe(true);
  });

  it('warns about error ports too, since they lead to the fallback', () => {
    const input = minimalFlow();
    input.variables = { name: { type: 'string' } };
    input.nodes.push(node('q', 'ask', { text: 'Name?', variable: 'name' }));
    input.edges = [edge('greet', 'next', 'q'), edge('q', 'next', 'bye')];
    expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_PORT_UNCONNECTED', { nodeId: 'q', mentions: ['invalid'] });
  });
});
