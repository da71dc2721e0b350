import { describe, expect, it } from 'vitest';
import { canvasPath, flowPath, parseRoute } from './route.js';

describe('routes', () => {
  it.each(['/', '', '/flows', '/flows/'])('%j is the flow list', (path) => {
    expect(parseRoute(path)).toEqual({ name: 'flows' });
  });

  it('reads a flow id and round-trips encoded ones', () => {
    expect(parseRoute('/flows/kontaktanfrage')).toEqual({ name: 'flow', flowId: 'kontaktanfrage' });
    expect(parseRoute(flowPath('a b/c'))).toEqual({ name: 'flow', flowId: 'a b/c' });
  });

  it('reads a canvas route', () => {
    expect(parseRoute('/flows/kontaktanfrage/canvas')).toEqual({ name: 'canvas', flowId: 'kontaktanfrage' });
    expect(parseRoute(canvasPath('a b/c'))).toEqual({ name: 'canvas', flowId: 'a b/c' });
  });

  it.each(['/flows/a/b', '/settings', '/flows/%E0%A4%A'])('%j is unknown', (path) => {
    expect(parseRoute(path)).toEqual({ name: 'notFound' });
  });
});
