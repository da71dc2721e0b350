import { coreNodeDefinitions, NodeRegistry } from '@dialogwerk/nodes/definitions';
import { describe, expect, it } from 'vitest';
import { schemaDefaults } from './schemaDefaults.js';

describe('schemaDefaults', () => {
  it('takes the defaults of top-level and nested properties', () => {
    const schema = {
      type: 'object',
      properties: {
        method: { type: 'string', default: 'GET' },
        text: { type: 'string' },
        retry: { type: 'object', properties: { times: { type: 'number', default: 2 }, note: { type: 'string' } } },
        empty: { type: 'object', properties: { a: { type: 'string' } } },
      },
    };
    expect(schemaDefaults(schema)).toEqual({ method: 'GET', retry: { times: 2 } });
  });

  it('copies defaults so nodes never share them', () => {
    const schema = { properties: { list: { type: 'array', default: [] } } };
    const first = schemaDefaults(schema);
    (first.list as unknown[]).push(1);
    expect(schemaDefaults(schema)).toEqual({ list: [] });
  });

  it('gives every core node a config object from its catalogue schema', () => {
    for (const entry of new NodeRegistry(coreNodeDefinitions).catalogue()) expect(typeof schemaDefaults(entry.configSchema)).toBe('object');
    expect(schemaDefaults(undefined)).toEqual({});
  });
});
