import type { CanvasEdge, CanvasNode } from './canvasMapping.js';

export const LAYOUT_NODE_SIZE = { width: 240, height: 120 };

/** The ELK graph for a layered, top-down layout; nodes use their measured size when React Flow knows it. */
export function elkGraph(nodes: CanvasNode[], edges: CanvasEdge[]) {
  const ids = new Set(nodes.map((node) => node.id));
  return {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'DOWN',
      'elk.spacing.nodeNode': '48',
      'elk.layered.spacing.nodeNodeBetweenLayers': '72',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: nodes.map((node) => ({
      id: node.id,
      width: node.measured?.width ?? LAYOUT_NODE_SIZE.width,
      height: node.measured?.height ?? LAYOUT_NODE_SIZE.height,
    })),
    edges: edges
      .filter((edge) => ids.has(edge.source) && ids.has(edge.target))
      .map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  };
}

/** New positions for every node, computed by elkjs (loaded on first use, so the canvas opens without it). */
export async function layoutFlow(nodes: CanvasNode[], edges: CanvasEdge[]): Promise<Map<string, { x: number; y: number }>> {
  const elk = await import('elkjs/lib/elk.bundled.js');
  // CommonJS: the constructor is `module.exports` and its own `default`, which works for Node and bundlers alike.
  const ELK = elk.default.default;
  const result = await new ELK().layout(elkGraph(nodes, edges));
  const positions = new Map<string, { x: number; y: number }>();
  for (const child of result.children ?? []) positions.set(child.id, { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) });
  return positions;
}
