/** A rectangle in flow coordinates (a node's position and measured size). */
export interface FlowRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Whether the whole rectangle is on screen for this viewport (`x`, `y`, `zoom` as React Flow keeps them). */
export function rectInView(rect: FlowRect, viewport: { x: number; y: number; zoom: number }, pane: { width: number; height: number }): boolean {
  const left = rect.x * viewport.zoom + viewport.x;
  const top = rect.y * viewport.zoom + viewport.y;
  const right = left + rect.width * viewport.zoom;
  const bottom = top + rect.height * viewport.zoom;
  return left >= 0 && top >= 0 && right <= pane.width && bottom <= pane.height;
}
