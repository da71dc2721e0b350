import { describe, expect, it } from 'vitest';
import type { FlowDocument, NodeCatalogueEntry } from '../api/types.js';
import { createCanvasStore } from './canvasStore.js';

const flow: FlowDocument = {
  format: 'dialogwerk.flow/1',
  id: 'demo',
  name: 'Demo',
  locales: ['de'],
  start: 'ask',
  nodes: [
    { id: 'ask', type: 'ask', version: 1, config: { text: 'Ja?', variable: 'ok', input: 'yesno' }, position: { x: 0, y: 0 } },
    { id: 'end_1', type: 'end', version: 1, config: {}, position: { x: 0, y: 200 } },
  ],
  edges: [{ id: 'ask-yes', from: { node: 'ask', port: 'yes' }, to: 'end_1' }],
};

const endEntry: NodeCatalogueEntry = {
  type: 'end',
  version: 2,
  category: 'messages',
  label: { de: 'Ende', en: 'End' },
  description: { de: '', en: '' },
  configSchema: { type: 'object', properties: { csat: { type: 'boolean', default: false }, text: {} } },
  ports: [],
  dynamicPorts: false,
  source: 'core',
};

describe('canvas store', () => {
  it('adds a node with a unique id, the schema defaults and the type version, selected alone', () => {
    const store = createCanvasStore(flow);
    const id = store.getState().addNode(endEntry, { x: 5, y: 6 });
    expect(id).toBe('end_2');
    const document = store.getState().document();
    expect(document.nodes[2]).toEqual({ id: 'end_2', type: 'end', version: 2, config: { csat: false }, position: { x: 5, y: 6 } });
    expect(store.getState().nodes.filter((node) => node.selected).map((node) => node.id)).toEqual(['end_2']);
    expect(store.getState().edits).toBe(1);
    expect(document.start).toBe('ask');
  });

  it('makes the first node of an empty flow its start', () => {
    const store = createCanvasStore({ ...flow, nodes: [], edges: [], start: '' });
    const id = store.getState().addNode(endEntry, { x: 0, y: 0 });
    expect(store.getState().document().start).toBe(id);
  });

  it('connects a port, replacing the edge the port had', () => {
    const store = createCanvasStore(flow);
    store.getState().connect({ source: 'ask', sourceHandle: 'no', target: 'end_1', targetHandle: 'in' });
    store.getState().connect({ source: 'ask', sourceHandle: 'yes', target: 'ask', targetHandle: 'in' }); // self loop: ignored
    store.getState().addNode(endEntry, { x: 0, y: 0 });
    store.getState().connect({ source: 'ask', sourceHandle: 'yes', target: 'end_2', targetHandle: 'in' });
    expect(store.getState().document().edges).toEqual([
      { id: 'ask-no', from: { node: 'ask', port: 'no' }, to: 'end_1' },
      { id: 'ask-yes', from: { node: 'ask', port: 'yes' }, to: 'end_2' },
    ]);
  });

  it('removes a node with its edges, and counts it as an edit', () => {
    const store = createCanvasStore(flow);
    store.getState().onNodesChange([{ type: 'remove', id: 'end_1' }]);
    expect(store.getState().document().nodes.map((node) => node.id)).toEqual(['ask']);
    expect(store.getState().edges).toEqual([]);
    expect(store.getState().edits).toBe(1);
  });

  it('removes an edge', () => {
    const store = createCanvasStore(flow);
    store.getState().onEdgesChange([{ type: 'remove', id: 'ask-yes' }]);
    expect(store.getState().document().edges).toEqual([]);
  });

  it('saves moved positions but does not count selecting or measuring as edits', () => {
    const store = createCanvasStore(flow);
    store.getState().onNodesChange([{ type: 'select', id: 'ask', selected: true }]);
    store.getState().onNodesChange([{ type: 'dimensions', id: 'ask', dimensions: { width: 200, height: 100 } }]);
    expect(store.getState().edits).toBe(0);
    store.getState().onNodesChange([{ type: 'position', id: 'ask', position: { x: 40.2, y: 50.7 }, dragging: true }]);
    expect(store.getState().edits).toBe(1);
    expect(store.getState().document().nodes[0]!.position).toEqual({ x: 40, y: 51 });
  });

  it('applies a layout', () => {
    const store = createCanvasStore(flow);
    store.getState().setPositions(new Map([['end_1', { x: 1, y: 2 }]]));
    expect(store.getState().document().nodes.map((node) => node.position)).toEqual([{ x: 0, y: 0 }, { x: 1, y: 2 }]);
  });

  it('replaces a node config as an edit, and clears the selection without one', () => {
    const store = createCanvasStore(flow);
    store.getState().onNodesChange([{ type: 'select', id: 'ask', selected: true }]);
    store.getState().updateNodeConfig('ask', { text: 'Nein?', variable: 'ok', input: 'yesno' });
    expect(store.getState().edits).toBe(1);
    expect(store.getState().document().nodes[0]!.config).toEqual({ text: 'Nein?', variable: 'ok', input: 'yesno' });
    store.getState().updateNodeConfig('missing', {});
    expect(store.getState().edits).toBe(1);
    store.getState().clearSelection();
    expect(store.getState().nodes.some((node) => node.selected)).toBe(false);
    expect(store.getState().edits).toBe(1);
  });

  it('selects exactly one node for a clicked problem without counting an edit', () => {
    const store = createCanvasStore(flow);
    store.getState().addNode(endEntry, { x: 0, y: 0 });
    const edits = store.getState().edits;
    store.getState().selectOnly('ask');
    expect(store.getState().nodes.filter((node) => node.selected).map((node) => node.id)).toEqual(['ask']);
    expect(store.getState().edits).toBe(edits);
  });
});
