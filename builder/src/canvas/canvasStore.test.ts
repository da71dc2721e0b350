import { afterEach, describe, expect, it, vi } from 'vitest';
import type { FlowDocument, NodeCatalogueEntry } from '../api/types.js';
import { CONFIG_EDIT_WINDOW_MS, createCanvasStore } from './canvasStore.js';
import { copyNodes } from './editing/nodeClipboard.js';

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

const positions = (store: ReturnType<typeof createCanvasStore>) => Object.fromEntries(store.getState().document().nodes.map((node) => [node.id, node.position]));
const nodeIds = (store: ReturnType<typeof createCanvasStore>) => store.getState().nodes.map((node) => node.id);
const selectedIds = (store: ReturnType<typeof createCanvasStore>) => store.getState().nodes.filter((node) => node.selected).map((node) => node.id);
const nextTask = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('canvas store: undo and redo', () => {
  afterEach(() => vi.restoreAllMocks());

  it('undoes and redoes adding, connecting, moving and laying out, one step each, and counts each as an edit', () => {
    const store = createCanvasStore(flow);
    const original = store.getState().document();
    expect(store.getState().canUndo).toBe(false);
    store.getState().addNode(endEntry, { x: 5, y: 6 });
    const added = store.getState().document();
    store.getState().connect({ source: 'ask', sourceHandle: 'no', target: 'end_2', targetHandle: 'in' });
    const connected = store.getState().document();
    store.getState().setPositions(new Map([['ask', { x: 300, y: 300 }]]));
    expect(store.getState()).toMatchObject({ canUndo: true, canRedo: false, edits: 3 });

    store.getState().undo();
    expect(store.getState().document()).toEqual(connected);
    expect(store.getState().edits).toBe(4);
    store.getState().undo();
    expect(store.getState().document()).toEqual(added);
    store.getState().undo();
    expect(store.getState().document()).toEqual(original);
    expect(store.getState()).toMatchObject({ canUndo: false, canRedo: true, edits: 6 });
    store.getState().undo(); // nothing left: no change, no edit
    expect(store.getState().edits).toBe(6);

    store.getState().redo();
    store.getState().redo();
    expect(store.getState().document()).toEqual(connected);
    expect(store.getState()).toMatchObject({ canUndo: true, canRedo: true, edits: 8 });
  });

  it('drops the redo steps when a new edit follows an undo', () => {
    const store = createCanvasStore(flow);
    store.getState().addNode(endEntry, { x: 5, y: 6 });
    store.getState().undo();
    store.getState().setPositions(new Map([['ask', { x: 1, y: 1 }]]));
    expect(store.getState().canRedo).toBe(false);
    store.getState().redo();
    expect(nodeIds(store)).toEqual(['ask', 'end_1']);
  });

  it('puts back the start an added first node set', () => {
    const store = createCanvasStore({ ...flow, nodes: [], edges: [], start: '' });
    store.getState().addNode(endEntry, { x: 0, y: 0 });
    store.getState().undo();
    expect(store.getState().document()).toMatchObject({ start: '', nodes: [] });
  });

  it('does not record selecting or measuring, and keeps the current selection of nodes an undo leaves', () => {
    const store = createCanvasStore(flow);
    store.getState().onNodesChange([{ type: 'select', id: 'ask', selected: true }]);
    store.getState().onNodesChange([{ type: 'dimensions', id: 'ask', dimensions: { width: 200, height: 100 } }]);
    store.getState().onEdgesChange([{ type: 'select', id: 'ask-yes', selected: true }]);
    store.getState().selectAll();
    expect(store.getState().canUndo).toBe(false);
    store.getState().setPositions(new Map([['end_1', { x: 9, y: 9 }]]));
    store.getState().clearSelection();
    store.getState().selectOnly('end_1');
    store.getState().undo();
    expect(selectedIds(store)).toEqual(['end_1']);
    expect(positions(store).end_1).toEqual({ x: 0, y: 200 });
    // the measured size React Flow reported survives the undo
    expect(store.getState().nodes[0]!.measured).toEqual({ width: 200, height: 100 });
  });

  it('records a drag as one step when it ends', () => {
    const store = createCanvasStore(flow);
    store.getState().onNodesChange([
      { type: 'select', id: 'ask', selected: true },
      { type: 'position', id: 'ask', position: { x: 5, y: 5 }, dragging: true },
    ]);
    for (const x of [10, 20, 30]) store.getState().onNodesChange([{ type: 'position', id: 'ask', position: { x, y: x }, dragging: true }]);
    expect(store.getState().canUndo).toBe(false);
    store.getState().onNodesChange([{ type: 'position', id: 'ask', position: { x: 40, y: 40 }, dragging: false }]);
    expect(positions(store).ask).toEqual({ x: 40, y: 40 });
    store.getState().undo();
    expect(positions(store).ask).toEqual({ x: 0, y: 0 });
    expect(store.getState().canUndo).toBe(false);
    store.getState().redo();
    expect(positions(store).ask).toEqual({ x: 40, y: 40 });
  });

  it('undoes deleting a node and its edges (two calls from React Flow in one task) in one step', async () => {
    const store = createCanvasStore(flow);
    const original = store.getState().document();
    store.getState().onEdgesChange([{ type: 'remove', id: 'ask-yes' }]);
    store.getState().onNodesChange([{ type: 'remove', id: 'end_1' }]);
    await nextTask();
    store.getState().onNodesChange([{ type: 'remove', id: 'ask' }]);
    expect(store.getState().nodes).toEqual([]);
    store.getState().undo();
    expect(nodeIds(store)).toEqual(['ask']);
    store.getState().undo();
    expect(store.getState().document()).toEqual(original);
    expect(store.getState().canUndo).toBe(false);
  });

  it('joins inspector edits of one node in quick succession into one step, but not edits of another node or after a pause', () => {
    let now = 1_000_000;
    vi.spyOn(Date, 'now').mockImplementation(() => now);
    const store = createCanvasStore(flow);
    const config = (text: string) => ({ text, variable: 'ok', input: 'yesno' });
    for (const text of ['N', 'Ne', 'Nei', 'Nein', 'Nein?']) {
      now += CONFIG_EDIT_WINDOW_MS - 1;
      store.getState().updateNodeConfig('ask', config(text));
    }
    now += CONFIG_EDIT_WINDOW_MS + 1;
    store.getState().updateNodeConfig('ask', config('Nein?!'));
    now += 10;
    store.getState().updateNodeConfig('end_1', { text: 'Tschüss' });
    now += 10;
    store.getState().updateNodeConfig('ask', config('Nein?!!'));

    store.getState().undo();
    expect(store.getState().document().nodes[0]!.config).toEqual(config('Nein?!'));
    store.getState().undo();
    expect(store.getState().document().nodes[1]!.config).toEqual({});
    store.getState().undo();
    expect(store.getState().document().nodes[0]!.config).toEqual(config('Nein?'));
    store.getState().undo();
    expect(store.getState().document().nodes[0]!.config).toEqual(config('Ja?'));
    expect(store.getState().canUndo).toBe(false);
  });

  it('starts a new step for the same node after an undo', () => {
    const store = createCanvasStore(flow);
    store.getState().updateNodeConfig('end_1', { text: 'a' });
    store.getState().updateNodeConfig('end_1', { text: 'ab' });
    store.getState().undo();
    store.getState().updateNodeConfig('end_1', { text: 'x' });
    store.getState().updateNodeConfig('end_1', { text: 'xy' });
    store.getState().undo();
    expect(store.getState().document().nodes[1]!.config).toEqual({});
  });

  it('keeps the last 100 steps', () => {
    const store = createCanvasStore(flow);
    for (let x = 1; x <= 120; x++) store.getState().setPositions(new Map([['ask', { x, y: 0 }]]));
    let undone = 0;
    while (store.getState().canUndo) {
      store.getState().undo();
      undone++;
    }
    expect(undone).toBe(100);
    expect(positions(store).ask).toEqual({ x: 20, y: 0 });
  });
});

describe('canvas store: clipboard', () => {
  it('pastes copied nodes with fresh ids and their edge, offset, selected alone, keeping config and start', () => {
    const store = createCanvasStore(flow);
    const content = copyNodes(store.getState().nodes, store.getState().edges, new Set(['ask', 'end_1']))!;
    store.getState().selectOnly('ask');
    const pasted = store.getState().paste(content);
    expect(pasted).toEqual(['ask_1', 'end_2']);
    const document = store.getState().document();
    expect(document.start).toBe('ask');
    expect(document.nodes.slice(2)).toEqual([
      { id: 'ask_1', type: 'ask', version: 1, config: { text: 'Ja?', variable: 'ok', input: 'yesno' }, position: { x: 40, y: 40 } },
      { id: 'end_2', type: 'end', version: 1, config: {}, position: { x: 40, y: 240 } },
    ]);
    expect(document.edges).toEqual([
      { id: 'ask-yes', from: { node: 'ask', port: 'yes' }, to: 'end_1' },
      { id: 'ask_1-yes', from: { node: 'ask_1', port: 'yes' }, to: 'end_2' },
    ]);
    expect(selectedIds(store)).toEqual(['ask_1', 'end_2']);
    expect(store.getState().edits).toBe(1);

    // again: further away, new ids again
    expect(store.getState().paste(content)).toEqual(['ask_2', 'end_3']);
    expect(positions(store).ask_2).toEqual({ x: 80, y: 80 });

    store.getState().undo();
    store.getState().undo();
    expect(nodeIds(store)).toEqual(['ask', 'end_1']);
    expect(store.getState().document().edges).toHaveLength(1);
  });

  it('duplicates the selection, and cuts nodes with their edges in one step', () => {
    const store = createCanvasStore(flow);
    expect(store.getState().duplicateSelection()).toEqual([]);
    expect(store.getState().canUndo).toBe(false);
    store.getState().selectOnly('end_1');
    expect(store.getState().duplicateSelection()).toEqual(['end_2']);
    expect(positions(store).end_2).toEqual({ x: 40, y: 240 });

    store.getState().removeNodes(new Set(['ask', 'end_2']));
    expect(store.getState().document()).toMatchObject({ nodes: [{ id: 'end_1' }], edges: [], start: 'ask' });
    store.getState().undo();
    expect(nodeIds(store)).toEqual(['ask', 'end_1', 'end_2']);
    expect(store.getState().edges).toHaveLength(1);
  });

  it('declares a variable as an undoable edit and keeps an existing declaration', () => {
    const store = createCanvasStore(flow);
    store.getState().declareVariable('telefon', { type: 'string' });
    expect(store.getState().document().variables).toEqual({ telefon: { type: 'string' } });
    const edits = store.getState().edits;
    store.getState().declareVariable('telefon', { type: 'number' });
    expect(store.getState().edits).toBe(edits);
    expect(store.getState().document().variables).toEqual({ telefon: { type: 'string' } });
    store.getState().undo();
    expect(store.getState().document().variables ?? {}).toEqual({});
  });

  it('changes and removes a declared variable as undoable edits, and ignores unknown names', () => {
    const store = createCanvasStore(flow);
    store.getState().declareVariable('kunde', { type: 'string' });
    store.getState().updateVariable('kunde', { type: 'string', pii: true, description: 'Name' });
    expect(store.getState().document().variables).toEqual({ kunde: { type: 'string', pii: true, description: 'Name' } });
    const edits = store.getState().edits;
    store.getState().updateVariable('nobody', { type: 'number' });
    store.getState().removeVariable('nobody');
    expect(store.getState().edits).toBe(edits);
    store.getState().removeVariable('kunde');
    expect(store.getState().document().variables).toEqual({});
    store.getState().undo();
    expect(store.getState().document().variables).toEqual({ kunde: { type: 'string', pii: true, description: 'Name' } });
  });
});
