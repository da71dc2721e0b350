import { describe, expect, it } from 'vitest';
import type { FlowDocument, FlowEdge, FlowNode } from '../api/types.js';
import { deepEqual, diffSize, flowDiff, isEmptyDiff } from './flowDiff.js';

const node = (id: string, type: string, config: Record<string, unknown> = {}, extra: Partial<FlowNode> = {}): FlowNode => ({
  id,
  type,
  version: 1,
  config,
  position: { x: 0, y: 0 },
  ...extra,
});
const edge = (id: string, from: string, port: string, to: string): FlowEdge => ({ id, from: { node: from, port }, to });

function flow(overrides: Partial<FlowDocument> = {}): FlowDocument {
  return {
    format: 'dialogwerk.flow/1',
    id: 'kontakt',
    name: 'Kontakt',
    locales: ['de', 'en'],
    start: 'welcome',
    nodes: [
      node('welcome', 'message', { text: { de: 'Hallo', en: 'Hello' } }),
      node('ask_name', 'ask', { question: 'Wie heißen Sie?', variable: 'name', validation: { minLength: 2, maxLength: 80 } }),
      node('choose', 'choice', { question: 'Womit?', choices: [{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }] }),
      node('done', 'end'),
    ],
    edges: [edge('e1', 'welcome', 'next', 'ask_name'), edge('e2', 'ask_name', 'next', 'choose'), edge('e3', 'choose', 'a', 'done'), edge('e4', 'choose', 'b', 'done')],
    variables: { name: { type: 'string' } },
    settings: { timeoutMinutes: 30 },
    ...overrides,
  };
}

describe('flowDiff', () => {
  it('finds nothing between a document and its copy', () => {
    const diff = flowDiff(flow(), structuredClone(flow()));
    expect(isEmptyDiff(diff)).toBe(true);
    expect(diffSize(diff)).toBe(0);
    expect(diff).toEqual({ nodes: { added: [], removed: [], changed: [] }, edges: { added: [], removed: [], retargeted: [] }, flow: [] });
  });

  it('ignores positions, the order of nodes and edges, and the order of object keys', () => {
    const before = flow();
    const after = flow();
    after.nodes = [...after.nodes].reverse().map((item, index) => ({ ...item, position: { x: index * 300, y: 17 } }));
    after.edges = [...(after.edges ?? [])].reverse();
    after.nodes[2] = { ...after.nodes[2]!, config: { validation: { maxLength: 80, minLength: 2 }, variable: 'name', question: 'Wie heißen Sie?' } };
    after.settings = { timeoutMinutes: 30 };
    expect(after.nodes[2]!.id).toBe('ask_name');
    expect(isEmptyDiff(flowDiff(before, after))).toBe(true);
  });

  it('lists added and removed nodes by id, in document order', () => {
    const before = flow();
    const after = flow({ nodes: [...flow().nodes.filter((item) => item.id !== 'choose'), node('end_2', 'end'), node('handoff', 'handoff')] });
    const diff = flowDiff(before, after);
    expect(diff.nodes.added.map((item) => item.id)).toEqual(['end_2', 'handoff']);
    expect(diff.nodes.removed.map((item) => item.id)).toEqual(['choose']);
    expect(diff.nodes.changed).toEqual([]);
  });

  it('says what changed about a node: config (with the keys), label, sensitive, type, version', () => {
    const before = flow();
    const after = flow();
    after.nodes = after.nodes.map((item) => {
      if (item.id === 'welcome') return { ...item, config: { text: { de: 'Guten Tag', en: 'Hello' } } };
      if (item.id === 'ask_name') return { ...item, label: 'Name erfragen', sensitive: true, config: { ...item.config, validation: { minLength: 3, maxLength: 80 }, hint: 'Vor- und Nachname' } };
      if (item.id === 'done') return { ...item, type: 'handoff', version: 2 };
      return item;
    });
    const diff = flowDiff(before, after);
    expect(diff.nodes.added).toEqual([]);
    expect(diff.nodes.removed).toEqual([]);
    expect(diff.nodes.changed.map(({ id, changes, configKeys }) => ({ id, changes, configKeys }))).toEqual([
      { id: 'welcome', changes: ['config'], configKeys: ['text'] },
      { id: 'ask_name', changes: ['config', 'label', 'sensitive'], configKeys: ['hint', 'validation'] },
      { id: 'done', changes: ['type', 'version'], configKeys: [] },
    ]);
    const welcome = diff.nodes.changed[0]!;
    expect(welcome.before.config).toEqual({ text: { de: 'Hallo', en: 'Hello' } });
    expect(welcome.after.config).toEqual({ text: { de: 'Guten Tag', en: 'Hello' } });
  });

  it('compares arrays in config in order: reordered choices are a change', () => {
    const after = flow();
    after.nodes = after.nodes.map((item) =>
      item.id === 'choose' ? { ...item, config: { question: 'Womit?', choices: [{ id: 'b', label: 'B' }, { id: 'a', label: 'A' }] } } : item,
    );
    expect(flowDiff(flow(), after).nodes.changed.map((item) => [item.id, item.configKeys])).toEqual([['choose', ['choices']]]);
  });

  it('treats a missing config, label or sensitive flag like the empty default', () => {
    const before = flow({ nodes: [{ id: 'welcome', type: 'end' }] });
    const after = flow({ nodes: [{ id: 'welcome', type: 'end', config: {}, label: '', sensitive: false, position: { x: 5, y: 5 } }] });
    expect(flowDiff(before, after).nodes.changed).toEqual([]);
    const withUndefined = flow({ nodes: [{ id: 'welcome', type: 'end', config: { text: undefined } }] });
    expect(flowDiff(before, withUndefined).nodes.changed).toEqual([]);
  });

  it('matches edges by the port they leave from: a new target is a re-targeted edge, even under a new edge id', () => {
    const after = flow();
    after.edges = [edge('e1', 'welcome', 'next', 'choose'), edge('ask_name-next', 'ask_name', 'next', 'choose'), edge('e3', 'choose', 'a', 'done'), edge('e4', 'choose', 'b', 'done')];
    const diff = flowDiff(flow(), after);
    expect(diff.edges).toEqual({ added: [], removed: [], retargeted: [{ from: { node: 'welcome', port: 'next' }, before: 'ask_name', after: 'choose' }] });
  });

  it('lists edges from ports that gained or lost their connection', () => {
    const after = flow();
    after.edges = [edge('e1', 'welcome', 'next', 'ask_name'), edge('e2', 'ask_name', 'next', 'choose'), edge('e3', 'choose', 'a', 'done'), edge('new', 'ask_name', 'invalid', 'done')];
    const diff = flowDiff(flow(), after);
    expect(diff.edges.added).toEqual([edge('new', 'ask_name', 'invalid', 'done')]);
    expect(diff.edges.removed).toEqual([edge('e4', 'choose', 'b', 'done')]);
    expect(diff.edges.retargeted).toEqual([]);
    expect(diffSize(diff)).toBe(2);
  });

  it('handles documents without edges and ports with several edges', () => {
    const { edges: _edges, ...withoutEdges } = flow();
    expect(flowDiff(withoutEdges, flow()).edges.added).toHaveLength(4);
    const doubled = flow({ edges: [edge('x1', 'choose', 'a', 'done'), edge('x2', 'choose', 'a', 'welcome')] });
    const diff = flowDiff(doubled, flow({ edges: [edge('y1', 'choose', 'a', 'welcome')] }));
    expect(diff.edges).toEqual({ added: [], removed: [edge('x1', 'choose', 'a', 'done')], retargeted: [] });
  });

  it('lists flow-wide changes: name, description, start, locales (in order), variables, settings', () => {
    expect(flowDiff(flow(), flow()).flow).toEqual([]);
    const after = flow({
      name: 'Kontakt neu',
      description: 'Neu',
      start: 'ask_name',
      locales: ['en', 'de'],
      variables: { name: { type: 'string' }, phone: { type: 'string' } },
      settings: { timeoutMinutes: 15 },
    });
    expect(flowDiff(flow(), after).flow).toEqual(['name', 'description', 'start', 'locales', 'variables', 'settings']);
    expect(flowDiff(flow({ variables: undefined, settings: undefined }), flow({ variables: {}, settings: {} })).flow).toEqual([]);
    expect(flowDiff(flow({ description: undefined }), flow({ description: '' })).flow).toEqual([]);
  });
});

describe('deepEqual', () => {
  it('compares JSON values with object keys in any order and arrays in order', () => {
    expect(deepEqual({ a: 1, b: [1, { c: 'x', d: null }] }, { b: [1, { d: null, c: 'x' }], a: 1 })).toBe(true);
    expect(deepEqual([1, 2], [2, 1])).toBe(false);
    expect(deepEqual({ a: 1 }, { a: 1, b: 2 })).toBe(false);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: undefined }, { b: undefined })).toBe(true);
    expect(deepEqual({ a: 1, b: undefined }, { a: 1, c: 2 })).toBe(false);
    expect(deepEqual([], {})).toBe(false);
    expect(deepEqual(null, {})).toBe(false);
    expect(deepEqual('1', 1)).toBe(false);
    expect(deepEqual(Number.NaN, Number.NaN)).toBe(true);
  });
});
