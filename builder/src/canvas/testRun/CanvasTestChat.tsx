/** Placeholder until the canvas test chat lands (issue 4, in progress). */
export function CanvasTestChat() {
  return null;
}
