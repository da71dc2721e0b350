import { useMemo } from 'react';
import type { CanvasEdge } from '../graph/canvasMapping.js';
import { useCanvasUi } from './CanvasContext.js';

/** The edges as drawn: the ones the test conversation took are highlighted and animated while the test panel is open. */
export function useRunEdges(edges: CanvasEdge[]): CanvasEdge[] {
  const run = useCanvasUi((state) => (state.panel === 'test' ? state.run : null));
  return useMemo(() => {
    if (!run || run.takenEdgeIds.size === 0) return edges;
    return edges.map((edge) => (run.takenEdgeIds.has(edge.id) ? { ...edge, className: 'is-run-taken', animated: true } : edge));
  }, [edges, run]);
}
