import { describe, expect, it } from 'vitest';
import { toCanvasNode } from '../../graph/canvasMapping.js';
import { nodesUsingVariable } from './variableUsage.js';

const nodes = [
  toCanvasNode({ id: 'ask', type: 'ask', config: { text: 'Ihre Nummer?', variable: 'telefon' } }),
  toCanvasNode({ id: 'thanks', type: 'message', config: { text: { de: 'Danke, wir rufen {{ telefon }} an.', en: 'Thanks.' } } }),
  toCanvasNode({ id: 'check', type: 'condition', config: { rules: [{ variable: 'telefonisch', op: 'exists', port: 'a' }] } }),
  toCanvasNode({ id: 'call', type: 'http_request', config: { save: { telefon: 'data.phone' }, url: 'https://x.example/{{telefon.raw}}' } }),
];

describe('nodesUsingVariable', () => {
  it('finds stored answers, placeholders in any language, saved fields and dotted paths, but not longer names', () => {
    expect(nodesUsingVariable(nodes, 'telefon')).toEqual(['ask', 'thanks', 'call']);
    expect(nodesUsingVariable(nodes, 'telefonisch')).toEqual(['check']);
    expect(nodesUsingVariable(nodes, 'email')).toEqual([]);
  });
});
