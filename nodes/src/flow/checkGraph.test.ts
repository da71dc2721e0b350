import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode } from '../sdk/defineNode.js';
import { coreRegistry, edge, flow, minimalFlow, node } from './fixtures.js';
import { codesOf, expectProblem } from './problemAssertions.js';
import { validateFlow } from './validateFlow.js';

const variables = { answer: { type: 'string' as const }, n: { type: 'number' as const } };

describe('FLOW_LOOP_WITHOUT_INPUT', () => {
  it('rejects a message → message cycle', () => {
    const input = flow({
      nodes: [node('a', 'message', { text: 'A' }), node('b', 'message', { text: 'B' })],
      edges: [edge('a', 'next', 'b'), edge('b', 'next', 'a')],
    });
    const result = validateFlow(input, coreRegistry());
    const problem = expectProblem(result.problems, 'FLOW_LOOP_WITHOUT_INPUT', { path: ['nodes', 0], nodeId: 'a', mentions: ['b'] });
    expect(problem.nodeIds).toEqual(['a', 'b']);
    expect(result.ok).toBe(false);
  });

  it('accepts a message → ask → message cycle, since the question waits', () => {
    const input = flow({
      variables,
      nodes: [node('a', 'message', { text: 'A' }), node('q', 'ask', { text: 'Noch einmal?', variable: 'answer' })],
      edges: [edge('a', 'next', 'q'), edge('q', 'next', 'a'), edge('q', 'invalid', 'a')],
    });
    expect(validateFlow(input, coreRegistry()).problems).toEqual([]);
  });

  it('rejects a condition leading back to itself', () => {
    const input = flow({
      variables,
      nodes: [node('c', 'condition', { rules: [{ port: 'big', var: 'n', op: 'gt', value: 10 }] }), node('bye', 'end')],
      edges: [edge('c', 'big', 'bye'), edge('c', 'else', 'c')],
    });
    const problem = expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_LOOP_WITHOUT_INPUT', {
      path: ['nodes', 0],
      nodeId: 'c',
    });
    expect(problem.nodeIds).toEqual(['c']);
    expect(problem.message.de).toContain('zu sich selbst');
  });

  it('reports each loop once, naming all of its nodes in document order', () => {
    const input = flow({
      variables,
      nodes: [
        node('start', 'message', { text: 'S' }),
        node('x', 'set', { values: { n: '1' } }),
        node('y', 'message', { text: 'Y' }),
        node('z', 'condition', { rules: [{ port: 'again', var: 'n', op: 'lt', value: 3 }] }),
        node('end', 'end'),
      ],
      edges: [edge('start', 'next', 'z'), edge('z', 'again', 'x'), edge('x', 'next', 'y'), edge('y', 'next', 'z'), edge('z', 'else', 'end')],
    });
    const loops = validateFlow(input, coreRegistry()).problems.filter((p) => p.code === 'FLOW_LOOP_WITHOUT_INPUT');
    expect(loops).toHaveLength(1);
    expect(loops[0]!.nodeIds).toEqual(['x', 'y', 'z']);
    expect(loops[0]!.path).toEqual(['nodes', 1]);
  });

  it('finds a non-waiting cycle even when a waiting node sits elsewhere in the same tangle', () => {
    const input = flow({
      variables,
      nodes: [
        node('a', 'message', { text: 'A' }),
        node('b', 'message', { text: 'B' }),
        node('q', 'ask', { text: 'Q?', variable: 'answer' }),
      ],
      edges: [edge('a', 'next', 'b'), edge('b', 'next', 'a'), edge('q', 'next', 'a'), edge('q', 'invalid', 'a')],
    });
    const problem = expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_LOOP_WITHOUT_INPUT', { nodeId: 'a' });
    expect(problem.nodeIds).toEqual(['a', 'b']);
  });

  it('asks the node whether it waits for its config', () => {
    const pause = defineNode({
      type: 'pause',
      version: 1,
      category: 'logic',
      label: { de: 'Pause', en: 'Pause' },
      description: { de: 'Wartet vielleicht', en: 'Maybe waits' },
      config: z.object({ wait: z.boolean() }),
      ports: [{ id: 'next', label: { de: 'Weiter', en: 'Next' } }],
      waitsForInput: (config) => config.wait,
    });
    const looping = (wait: boolean) =>
      flow({
        nodes: [node('m', 'message', { text: 'M' }), node('p', 'pause', { wait })],
        edges: [edge('m', 'next', 'p'), edge('p', 'next', 'm')],
      });
    expect(codesOf(validateFlow(looping(true), coreRegistry(pause)).problems)).toEqual([]);
    expect(codesOf(validateFlow(looping(false), coreRegistry(pause)).problems)).toEqual(['FLOW_LOOP_WITHOUT_INPUT']);
  });

  it('does not guess about nodes whose waiting cannot be known', () => {
    const input = flow({
      nodes: [node('m', 'message', { text: 'M' }), node('u', 'unknown_type')],
      edges: [edge('m', 'next', 'u'), edge('u', 'next', 'm')],
    });
    expect(codesOf(validateFlow(input, coreRegistry()).problems)).toEqual(['FLOW_NODE_TYPE_UNKNOWN']);
  });
});

describe('FLOW_NODE_UNREACHABLE', () => {
  it('warns about a node no path from the start leads to', () => {
    const input = minimalFlow();
    input.nodes.push(node('island', 'end'));
    const result = validateFlow(input, coreRegistry());
    const problem = expectProblem(result.problems, 'FLOW_NODE_UNREACHABLE', { path: ['nodes', 2], nodeId: 'island' });
    expect(problem.severity).toBe('warning');
    expect(result.ok).toBe(true);
  });

  it('does not count an edge leaving a node as reaching it', () => {
    const input = minimalFlow();
    input.nodes.push(node('x', 'message', { text: 'X' }));
    input.edges!.push(edge('x', 'next', 'greet'));
    expectProblem(validateFlow(input, coreRegistry()).problems, 'FLOW_NODE_UNREACHABLE', { nodeId: 'x' });
  });
});
