import { coreNodeDefinitions, NodeRegistry, portsOf } from '@dialogwerk/nodes/definitions';
import { describe, expect, it } from 'vitest';
import type { NodeCatalogueEntry } from '../api/types.js';
import { nodePorts } from './nodePorts.js';

// The real catalogue the runtime serves, so the derivation is checked against each node's own `ports` function.
const registry = new NodeRegistry(coreNodeDefinitions);
const catalogue = new Map(registry.catalogue().map((entry) => [entry.type, entry as unknown as NodeCatalogueEntry]));
const definition = (type: string) => coreNodeDefinitions.find((node) => node.type === type)!;
const ids = (ports: { id: string }[]) => ports.map((port) => port.id);

describe('nodePorts', () => {
  it.each([
    ['ask choice', 'ask', { text: 'Q', variable: 'v', input: 'choice', choices: [{ id: 'a', label: { de: 'A-de', en: 'A-en' } }, { id: 'b', label: 'B' }] }],
    ['ask yes/no', 'ask', { text: 'Q', variable: 'v', input: 'yesno' }],
    ['ask text', 'ask', { text: 'Q', variable: 'v', input: 'email' }],
    ['intent', 'intent', { intents: [{ id: 'order', label: 'Bestellung', examples: ['x'] }, { id: 'faq', examples: ['y'] }] }],
    ['condition', 'condition', { rules: [{ port: 'big', var: 'n', op: 'gt', value: 3 }, { port: 'big', var: 'n', op: 'eq', value: 1 }, { port: 'small', var: 'n', op: 'lt', value: 1 }] }],
  ])('derives the same ports as the runtime for %s', (_name, type, config) => {
    const expected = portsOf(definition(type), config);
    const derived = nodePorts(catalogue.get(type), config);
    expect(ids(derived)).toEqual(ids(expected));
    expect(derived.map((port) => port.label.en)).toEqual(expected.map((port) => port.label.en));
  });

  it('uses the catalogue list for static types and keeps error ports', () => {
    const ports = nodePorts(catalogue.get('http_request'), { method: 'GET', url: 'https://example.org' });
    expect(ids(ports)).toEqual(['ok', 'error']);
    expect(ports.find((port) => port.id === 'error')?.kind).toBe('error');
  });

  it('gives end no ports and an unknown type none', () => {
    expect(nodePorts(catalogue.get('end'), {})).toEqual([]);
    expect(nodePorts(undefined, {})).toEqual([]);
  });

  it('keeps a dynamic plugin type with another config shape on its catalogue ports', () => {
    const entry = { dynamicPorts: true, ports: [{ id: 'done', label: { de: 'Fertig', en: 'Done' } }] };
    expect(ids(nodePorts(entry, { steps: [1, 2] }))).toEqual(['done']);
  });

  it('skips list items without an id instead of drawing an empty port', () => {
    expect(ids(nodePorts(catalogue.get('ask'), { input: 'choice', choices: [{ label: 'x' }, { id: '' }, { id: 'ok' }] }))).toEqual(['ok', 'invalid']);
  });
});
