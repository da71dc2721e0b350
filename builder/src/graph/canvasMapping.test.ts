import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../api/types.js';
import { canvasToDocument, documentToCanvas, FLOW_NODE_TYPE, TARGET_HANDLE } from './canvasMapping.js';

const flow: FlowDocument = {
  format: 'dialogwerk.flow/1',
  id: 'demo',
  name: 'Demo',
  locales: ['de', 'en'],
  start: 'hello',
  nodes: [
    { id: 'hello', type: 'message', version: 1, config: { text: 'Hallo' }, position: { x: 10, y: 20 } },
    { id: 'bye', type: 'end', version: 1, config: {}, sensitive: true },
  ],
  edges: [{ id: 'e1', from: { node: 'hello', port: 'next' }, to: 'bye' }],
  variables: { name: { type: 'string' } },
  settings: { retentionDays: 30 },
};

describe('document ↔ canvas', () => {
  it('turns nodes and edges into React Flow nodes and edges', () => {
    const { meta, nodes, edges } = documentToCanvas(flow);
    expect(meta).toEqual({ format: 'dialogwerk.flow/1', id: 'demo', name: 'Demo', locales: ['de', 'en'], start: 'hello', variables: { name: { type: 'string' } }, settings: { retentionDays: 30 } });
    expect(nodes[0]).toEqual({ id: 'hello', type: FLOW_NODE_TYPE, position: { x: 10, y: 20 }, data: { node: { id: 'hello', type: 'message', version: 1, config: { text: 'Hallo' } } } });
    expect(edges).toEqual([{ id: 'e1', source: 'hello', sourceHandle: 'next', target: 'bye', targetHandle: TARGET_HANDLE }]);
  });

  it('places nodes without a position on a grid', () => {
    expect(documentToCanvas(flow).nodes[1]!.position).toEqual({ x: 280, y: 0 });
  });

  it('round-trips a document, with every node getting a position', () => {
    const { meta, nodes, edges } = documentToCanvas(flow);
    const back = canvasToDocument(meta, nodes, edges);
    expect(back).toEqual({ ...flow, nodes: [flow.nodes[0], { ...flow.nodes[1], position: { x: 280, y: 0 } }] });
  });

  it('rounds positions React Flow moved by fractions', () => {
    const { meta, nodes, edges } = documentToCanvas(flow);
    nodes[0]!.position = { x: 10.4, y: 19.6 };
    expect(canvasToDocument(meta, nodes, edges).nodes[0]!.position).toEqual({ x: 10, y: 20 });
  });

  it('does not share objects with the document it came from', () => {
    const { nodes } = documentToCanvas(flow);
    nodes[0]!.position.x = 999;
    expect(flow.nodes[0]!.position!.x).toBe(10);
  });
});
