import { describe, expect, it } from 'vitest';
import type { CanvasNode } from '../graph/canvasMapping.js';
import { selectedNode } from './selectedNode.js';

const node = (id: string, selected?: boolean): CanvasNode => ({ id, type: 'flowNode', position: { x: 0, y: 0 }, selected, data: { node: { id, type: 'end' } } });

describe('selectedNode', () => {
  it('is the one selected node, and none when nothing or several are selected', () => {
    expect(selectedNode([node('a'), node('b', true)])?.id).toBe('b');
    expect(selectedNode([node('a'), node('b')])).toBeUndefined();
    expect(selectedNode([node('a', true), node('b', true)])).toBeUndefined();
  });
});
