import { describe, expect, it } from 'vitest';
import type { CanvasEdge, CanvasNode, FlowMeta } from '../../graph/canvasMapping.js';
import { emptyHistory, HISTORY_LIMIT, recordStep, redoStep, restoreSnapshot, undoStep, type DocumentSnapshot } from './undoHistory.js';

const meta: FlowMeta = { format: 'dialogwerk.flow/1', id: 'f', name: 'F', locales: ['de'], start: 'a' };
const node = (id: string, x = 0, text = ''): CanvasNode => ({ id, type: 'flowNode', position: { x, y: 0 }, data: { node: { id, type: 'message', config: { text } } } });
const snapshot = (nodes: CanvasNode[], edges: CanvasEdge[] = []): DocumentSnapshot => ({ meta, nodes, edges });

describe('undo history', () => {
  it('undoes and redoes in order', () => {
    const one = snapshot([node('a')]);
    const two = snapshot([node('a'), node('b')]);
    const three = snapshot([node('a'), node('b'), node('c')]);
    let history = recordStep(emptyHistory(), one);
    history = recordStep(history, two);
    const back = undoStep(history, three)!;
    expect(back.snapshot).toBe(two);
    const further = undoStep(back.history, two)!;
    expect(further.snapshot).toBe(one);
    expect(undoStep(further.history, one)).toBeUndefined();
    const forward = redoStep(further.history, one)!;
    expect(forward.snapshot).toBe(two);
    expect(redoStep(redoStep(forward.history, two)!.history, three)).toBeUndefined();
  });

  it('joins records with the same key inside the window, sliding it along', () => {
    const first = snapshot([node('a', 0)]);
    let history = recordStep(emptyHistory(), first, { key: 'k', now: 0, window: 100 });
    history = recordStep(history, snapshot([node('a', 1)]), { key: 'k', now: 90, window: 100 });
    history = recordStep(history, snapshot([node('a', 2)]), { key: 'k', now: 180, window: 100 });
    expect(history.past).toEqual([first]);
    history = recordStep(history, snapshot([node('a', 3)]), { key: 'k', now: 281, window: 100 });
    expect(history.past).toHaveLength(2);
    history = recordStep(history, snapshot([node('a', 4)]), { key: 'other', now: 282, window: 100 });
    history = recordStep(history, snapshot([node('a', 5)]));
    history = recordStep(history, snapshot([node('a', 6)]));
    expect(history.past).toHaveLength(5);
  });

  it('drops the oldest steps beyond the limit and the redo stack on a new record', () => {
    let history = emptyHistory();
    for (let x = 0; x < HISTORY_LIMIT + 5; x++) history = recordStep(history, snapshot([node('a', x)]));
    expect(history.past).toHaveLength(HISTORY_LIMIT);
    expect(history.past[0]!.nodes[0]!.position.x).toBe(5);
    const back = undoStep(history, snapshot([node('a', 999)]))!;
    expect(back.history.future).toHaveLength(1);
    expect(recordStep(back.history, snapshot([])).future).toEqual([]);
  });

  it('restores the document but keeps unchanged objects, current selection and measured sizes', () => {
    const unchanged = node('a');
    const moved = node('b', 10);
    const snap = snapshot([unchanged, { ...moved, selected: true, dragging: true }, node('c')], [{ id: 'e', source: 'a', sourceHandle: 'next', target: 'b' }]);
    const currentB: CanvasNode = { ...moved, position: { x: 50, y: 0 }, selected: false, measured: { width: 120, height: 60 } };
    const currentA: CanvasNode = { ...unchanged, selected: true };
    const restored = restoreSnapshot(snap, { nodes: [currentA, currentB], edges: [] });
    expect(restored.nodes[0]).toBe(currentA);
    expect(restored.nodes[1]).toEqual({ ...moved, selected: false, measured: { width: 120, height: 60 } });
    expect(restored.nodes[2]).toEqual({ ...node('c'), selected: false });
    expect(restored.edges).toEqual([{ id: 'e', source: 'a', sourceHandle: 'next', target: 'b', selected: false }]);
    expect(restored.meta).toBe(meta);
  });
});
