import { coreNodeDefinitions, NodeRegistry, validateFlow } from '@dialogwerk/nodes/definitions';
import { describe, expect, it } from 'vitest';
import { generateFlow, GRID } from './generateFlow.js';

const registry = () => new NodeRegistry(coreNodeDefinitions);

describe('generateFlow (canvas benchmark flow)', () => {
  it('produces 500 nodes the validator accepts without errors or warnings', () => {
    const flow = generateFlow();
    expect(flow.nodes).toHaveLength(500);
    const result = validateFlow(flow, registry());
    expect(result.problems.map((problem) => `${problem.code} ${problem.nodeId ?? ''}`)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('keeps its exact size and validity for other sizes and seeds', () => {
    for (const [nodes, seed] of [
      [150, 1],
      [333, 7],
      [1000, 42],
    ] as const) {
      const flow = generateFlow({ nodes, seed });
      expect(flow.nodes).toHaveLength(nodes);
      expect(validateFlow(flow, registry()).problems).toEqual([]);
    }
  });

  it('mixes the core node types, including every ask input the section questions use', () => {
    const kinds = new Set(generateFlow().nodes.map((node) => (node.type === 'ask' ? `ask:${(node.config as { input: string }).input}` : node.type)));
    for (const kind of ['message', 'ask:text', 'ask:choice', 'ask:yesno', 'ask:email', 'ask:number', 'condition', 'set', 'intent', 'faq', 'escalate', 'end', 'http_request']) {
      expect(kinds).toContain(kind);
    }
  });

  it('places every node on its own grid cell, so the canvas needs no automatic layout', () => {
    const flow = generateFlow();
    const cells = new Set(flow.nodes.map((node) => `${node.position!.x},${node.position!.y}`));
    expect(cells.size).toBe(flow.nodes.length);
    for (const node of flow.nodes) expect(node.position!.y % GRID.row).toBe(0);
  });

  it('is deterministic for a seed and differs between seeds', () => {
    expect(generateFlow({ seed: 3 })).toEqual(generateFlow({ seed: 3 }));
    expect(generateFlow({ seed: 3 })).not.toEqual(generateFlow({ seed: 4 }));
  });

  it('refuses a size too small for its structure', () => {
    expect(() => generateFlow({ nodes: 20 })).toThrow(/at least/);
  });
});
