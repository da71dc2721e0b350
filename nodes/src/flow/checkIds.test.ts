import { describe, expect, it } from 'vitest';
import { coreRegistry, edge, minimalFlow, node } from './fixtures.js';
import { expectProblem } from './problemAssertions.js';
import { validateFlow } from './validateFlow.js';

describe('FLOW_NODE_ID_DUPLICATE', () => {
  it('reports the second node with an id', () => {
    const input = minimalFlow();
    input.nodes.push(node('greet', 'end'));
    const result = validateFlow(input, coreRegistry());
    expectProblem(result.problems, 'FLOW_NODE_ID_DUPLICATE', { path: ['nodes', 2, 'id'], nodeId: 'greet' });
    expect(result.ok).toBe(false);
  });
});

describe('FLOW_EDGE_ID_DUPLICATE', () => {
  it('reports the second edge with an id', () => {
    const input = minimalFlow();
    input.nodes.push(node('other', 'end'));
    input.edges = [edge('greet', 'next', 'bye', 'e1'), edge('greet', 'next', 'other', 'e1')];
    const result = validateFlow(input, coreRegistry());
    expectProblem(result.problems, 'FLOW_EDGE_ID_DUPLICATE', { path: ['edges', 1, 'id'], edgeId: 'e1', mentions: ['e1'] });
  });
});
