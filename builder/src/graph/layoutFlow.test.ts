import { describe, expect, it } from 'vitest';
import { documentToCanvas } from './canvasMapping.js';
import { layoutFlow } from './layoutFlow.js';

describe('layoutFlow', () => {
  it('places nodes top-down along the edges without overlaps', async () => {
    const { nodes, edges } = documentToCanvas({
      format: 'dialogwerk.flow/1',
      id: 'f',
      name: 'f',
      locales: ['de'],
      start: 'a',
      nodes: ['a', 'b', 'c'].map((id) => ({ id, type: 'message', position: { x: 0, y: 0 } })),
      edges: [
        { id: 'ab', from: { node: 'a', port: 'next' }, to: 'b' },
        { id: 'ac', from: { node: 'a', port: 'other' }, to: 'c' },
        { id: 'dangling', from: { node: 'a', port: 'x' }, to: 'missing' },
      ],
    });
    const positions = await layoutFlow(nodes, edges);
    const a = positions.get('a')!;
    const b = positions.get('b')!;
    const c = positions.get('c')!;
    expect(b.y).toBeGreaterThan(a.y);
    expect(c.y).toBeGreaterThan(a.y);
    expect(Math.abs(b.x - c.x)).toBeGreaterThanOrEqual(240);
  });
});
