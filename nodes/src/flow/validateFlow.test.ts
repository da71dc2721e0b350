import { describe, expect, it } from 'vitest';
import { coreRegistry, edge, minimalFlow, node, validFlow } from './fixtures.js';
import { codesOf, expectProblem } from './problemAssertions.js';
import { validateFlow } from './validateFlow.js';

describe('validateFlow', () => {
  it('accepts a valid multi-node flow without any problem', () => {
    const result = validateFlow(validFlow(), coreRegistry());
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('returns the flow with node configs parsed, defaults applied', () => {
    const result = validateFlow(minimalFlow(), coreRegistry());
    expect(result.ok).toBe(true);
    const asked = validateFlow(validFlow(), coreRegistry()).flow!;
    expect(asked.nodes.find((n) => n.id === 'ask_name')!.config).toEqual({ text: 'Wie heissen Sie?', variable: 'name', input: 'text' });
    expect(asked.settings).toEqual({});
  });

  it('reports every problem, not just the first', () => {
    const input = validFlow();
    input.nodes[0]!.type = 'nonexistent';
    input.edges!.push(edge('check', 'vip', 'end_bye', 'second-vip'));
    input.start = 'nowhere';
    const result = validateFlow(input, coreRegistry());
    expect(result.ok).toBe(false);
    expect(new Set(codesOf(result.problems))).toEqual(
      new Set(['FLOW_NODE_TYPE_UNKNOWN', 'FLOW_PORT_MULTIPLE_EDGES', 'FLOW_START_MISSING']),
    );
    expect(result.flow).toBeUndefined();
  });

  it('lists errors before warnings', () => {
    const input = minimalFlow();
    input.nodes.push(node('lonely', 'message', { text: 'Niemand kommt hierher' }));
    input.nodes.push(node('bad', 'ask', { text: 'Frage?' }));
    const result = validateFlow(input, coreRegistry());
    const severities = result.problems.map((problem) => problem.severity);
    expect(severities).toEqual([...severities].sort());
    expect(severities).toContain('warning');
    expect(severities[0]).toBe('error');
  });

  it('is ok with warnings only', () => {
    const input = minimalFlow();
    input.nodes.push(node('lonely', 'end', {}));
    const result = validateFlow(input, coreRegistry());
    expect(result.ok).toBe(true);
    expect(codesOf(result.problems)).toEqual(['FLOW_NODE_UNREACHABLE']);
    expect(result.flow?.nodes).toHaveLength(3);
  });

  it('gives the same problems in the same order every time', () => {
    const input = validFlow();
    input.nodes.push(node('a', 'message', { text: '{{x}}' }), node('b', 'set', { values: { y: '1' } }));
    input.edges!.push(edge('a', 'next', 'b'), edge('b', 'next', 'a'), edge('ghost', 'next', 'a'));
    const first = validateFlow(input, coreRegistry());
    const second = validateFlow(structuredClone(input), coreRegistry());
    expect(second.problems).toEqual(first.problems);
  });

  it('still checks nodes and edges when the document shape is broken elsewhere', () => {
    const input = { ...validFlow(), id: 'Not Valid', locales: 'de' } as unknown as Record<string, unknown>;
    (input.nodes as ReturnType<typeof node>[]).push(node('extra', 'message', {}));
    const result = validateFlow(input, coreRegistry());
    expectProblem(result.problems, 'FLOW_SCHEMA_INVALID', { path: ['id'] });
    expectProblem(result.problems, 'FLOW_SCHEMA_INVALID', { path: ['locales'] });
    expectProblem(result.problems, 'FLOW_NODE_CONFIG_INVALID', { path: ['nodes', 7, 'config', 'text'], nodeId: 'extra' });
  });

  it('skips whole-graph warnings when a node could not be read', () => {
    const input = validFlow() as unknown as { nodes: unknown[] };
    input.nodes.push({ id: 'broken', type: 'message', version: 'one' });
    const result = validateFlow(input, coreRegistry());
    expect(codesOf(result.problems)).toEqual(['FLOW_SCHEMA_INVALID']);
    expect(result.problems[0]).toMatchObject({ path: ['nodes', 7, 'version'], nodeId: 'broken' });
  });

  it('reports a document that is not an object once', () => {
    const result = validateFlow('hello', coreRegistry());
    expect(result.ok).toBe(false);
    expectProblem(result.problems, 'FLOW_SCHEMA_INVALID', { path: [] });
    expect(result.problems).toHaveLength(1);
  });
});
