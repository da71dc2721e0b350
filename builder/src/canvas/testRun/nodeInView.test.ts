import { describe, expect, it } from 'vitest';
import { rectInView } from './nodeInView.js';

describe('rectInView', () => {
  const pane = { width: 800, height: 600 };
  const node = { x: 100, y: 100, width: 200, height: 80 };

  it('is true only when the whole node is on screen, at any zoom and pan', () => {
    expect(rectInView(node, { x: 0, y: 0, zoom: 1 }, pane)).toBe(true);
    expect(rectInView(node, { x: 550, y: 0, zoom: 1 }, pane)).toBe(false);
    expect(rectInView(node, { x: 0, y: -150, zoom: 1 }, pane)).toBe(false);
    expect(rectInView(node, { x: 0, y: 0, zoom: 2.5 }, pane)).toBe(true);
    expect(rectInView(node, { x: 0, y: 0, zoom: 3 }, pane)).toBe(false);
  });
});
