import type { Edge, Node } from '@xyflow/react';
import type { FlowDocument, FlowEdge, FlowNode } from '../api/types.js';

/** The React Flow node type every flow node is drawn with (one generic component). */
export const FLOW_NODE_TYPE = 'flowNode';
/** The single input handle of every node. */
export const TARGET_HANDLE = 'in';

/** A flow node as the canvas holds it: the document's node without its position, which React Flow owns. */
export type CanvasNodeData = { node: Omit<FlowNode, 'position'> };
export type CanvasNode = Node<CanvasNodeData, typeof FLOW_NODE_TYPE>;
export type CanvasEdge = Edge;

/** Everything in a flow document except its nodes and edges. */
export type FlowMeta = Omit<FlowDocument, 'nodes' | 'edges'>;

const GRID = { columns: 4, x: 280, y: 180 };

/** Where a node without a saved position goes: a grid in document order. */
function fallbackPosition(index: number): { x: number; y: number } {
  return { x: (index % GRID.columns) * GRID.x, y: Math.floor(index / GRID.columns) * GRID.y };
}

export function toCanvasNode(node: FlowNode, index = 0): CanvasNode {
  const { position, ...rest } = node;
  return { id: node.id, type: FLOW_NODE_TYPE, position: position ? { ...position } : fallbackPosition(index), data: { node: rest } };
}

export function toCanvasEdge(edge: FlowEdge): CanvasEdge {
  return { id: edge.id, source: edge.from.node, sourceHandle: edge.from.port, target: edge.to, targetHandle: TARGET_HANDLE };
}

/** Splits a flow document into what the canvas draws and the rest, which it keeps as is. */
export function documentToCanvas(document: FlowDocument): { meta: FlowMeta; nodes: CanvasNode[]; edges: CanvasEdge[] } {
  const { nodes, edges, ...meta } = document;
  return { meta, nodes: nodes.map(toCanvasNode), edges: (edges ?? []).map(toCanvasEdge) };
}

/** The flow document the canvas shows; positions are rounded so a nudge does not write sub-pixel noise. */
export function canvasToDocument(meta: FlowMeta, nodes: CanvasNode[], edges: CanvasEdge[]): FlowDocument {
  return {
    ...meta,
    nodes: nodes.map((node) => ({ ...node.data.node, position: { x: Math.round(node.position.x), y: Math.round(node.position.y) } })),
    edges: edges.map((edge) => ({ id: edge.id, from: { node: edge.source, port: edge.sourceHandle ?? '' }, to: edge.target })),
  };
}
