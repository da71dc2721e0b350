import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode, withholdsPii, type NodeDefinition } from './defineNode.js';
import { fillTemplatesWithholding, withheldPii } from './template.js';

const vars: Record<string, string> = { name: 'Ada Muster', city: 'Bern' };
const lookup = (name: string) => vars[name];
const pii = new Set(['name']);
const config = { text: 'Hallo {{name}}', prompt: { de: 'Kunde {{name}} aus {{city}}' }, list: ['{{name}}'] };

describe('pii withholding in templates', () => {
  it('fills normally when nothing is withheld', () => {
    expect(fillTemplatesWithholding(config, lookup, pii, false)).toEqual({ text: 'Hallo Ada Muster', prompt: { de: 'Kunde Ada Muster aus Bern' }, list: ['Ada Muster'] });
  });

  it('puts placeholders everywhere with true, only in the listed top-level fields with a list', () => {
    expect(fillTemplatesWithholding(config, lookup, pii, true)).toEqual({ text: 'Hallo [name]', prompt: { de: 'Kunde [name] aus Bern' }, list: ['[name]'] });
    expect(fillTemplatesWithholding(config, lookup, pii, ['prompt', 'list'])).toEqual({ text: 'Hallo Ada Muster', prompt: { de: 'Kunde [name] aus Bern' }, list: ['[name]'] });
    expect(withheldPii('name')).toBe('[name]');
  });

  it('reads the definition option per config', () => {
    const definition = defineNode({
      type: 'demo_llm', version: 1, category: 'actions', label: { de: 'd', en: 'd' }, description: { de: 'd', en: 'd' },
      config: z.object({ allow: z.boolean() }), ports: [],
      withholdsPii: (c) => (c.allow ? false : ['prompt']),
    });
    expect(withholdsPii(definition, { allow: false })).toEqual(['prompt']);
    expect(withholdsPii(definition, { allow: true })).toBe(false);
    expect(withholdsPii({ ...definition, withholdsPii: () => [] } as NodeDefinition, { allow: false })).toBe(false);
    expect(withholdsPii({ ...definition, withholdsPii: undefined } as NodeDefinition, { allow: false })).toBe(false);
  });
});
