import { describe, expect, it } from 'vitest';
import { NodeRegistry, coreNodeDefinitions, validateFlow } from '@dialogwerk/nodes/definitions';
import { newFlowDocument } from './newFlowDocument.js';

const texts = { welcome: { de: 'Hallo!', en: 'Hello!' }, goodbye: { de: 'Tschüss!', en: 'Bye!' } };

describe('newFlowDocument', () => {
  it('is a message followed by the end, in German and English', () => {
    const flow = newFlowDocument('kontakt', '  Kontakt  ', texts);
    expect(flow).toMatchObject({ format: 'dialogwerk.flow/1', id: 'kontakt', name: 'Kontakt', locales: ['de', 'en'], start: 'welcome' });
    expect(flow.nodes.map((node) => node.type)).toEqual(['message', 'end']);
    expect(flow.edges).toEqual([{ id: 'welcome-next', from: { node: 'welcome', port: 'next' }, to: 'end' }]);
  });

  it('passes the runtime validator without errors or warnings', () => {
    const result = validateFlow(newFlowDocument('kontakt', 'Kontakt', texts), new NodeRegistry(coreNodeDefinitions));
    expect(result.problems).toEqual([]);
    expect(result.ok).toBe(true);
  });
});
