import { describe, expect, it } from 'vitest';
import { coreRegistry, edge, minimalFlow, node } from './fixtures.js';
import { expectProblem } from './problemAssertions.js';
import { validateFlow } from './validateFlow.js';

describe('FLOW_EDGE_SOURCE_MISSING', () => {
  it('reports an edge from a node that does not exist', () => {
    const input = minimalFlow();
    input.edges!.push(edge('ghost', 'next', 'bye', 'e-ghost'));
    expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_EDGE_SOURCE_MISSING', {
      path: ['edges', 1, 'from', 'node'],
      edgeId: 'e-ghost',
      mentions: ['ghost'],
    });
  });
});

describe('FLOW_EDGE_TARGET_MISSING', () => {
  it('reports an edge to a node that does not exist', () => {
    const input = minimalFlow();
    input.edges = [edge('greet', 'next', 'nowhere', 'e1')];
    expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_EDGE_TARGET_MISSING', {
      path: ['edges', 0, 'to'],
      nodeId: 'greet',
      edgeId: 'e1',
      mentions: ['nowhere'],
    });
  });
});

describe('FLOW_EDGE_PORT_UNKNOWN', () => {
  it('reports an edge from a port the node does not declare', () => {
    const input = minimalFlow();
    input.edges = [edge('greet', 'yes', 'bye', 'e1')];
    const problem = expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_EDGE_PORT_UNKNOWN', {
      path: ['edges', 0, 'from', 'port'],
      nodeId: 'greet',
      edgeId: 'e1',
      mentions: ['yes', 'next'],
    });
    expect(problem.message.de).toContain('„Weiter“ (next)');
  });

  it('knows ports that depend on the config', () => {
    const input = minimalFlow();
    input.variables = { ok: { type: 'boolean' } };
    input.nodes.splice(1, 0, node('q', 'ask', { text: 'Ok?', variable: 'ok', input: 'yesno' }));
    input.edges = [edge('greet', 'next', 'q'), edge('q', 'yes', 'bye'), edge('q', 'no', 'bye'), edge('q', 'invalid', 'bye')];
    expect(validateFlow(input, coreRegistry()).problems).toEqual([]);
    input.edges.push(edge('q', 'next', 'bye'));
    expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_EDGE_PORT_UNKNOWN', { path: ['edges', 4, 'from', 'port'], nodeId: 'q' });
  });

  it('reports any edge leaving a node without ports', () => {
    const input = minimalFlow();
    input.edges!.push(edge('bye', 'next', 'greet'));
    const problem = expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_EDGE_PORT_UNKNOWN', { nodeId: 'bye' });
    expect(problem.message.en).toContain('no outputs');
  });
});
