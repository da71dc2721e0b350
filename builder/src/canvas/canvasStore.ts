import { applyEdgeChanges, applyNodeChanges, type Connection, type EdgeChange, type NodeChange } from '@xyflow/react';
import { createStore } from 'zustand/vanilla';
import type { FlowDocument, NodeCatalogueEntry } from '../api/types.js';
import { canvasToDocument, documentToCanvas, FLOW_NODE_TYPE, TARGET_HANDLE, type CanvasEdge, type CanvasNode, type FlowMeta } from '../graph/canvasMapping.js';
import { schemaDefaults } from '../graph/schemaDefaults.js';
import { uniqueEdgeId, uniqueId } from '../graph/uniqueId.js';

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
  /** Deselects every node and edge (closing the inspector); not an edit. */
  clearSelection: () => void;
  /** Selects exactly this node (a problem or version entry was clicked); not an edit. */
  selectOnly: (id: string) => void;
  document: () => FlowDocument;
}

const changesDocument = (change: NodeChange | EdgeChange) => change.type !== 'select' && change.type !== 'dimensions';

/** One store per open canvas, holding the draft: React Flow's nodes and edges plus the rest of the document. */
export function createCanvasStore(initial: FlowDocument) {
  return createStore<CanvasState>()((set, get) => ({
    ...documentToCanvas(initial),
    edits: 0,

    onNodesChange: (changes) =>
      set((state) => {
        const nodes = applyNodeChanges(changes, state.nodes);
        const ids = new Set(nodes.map((node) => node.id));
        // an edge never outlives its nodes, whoever removed them
        const edges = state.edges.filter((edge) => ids.has(edge.source) && ids.has(edge.target));
        return { nodes, edges, edits: changes.some(changesDocument) ? state.edits + 1 : state.edits };
      }),

    onEdgesChange: (changes) =>
      set((state) => ({ edges: applyEdgeChanges(changes, state.edges), edits: changes.some(changesDocument) ? state.edits + 1 : state.edits })),

    connect: ({ source, sourceHandle, target }) =>
      set((state) => {
        if (!sourceHandle || source === target) return state;
        const kept = state.edges.filter((edge) => !(edge.source === source && edge.sourceHandle === sourceHandle));
        const id = uniqueEdgeId(source, sourceHandle, new Set(kept.map((edge) => edge.id)));
        const edge: CanvasEdge = { id, source, sourceHandle, target, targetHandle: TARGET_HANDLE };
        return { edges: [...kept, edge], edits: state.edits + 1 };
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
        edits: state.edits + 1,
      }));
      return id;
    },

    setPositions: (positions) =>
      set((state) => ({
        nodes: state.nodes.map((node) => {
          const position = positions.get(node.id);
          return position ? { ...node, position } : node;
        }),
        edits: state.edits + 1,
      })),

    updateNodeConfig: (id, config) =>
      set((state) => {
        if (!state.nodes.some((node) => node.id === id)) return state;
        return {
          nodes: state.nodes.map((node) => (node.id === id ? { ...node, data: { ...node.data, node: { ...node.data.node, config } } } : node)),
          edits: state.edits + 1,
        };
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

    document: () => {
      const { meta, nodes, edges } = get();
      return canvasToDocument(meta, nodes, edges);
    },
  }));
}

export type CanvasStore = ReturnType<typeof createCanvasStore>;
