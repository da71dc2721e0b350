import { describe, expect, it } from 'vitest';
import { documentToCanvas } from '../../graph/canvasMapping.js';
import { CLIPBOARD_FORMAT, copyNodes, parseClipboard, pasteNodes, serializeClipboard, type ClipboardContent } from './nodeClipboard.js';

const canvas = documentToCanvas({
  format: 'dialogwerk.flow/1',
  id: 'demo',
  name: 'Demo',
  locales: ['de'],
  start: 'welcome',
  nodes: [
    { id: 'welcome', type: 'message', version: 1, config: { text: 'Hallo' }, position: { x: 0, y: 0 } },
    { id: 'ask_1', type: 'ask', version: 2, config: { text: 'Ja?', input: 'yesno' }, position: { x: 0, y: 150.4 } },
    { id: 'end', type: 'end', version: 1, config: {}, position: { x: 0, y: 300 } },
  ],
  edges: [
    { id: 'welcome-next', from: { node: 'welcome', port: 'next' }, to: 'ask_1' },
    { id: 'ask_1-yes', from: { node: 'ask_1', port: 'yes' }, to: 'end' },
  ],
});

describe('node clipboard', () => {
  it('copies the selected nodes and only the edges between them, in document form', () => {
    const nodes = canvas.nodes.map((node) => (node.id === 'end' ? node : { ...node, selected: true }));
    expect(copyNodes(nodes, canvas.edges)).toEqual({
      format: CLIPBOARD_FORMAT,
      nodes: [
        { id: 'welcome', type: 'message', version: 1, config: { text: 'Hallo' }, position: { x: 0, y: 0 } },
        { id: 'ask_1', type: 'ask', version: 2, config: { text: 'Ja?', input: 'yesno' }, position: { x: 0, y: 150 } },
      ],
      edges: [{ id: 'welcome-next', from: { node: 'welcome', port: 'next' }, to: 'ask_1' }],
    });
    expect(copyNodes(canvas.nodes, canvas.edges)).toBeUndefined();
  });

  it('reads back what it writes', () => {
    const content = copyNodes(canvas.nodes, canvas.edges, new Set(['welcome', 'ask_1', 'end']))!;
    expect(parseClipboard(serializeClipboard(content))).toEqual(content);
  });

  it('ignores garbage and malformed content instead of throwing', () => {
    const valid = { format: CLIPBOARD_FORMAT, nodes: [{ id: 'a', type: 'end' }], edges: [] };
    const variants: unknown[] = [
      undefined,
      42,
      '',
      'Hallo Welt',
      '{"format":',
      'null',
      '[]',
      JSON.stringify({ ...valid, format: 'dialogwerk.flow/1' }),
      JSON.stringify({ ...valid, nodes: [] }),
      JSON.stringify({ ...valid, nodes: 'a' }),
      JSON.stringify({ ...valid, nodes: [null] }),
      JSON.stringify({ ...valid, nodes: [{ id: 'a' }] }),
      JSON.stringify({ ...valid, nodes: [{ id: '', type: 'end' }] }),
      JSON.stringify({ ...valid, nodes: [{ id: 'a'.repeat(201), type: 'end' }] }),
      JSON.stringify({ ...valid, nodes: [{ id: 'a', type: 'end', version: 1.5 }] }),
      JSON.stringify({ ...valid, nodes: [{ id: 'a', type: 'end', config: [] }] }),
      JSON.stringify({ ...valid, nodes: [{ id: 'a', type: 'end', position: { x: 'left', y: 0 } }] }),
      JSON.stringify({ ...valid, nodes: [{ id: 'a', type: 'end' }, { id: 'a', type: 'end' }] }),
      JSON.stringify({ ...valid, edges: {} }),
      JSON.stringify({ ...valid, nodes: Array.from({ length: 1001 }, (_, i) => ({ id: `n${i}`, type: 'end' })) }),
      'x'.repeat(2_000_001),
    ];
    for (const text of variants) expect(parseClipboard(text), String(text).slice(0, 80)).toBeUndefined();
    expect(parseClipboard(JSON.stringify(valid))).toEqual({ format: CLIPBOARD_FORMAT, nodes: [{ id: 'a', type: 'end', config: {}, position: { x: 0, y: 0 } }], edges: [] });
  });

  it('drops unknown fields, dangling edges, self loops and a second edge from one port', () => {
    const text = JSON.stringify({
      format: CLIPBOARD_FORMAT,
      extra: true,
      nodes: [
        { id: 'a', type: 'ask', config: { text: 'Ja?' }, evil: 'x', position: { x: 1, y: 2 } },
        { id: 'b', type: 'end' },
      ],
      edges: [
        { id: 'e1', from: { node: 'a', port: 'yes' }, to: 'b' },
        { id: 'e2', from: { node: 'a', port: 'yes' }, to: 'b' },
        { id: 'e3', from: { node: 'a', port: 'no' }, to: 'missing' },
        { id: 'e4', from: { node: 'b', port: 'next' }, to: 'b' },
        { id: 'e5', from: { node: 'a' }, to: 'b' },
        'edge',
      ],
    });
    expect(parseClipboard(text)).toEqual({
      format: CLIPBOARD_FORMAT,
      nodes: [
        { id: 'a', type: 'ask', config: { text: 'Ja?' }, position: { x: 1, y: 2 } },
        { id: 'b', type: 'end', config: {}, position: { x: 0, y: 0 } },
      ],
      edges: [{ id: 'e1', from: { node: 'a', port: 'yes' }, to: 'b' }],
    });
  });

  it('gives pasted nodes fresh ids and their edges new ends, selected, offset until nothing sits underneath', () => {
    const content: ClipboardContent = copyNodes(canvas.nodes, canvas.edges, new Set(['ask_1', 'end']))!;
    const first = pasteNodes(content, canvas);
    expect(first.nodes.map((node) => [node.id, node.position, node.selected, node.data.node.config])).toEqual([
      ['ask_2', { x: 40, y: 190 }, true, { text: 'Ja?', input: 'yesno' }],
      ['end_1', { x: 40, y: 340 }, true, {}],
    ]);
    expect(first.nodes[0]!.data.node).toMatchObject({ id: 'ask_2', type: 'ask', version: 2 });
    expect(first.nodes[0]!.data.node.config).not.toBe(content.nodes[0]!.config);
    expect(first.edges).toEqual([{ id: 'ask_2-yes', source: 'ask_2', sourceHandle: 'yes', target: 'end_1', targetHandle: 'in' }]);

    const second = pasteNodes(content, { nodes: [...canvas.nodes, ...first.nodes], edges: [...canvas.edges, ...first.edges] });
    expect(second.nodes.map((node) => [node.id, node.position])).toEqual([
      ['ask_3', { x: 80, y: 230 }],
      ['end_2', { x: 80, y: 380 }],
    ]);
    expect(second.edges[0]!.id).toBe('ask_3-yes');
  });

  it('pastes in place where nothing is in the way (after a cut, or into another flow)', () => {
    const content = copyNodes(canvas.nodes, canvas.edges, new Set(['end']))!;
    const pasted = pasteNodes(content, { nodes: [], edges: [] });
    expect(pasted.nodes.map((node) => [node.id, node.position])).toEqual([['end_1', { x: 0, y: 300 }]]);
  });
});
