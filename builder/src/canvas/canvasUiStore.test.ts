import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../api/types.js';
import { createCanvasUiStore } from './canvasUiStore.js';

const document: FlowDocument = {
  format: 'dialogwerk.flow/1',
  id: 'f',
  name: 'F',
  locales: ['de'],
  start: 'a',
  nodes: [
    { id: 'a', type: 'ask', config: { input: 'choice', choices: [{ id: 'x', label: 'X' }] } },
    { id: 'b', type: 'message', config: { text: 'Hi' } },
  ],
};

describe('canvas UI store', () => {
  it('keeps the server ports only for nodes the answer lists, with the config they were computed for', () => {
    const ui = createCanvasUiStore(1);
    ui.getState().setServerPorts(document, { a: [{ id: 'x', label: { de: 'X', en: 'X' } }] });
    expect([...ui.getState().serverPorts.keys()]).toEqual(['a']);
    expect(ui.getState().serverPorts.get('a')!.configJson).toBe(JSON.stringify(document.nodes[0]!.config));
    ui.getState().setServerPorts(document, undefined);
    expect(ui.getState().serverPorts.size).toBe(0);
  });

  it('derives the node markers from the problems', () => {
    const ui = createCanvasUiStore(1);
    ui.getState().setProblems([{ code: 'X', severity: 'error', message: 'm', path: [], nodeId: 'a' }]);
    expect(ui.getState().marks.get('a')).toMatchObject({ errors: 1, warnings: 0 });
  });
});
