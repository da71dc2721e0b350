import type { CanvasEdge, CanvasNode, FlowMeta } from '../../graph/canvasMapping.js';

/** The document part of the canvas state: what one undo step puts back. Selection and sizes are not part of it. */
export interface DocumentSnapshot {
  meta: FlowMeta;
  nodes: CanvasNode[];
  edges: CanvasEdge[];
}

/** Undo and redo stacks of snapshots (oldest first), and the open step that further edits of the same kind may join. */
export interface UndoHistory {
  past: DocumentSnapshot[];
  future: DocumentSnapshot[];
  group?: { key: string; at: number };
}

/** How many steps back staff can go; older ones are dropped. */
export const HISTORY_LIMIT = 100;

export const emptyHistory = (): UndoHistory => ({ past: [], future: [] });

export interface RecordOptions {
  /** Edits with the same key join one step while each follows the previous within `window` milliseconds. */
  key?: string;
  now?: number;
  window?: number;
}

/**
 * Records the document as it was before an edit. An edit joining the open step (same key, soon enough) records
 * nothing, so its undo goes back to before the first edit of the group. Any new edit drops the redo stack.
 */
export function recordStep(history: UndoHistory, before: DocumentSnapshot, { key, now = 0, window = 0 }: RecordOptions = {}): UndoHistory {
  if (key !== undefined && history.group?.key === key && now - history.group.at <= window) {
    return { past: history.past, future: [], group: { key, at: now } };
  }
  const past = history.past.length >= HISTORY_LIMIT ? history.past.slice(history.past.length - HISTORY_LIMIT + 1) : history.past.slice();
  past.push(before);
  return { past, future: [], ...(key !== undefined ? { group: { key, at: now } } : {}) };
}

/** Steps back: returns the snapshot to show and the history with the current document on the redo stack. */
export function undoStep(history: UndoHistory, current: DocumentSnapshot): { history: UndoHistory; snapshot: DocumentSnapshot } | undefined {
  const snapshot = history.past.at(-1);
  if (!snapshot) return undefined;
  return { snapshot, history: { past: history.past.slice(0, -1), future: [...history.future, current] } };
}

/** Steps forward again after an undo. */
export function redoStep(history: UndoHistory, current: DocumentSnapshot): { history: UndoHistory; snapshot: DocumentSnapshot } | undefined {
  const snapshot = history.future.at(-1);
  if (!snapshot) return undefined;
  return { snapshot, history: { past: [...history.past, current], future: history.future.slice(0, -1) } };
}

/**
 * The canvas state for a snapshot: nodes and edges that did not change keep the current objects (so React Flow does not
 * redraw them); the others take the snapshot's document data but keep their current selection and measured size.
 * Nodes and edges that come back are unselected.
 */
export function restoreSnapshot(snapshot: DocumentSnapshot, current: { nodes: readonly CanvasNode[]; edges: readonly CanvasEdge[] }): DocumentSnapshot {
  const nodesNow = new Map(current.nodes.map((node) => [node.id, node]));
  const edgesNow = new Map(current.edges.map((edge) => [edge.id, edge]));
  const nodes = snapshot.nodes.map((node): CanvasNode => {
    const now = nodesNow.get(node.id);
    if (now && now.data === node.data && now.position === node.position) return now;
    const { dragging: _dragging, selected: _selected, measured, ...rest } = node;
    const size = now?.measured ?? measured;
    return { ...rest, selected: now?.selected ?? false, ...(size ? { measured: size } : {}) };
  });
  const edges = snapshot.edges.map((edge): CanvasEdge => {
    const now = edgesNow.get(edge.id);
    if (now && now.source === edge.source && now.sourceHandle === edge.sourceHandle && now.target === edge.target) return now;
    return { ...edge, selected: false };
  });
  return { meta: snapshot.meta, nodes, edges };
}
