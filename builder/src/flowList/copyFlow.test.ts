import { describe, expect, it } from 'vitest';
import type { FlowDocument } from '../api/types.js';
import { isValidFlowId } from '../flows/flowId.js';
import { copyFlowDocument, copyFlowId, flowName, renamedFlowDocument } from './copyFlow.js';

const flow: FlowDocument = {
  format: 'dialogwerk.flow/1',
  id: 'kontakt',
  name: 'Kontakt',
  locales: ['de'],
  start: 'hello',
  nodes: [{ id: 'hello', type: 'message', config: { text: 'Hallo' } } as FlowDocument['nodes'][number]],
  edges: [],
};

describe('copyFlowId', () => {
  it('appends -kopie, then counts up while the id is taken', () => {
    expect(copyFlowId('kontakt', ['kontakt'])).toBe('kontakt-kopie');
    expect(copyFlowId('kontakt', ['kontakt', 'kontakt-kopie'])).toBe('kontakt-kopie-2');
    expect(copyFlowId('kontakt', ['kontakt', 'kontakt-kopie', 'kontakt-kopie-2', 'kontakt-kopie-3'])).toBe('kontakt-kopie-4');
  });

  it('copies a copy without stacking counters', () => {
    expect(copyFlowId('kontakt-kopie', ['kontakt', 'kontakt-kopie'])).toBe('kontakt-kopie-kopie');
  });

  it('stays a valid id of at most 64 characters for the longest ids', () => {
    const long = `a${'b'.repeat(62)}c`;
    const taken = [long];
    for (let i = 0; i < 12; i++) {
      const id = copyFlowId(long, taken);
      expect(id.length).toBeLessThanOrEqual(64);
      expect(isValidFlowId(id), id).toBe(true);
      expect(taken).not.toContain(id);
      taken.push(id);
    }
    expect(taken[1]).toMatch(/-kopie$/);
    expect(taken[2]).toMatch(/-kopie-2$/);
    expect(copyFlowId(`${'x'.repeat(57)}-${'y'.repeat(6)}`, [])).toBe(`${'x'.repeat(57)}-kopie`);
  });
});

describe('copyFlowDocument and renamedFlowDocument', () => {
  it('keeps everything but id and name, and does not share objects with the original', () => {
    const copy = copyFlowDocument(flow, 'kontakt-kopie', 'Kontakt (Kopie)');
    expect(copy).toEqual({ ...flow, id: 'kontakt-kopie', name: 'Kontakt (Kopie)' });
    copy.nodes[0]!.config = { text: 'Geändert' };
    expect(flow.nodes[0]!.config).toEqual({ text: 'Hallo' });
  });

  it('trims names and cuts them to the runtime\'s 200 characters', () => {
    expect(flowName('  Neu  ')).toBe('Neu');
    expect(flowName('x'.repeat(250))).toHaveLength(200);
    expect(copyFlowDocument(flow, 'k2', `${'y'.repeat(195)} (Kopie)`).name).toHaveLength(200);
    expect(renamedFlowDocument(flow, ' Kontakt Büro ')).toEqual({ ...flow, name: 'Kontakt Büro' });
  });
});
