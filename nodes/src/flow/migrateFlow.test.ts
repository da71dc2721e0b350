import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode } from '../sdk/defineNode.js';
import { flowDocument } from './flowDocument.js';
import { coreRegistry, edge, flow, node } from './fixtures.js';
import { migrateFlow } from './migrateFlow.js';
import { expectProblem } from './problemAssertions.js';
import { validateFlow } from './validateFlow.js';

/** Version 1 called the text `greeting`; version 2 renamed it to `text`; version 3 added `tone`. */
const migrations = [
  { from: 1, migrate: ({ greeting, ...rest }: Record<string, unknown>) => ({ ...rest, text: greeting }) },
  { from: 2, migrate: (config: Record<string, unknown>) => ({ tone: 'friendly', ...config }) },
];

function hello(steps = migrations) {
  return defineNode({
    type: 'hello',
    version: 3,
    category: 'messages',
    label: { de: 'Hallo', en: 'Hello' },
    description: { de: 'Begrüsst', en: 'Greets' },
    config: z.object({ text: z.string(), tone: z.enum(['friendly', 'formal']), emoji: z.boolean().default(false) }),
    ports: [{ id: 'next', label: { de: 'Weiter', en: 'Next' } }],
    migrations: steps,
  });
}

function oldFlow(version = 1) {
  return flow({
    nodes: [node('hi', 'hello', { greeting: 'Grüezi' }, { version }), node('bye', 'end')],
    edges: [edge('hi', 'next', 'bye')],
  });
}

describe('migrateFlow', () => {
  it('brings an old node config forward through every step and sets the current version', () => {
    const { flow: migrated, migratedNodes } = migrateFlow(flowDocument.parse(oldFlow()), coreRegistry(hello()));
    expect(migratedNodes).toEqual(['hi']);
    expect(migrated.nodes[0]).toMatchObject({ version: 3, config: { text: 'Grüezi', tone: 'friendly' } });
    expect(migrated.nodes[1]).toMatchObject({ version: 1, config: {} });
  });

  it('does not change the document it was given', () => {
    const doc = flowDocument.parse(oldFlow());
    const before = structuredClone(doc);
    migrateFlow(doc, coreRegistry(hello()));
    expect(doc).toEqual(before);
  });

  it('starts from the stored version', () => {
    const doc = flowDocument.parse(oldFlow(2));
    doc.nodes[0]!.config = { text: 'Hoi' };
    const { flow: migrated } = migrateFlow(doc, coreRegistry(hello()));
    expect(migrated.nodes[0]).toMatchObject({ version: 3, config: { text: 'Hoi', tone: 'friendly' } });
  });

  it('leaves nodes it cannot migrate as stored', () => {
    const doc = flowDocument.parse(oldFlow());
    const { flow: migrated, migratedNodes } = migrateFlow(doc, coreRegistry(hello([migrations[1]!])));
    expect(migratedNodes).toEqual([]);
    expect(migrated.nodes[0]).toEqual(doc.nodes[0]);
  });
});

describe('validateFlow with old node versions', () => {
  it('validates the migrated config and returns it with defaults applied', () => {
    const result = validateFlow(oldFlow(), coreRegistry(hello()));
    expect(result.problems).toEqual([]);
    expect(result.flow!.nodes[0]).toMatchObject({ version: 3, config: { text: 'Grüezi', tone: 'friendly', emoji: false } });
  });

  it('reports a missing migration step', () => {
    const result = validateFlow(oldFlow(), coreRegistry(hello([migrations[1]!])));
    const problem = expectProblem(result.problems, 'FLOW_NODE_VERSION_UNSUPPORTED', {
      path: ['nodes', 0, 'version'],
      nodeId: 'hi',
      mentions: ['hello'],
    });
    expect(problem.params).toMatchObject({ reason: 'missing_migration', version: 1, supported: 3, from: 1 });
    expect(result.ok).toBe(false);
    // Nothing about ports or variables is guessed from a config of an unknown shape.
    expect(result.problems).toHaveLength(1);
  });

  it('reports a migration that throws', () => {
    const broken = [migrations[0]!, { from: 2, migrate: () => { throw new Error('tone unknown'); } }];
    const problem = expectProblem(validateFlow(oldFlow(), coreRegistry(hello(broken))).problems, 'FLOW_NODE_VERSION_UNSUPPORTED', {
      nodeId: 'hi',
      mentions: ['tone unknown'],
    });
    expect(problem.params).toMatchObject({ reason: 'migration_failed', from: 2 });
  });
});
