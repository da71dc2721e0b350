import type { CanvasNode } from '../graph/canvasMapping.js';

/** The node the inspector shows: the selected one, when exactly one is selected. */
export function selectedNode(nodes: readonly CanvasNode[]): CanvasNode | undefined {
  let found: CanvasNode | undefined;
  for (const node of nodes) {
    if (!node.selected) continue;
    if (found) return undefined;
    found = node;
  }
  return found;
}
