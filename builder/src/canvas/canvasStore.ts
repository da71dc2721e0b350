import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore } from 'zustand/vanilla';
import type { FlowDocument, NodeCatalogueEntry } from '../api/types.js';
import { canvasToDocument, documentToCanvas, FLOW_NODE_TYPE, TARGET_HANDLE, type CanvasEdge, type CanvasNode, type FlowMeta } from '../graph/canvasMapping.js';
import { schemaDefaults } from '../graph/schemaDefaults.js';
import { uniqueEdgeId, uniqueId } from '../graph/uniqueId.js';
import { copyNodes, pasteNodes, type ClipboardContent } from './editing/nodeClipboard.js';
import { emptyHistory, recordStep, redoStep, restoreSnapshot, undoStep, type DocumentSnapshot, type RecordOptions, type UndoHistory } from './editing/undoHistory.js';

/** Inspector edits of one node that follow each other within this many milliseconds undo as one step. */
export const CONFIG_EDIT_WINDOW_MS = 1000;

export interface CanvasState {
  meta: FlowMeta;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
  /** Counts changes to the document (not selection or measuring); autosave watches it. */
  edits: number;
  onNodesChange: (changes: NodeChange<CanvasNode>[]) => void;
  onEdgesChange: (changes: EdgeChange<CanvasEdge>[]) => void;
  /** Connects a port to a node; a port leads to one node, so an existing edge from the same port is replaced. */
  connect: (connection: Connection) => void;
  /** Adds a node of a catalogue type with its schema's defaults; returns its id. */
  addNode: (entry: NodeCatalogueEntry, position: { x: number; y: number }) => string;
  setPositions: (positions: Map<string, { x: number; y: number }>) => void;
  /** Replaces a node's config (the inspector's edits); the node summary and dynamic ports follow it. */
  updateNodeConfig: (id: string, config: Record<string, unknown>) => void;
  /** Declares a flow variable (from the inspector's "New variable…"); an existing declaration is kept. */
  declareVariable: (name: string, declaration: { type: string }) => void;
  /** Replaces a declared variable's declaration (type, personal data, description). */
  updateVariable: (name: string, declaration: Record<string, unknown>) => void;
  /** Removes a variable's declaration (nodes still using it get a validation error). */
  removeVariable: (name: string) => void;
  /** Deselects every node and edge (closing the inspector); not an edit. */
  clearSelection: () => void;
  /** Selects exactly this node (a problem or version entry was clicked); not an edit. */
  selectOnly: (id: string) => void;
  /** Selects every node (Ctrl+A); not an edit. */
  selectAll: () => void;
  /** Adds copied nodes with fresh ids, offset from what is already there, selected alone; returns their ids. Never changes the start. */
  paste: (content: ClipboardContent) => string[];
  /** Pastes a copy of the selected nodes and the edges between them; returns the new ids. */
  duplicateSelection: () => string[];
  /** Removes these nodes with their edges as one step (cut). */
  removeNodes: (ids: ReadonlySet<string>) => void;
  /** Whether `undo` / `redo` have a step to take. */
  canUndo: boolean;
  canRedo: boolean;
  /** Puts the document back as it was before the last step (an edit, so autosave saves it). */
  undo: () => void;
  redo: () => void;
  document: () => FlowDocument;
}

const changesDocument = (change: NodeChange | EdgeChange) => change.type !== 'select' && change.type !== 'dimensions';

/**
 * One store per open canvas, holding the draft: React Flow's nodes and edges plus the rest of the document, and the
 * undo history of its changes (selection and measuring are not steps; a drag is one step when it ends).
 */
export function createCanvasStore(initial: FlowDocument) {
  return createStore<CanvasState>()((set, get) => {
    let history: UndoHistory = emptyHistory();
    /** The document before the running drag; recorded as one step when the drag ends. */
    let dragOrigin: DocumentSnapshot | undefined;
    // React Flow deletes a node's edges and the node in two calls of one task: they form one step.
    let task = 0;
    let taskOpen = false;
    const currentTask = () => {
      if (!taskOpen) {
        taskOpen = true;
        queueMicrotask(() => {
          taskOpen = false;
          task += 1;
        });
      }
      return task;
    };

    const snapshotOf = ({ meta, nodes, edges }: DocumentSnapshot): DocumentSnapshot => ({ meta, nodes, edges });
    /** Records `before` as an undo step and returns the counters every document change sets. */
    const step = (before: CanvasState, options?: RecordOptions) => {
      history = recordStep(history, snapshotOf(before), options);
      return { edits: before.edits + 1, canUndo: true, canRedo: false };
    };
    const travel = (move: typeof undoStep) =>
      set((state) => {
        const result = move(history, snapshotOf(state));
        if (!result) return state;
        history = result.history;
        dragOrigin = undefined;
        return {
          ...restoreSnapshot(result.snapshot, state),
          edits: state.edits + 1,
          canUndo: history.past.length > 0,
          canRedo: history.future.length > 0,
        };
      });

    return {
      ...documentToCanvas(initial),
      edits: 0,
      canUndo: false,
      canRedo: false,

      onNodesChange: (changes) =>
        set((state) => {
          const nodes = applyNodeChanges(changes, state.nodes);
          const ids = new Set(nodes.map((node) => node.id));
          // an edge never outlives its nodes, whoever removed them
          const edges = state.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
          const documentChanges = changes.filter(changesDocument);
          if (documentChanges.length === 0) return { nodes, edges };
          if (documentChanges.every((change) => change.type === 'position')) {
            if (documentChanges.some((change) => change.type === 'position' && change.dragging)) {
              // mid-drag: the step is taken when the drag ends
              dragOrigin ??= snapshotOf(state);
              return { nodes, edges, edits: state.edits + 1 };
            }
            if (dragOrigin) {
              const before = dragOrigin;
              dragOrigin = undefined;
              history = recordStep(history, before);
              return { nodes, edges, edits: state.edits + 1, canUndo: true, canRedo: false };
            }
            // arrow-key nudges in a row are one step
            return { nodes, edges, ...step(state, { key: 'nudge', now: Date.now(), window: CONFIG_EDIT_WINDOW_MS }) };
          }
          const removing = documentChanges.some((change) => change.type === 'remove');
          return { nodes, edges, ...step(state, removing ? { key: `remove:${currentTask()}`, window: Infinity } : undefined) };
        }),

      onEdgesChange: (changes) =>
        set((state) => {
          const edges = applyEdgeChanges(changes, state.edges);
          if (!changes.some(changesDocument)) return { edges };
          const removing = changes.some((change) => change.type === 'remove');
          return { edges, ...step(state, removing ? { key: `remove:${currentTask()}`, window: Infinity } : undefined) };
        }),

      connect: ({ source, sourceHandle, target }) =>
        set((state) => {
          if (!sourceHandle || source === target) return state;
          const kept = state.edges.filter((edge) => !(edge.source === source && edge.sourceHandle === sourceHandle));
          const id = uniqueEdgeId(source, sourceHandle, new Set(kept.map((edge) => edge.id)));
          const edge: CanvasEdge = { id, source, sourceHandle, target, targetHandle: TARGET_HANDLE };
          return { edges: [...kept, edge], ...step(state) };
        }),

      addNode: (entry, position) => {
        const { nodes, meta } = get();
        const id = uniqueId(entry.type, new Set(nodes.map((node) => node.id)));
        const node: CanvasNode = {
          id,
          type: FLOW_NODE_TYPE,
          position,
          selected: true,
          data: { node: { id, type: entry.type, version: entry.version, config: schemaDefaults(entry.configSchema) } },
        };
        const hasStart = nodes.some((existing) => existing.id === meta.start);
        set((state) => ({
          nodes: [...state.nodes.map((existing) => (existing.selected ? { ...existing, selected: false } : existing)), node],
          meta: hasStart ? state.meta : { ...state.meta, start: id },
          ...step(state),
        }));
        return id;
      },

      setPositions: (positions) =>
        set((state) => ({
          nodes: state.nodes.map((node) => {
            const position = positions.get(node.id);
            return position ? { ...node, position } : node;
          }),
          ...step(state),
        })),

      updateNodeConfig: (id, config) =>
        set((state) => {
          if (!state.nodes.some((node) => node.id === id)) return state;
          return {
            nodes: state.nodes.map((node) => (node.id === id ? { ...node, data: { ...node.data, node: { ...node.data.node, config } } } : node)),
            ...step(state, { key: `config:${id}`, now: Date.now(), window: CONFIG_EDIT_WINDOW_MS }),
          };
        }),

      declareVariable: (name, declaration) =>
        set((state) => {
          if (state.meta.variables && name in state.meta.variables) return state;
          return { meta: { ...state.meta, variables: { ...state.meta.variables, [name]: declaration } }, ...step(state) };
        }),

      updateVariable: (name, declaration) =>
        set((state) => {
          if (!state.meta.variables || !(name in state.meta.variables)) return state;
          return { meta: { ...state.meta, variables: { ...state.meta.variables, [name]: declaration } }, ...step(state) };
        }),

      removeVariable: (name) =>
        set((state) => {
          if (!state.meta.variables || !(name in state.meta.variables)) return state;
          const { [name]: _removed, ...rest } = state.meta.variables;
          return { meta: { ...state.meta, variables: rest }, ...step(state) };
        }),

      clearSelection: () =>
        set((state) => ({
          nodes: state.nodes.some((node) => node.selected) ? state.nodes.map((node) => (node.selected ? { ...node, selected: false } : node)) : state.nodes,
          edges: state.edges.some((edge) => edge.selected) ? state.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)) : state.edges,
        })),

      selectOnly: (id) =>
        set((state) => ({
          nodes: state.nodes.map((node) => (node.selected === (node.id === id) ? node : { ...node, selected: node.id === id })),
          edges: state.edges.some((edge) => edge.selected) ? state.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)) : state.edges,
        })),

      selectAll: () =>
        set((state) => ({
          nodes: state.nodes.every((node) => node.selected) ? state.nodes : state.nodes.map((node) => (node.selected ? node : { ...node, selected: true })),
        })),

      paste: (content) => {
        const added = pasteNodes(content, get());
        if (added.nodes.length === 0) return [];
        set((state) => ({
          nodes: [...state.nodes.map((node) => (node.selected ? { ...node, selected: false } : node)), ...added.nodes],
          edges: [...state.edges.map((edge) => (edge.selected ? { ...edge, selected: false } : edge)), ...added.edges],
          ...step(state),
        }));
        return added.nodes.map((node) => node.id);
      },

      duplicateSelection: () => {
        const { nodes, edges, paste } = get();
        const content = copyNodes(nodes, edges);
        return content ? paste(content) : [];
      },

      removeNodes: (ids) =>
        set((state) => {
          if (!state.nodes.some((node) => ids.has(node.id))) return state;
          return {
            nodes: state.nodes.filter((node) => !ids.has(node.id)),
            edges: state.edges.filter((edge) => !ids.has(edge.source) && !ids.has(edge.target)),
            ...step(state),
          };
        }),

      undo: () => travel(undoStep),
      redo: () => travel(redoStep),

      document: () => {
        const { meta, nodes, edges } = get();
        return canvasToDocument(meta, nodes, edges);
      },
    };
  });
}

export type CanvasStore = ReturnType<typeof createCanvasStore>;
