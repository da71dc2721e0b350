import { coreNodeDefinitions, NodeRegistry, validateFlow, type FlowProblem } from '@dialogwerk/nodes/definitions';
import { describe, expect, it } from 'vitest';
import { nodeConfigProblems } from './nodeConfigProblems.js';

describe('nodeConfigProblems', () => {
  it('turns the validator’s problems about a node config into form paths', () => {
    const flow = {
      format: 1,
      id: 'kontakt',
      name: 'Kontakt',
      locales: ['de', 'en'],
      start: 'frage',
      variables: { name: { type: 'string' } },
      nodes: [
        { id: 'frage', type: 'ask', version: 1, config: { text: { de: 'Name?' }, variable: 'name', maxRetries: 99 } },
        { id: 'ende', type: 'end', version: 1, config: {} },
      ],
      edges: [{ id: 'e1', source: 'frage', sourcePort: 'next', target: 'ende' }],
    };
    const result = validateFlow(flow, new NodeRegistry(coreNodeDefinitions));
    const problems = 'problems' in result ? result.problems : [];
    const forAsk = nodeConfigProblems(problems, 'frage', 'de');
    expect(forAsk.map((problem) => problem.path)).toContainEqual(['maxRetries']);
    expect(forAsk.every((problem) => typeof problem.message === 'string' && problem.message !== '')).toBe(true);
    expect(nodeConfigProblems(problems, 'ende', 'de').filter((problem) => problem.path.length > 0)).toEqual([]);
  });

  it('puts node problems outside the config at the top', () => {
    const problem: FlowProblem = { code: 'FLOW_NODE_TYPE_UNKNOWN', severity: 'error', path: ['nodes', 0, 'type'], nodeId: 'x', message: { de: 'Unbekannt', en: 'Unknown' } };
    expect(nodeConfigProblems([problem], 'x', 'en')).toEqual([{ path: [], message: 'Unknown' }]);
    expect(nodeConfigProblems([problem], 'y', 'en')).toEqual([]);
  });
});
