import { describe, expect, it } from 'vitest';
import { coreSchema, coreSchemas, property } from './coreSchemas.testing.js';
import { emptyValue, fieldModel } from './fieldModel.js';
import type { JsonSchema } from './jsonSchema.js';

const kind = (schema: JsonSchema) => fieldModel(schema).kind;

describe('fieldModel on the core node schemas', () => {
  it('reads Text (string | per-locale record) as a per-locale text', () => {
    expect(kind(property(coreSchema('ask'), 'text'))).toBe('localizedText');
    expect(kind(property(coreSchema('http_request'), 'url'))).toBe('localizedText');
  });

  it('reads LocalizedList (string[] | per-locale record of string[]) as a per-locale phrase list', () => {
    expect(kind(property(coreSchema('intent'), 'intents', '[]', 'examples'))).toBe('localizedList');
    expect(kind(property(coreSchema('faq'), 'entries', '[]', 'alternatives'))).toBe('localizedList');
  });

  it('uses the variable hint, enums, numbers and booleans', () => {
    expect(kind(property(coreSchema('ask'), 'variable'))).toBe('variable');
    expect(fieldModel(property(coreSchema('http_request'), 'method'))).toEqual({ kind: 'enum', options: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] });
    expect(fieldModel(property(coreSchema('http_request'), 'timeoutMs'))).toEqual({ kind: 'number', integer: true });
    expect(fieldModel(property(coreSchema('intent'), 'threshold'))).toEqual({ kind: 'number', integer: false });
    expect(kind(property(coreSchema('check_stock'), 'notifySales'))).toBe('boolean');
  });

  it('reads records (additionalProperties) as name/value editors', () => {
    const values = fieldModel(property(coreSchema('set'), 'values'));
    expect(values.kind).toBe('record');
    if (values.kind === 'record') {
      expect(kind(values.values)).toBe('localizedText');
      expect(values.keys?.pattern).toBe('^[A-Za-z_][A-Za-z0-9_]{0,63}$');
    }
    expect(kind(property(coreSchema('http_request'), 'headers'))).toBe('record');
    expect(kind(property(coreSchema('capture_lead'), 'custom', '*'))).toBe('variable');
  });

  it('reads arrays of objects, enum lists, tuples and mixed scalar types', () => {
    const rules = fieldModel(property(coreSchema('condition'), 'rules'));
    expect(rules.kind).toBe('array');
    if (rules.kind === 'array') expect(kind(rules.items)).toBe('object');
    expect(kind(property(coreSchema('ask'), 'files', 'accept'))).toBe('enumSet');
    expect(kind(property(coreSchema('condition'), 'rules', '[]', 'value'))).toBe('string');
    expect(kind(property(coreSchema('book_slot'), 'openingHours', 'weekly', 'mon', '[]'))).toBe('tuple');
  });

  it('marks required properties of objects', () => {
    const ask = fieldModel(coreSchema('ask'));
    expect(ask.kind === 'object' && ask.properties.filter((entry) => entry.required).map((entry) => entry.name)).toEqual(['text', 'variable']);
  });

  it('has a specific control for every field of every core node (no JSON fallback needed)', () => {
    const fallbacks: string[] = [];
    const walk = (schema: JsonSchema, at: string) => {
      const model = fieldModel(schema);
      if (model.kind === 'json') fallbacks.push(at);
      if (model.kind === 'object') for (const entry of model.properties) walk(entry.schema, `${at}.${entry.name}`);
      if (model.kind === 'array') walk(model.items, `${at}[]`);
      if (model.kind === 'record') walk(model.values, `${at}.*`);
      if (model.kind === 'tuple') model.items.forEach((item, index) => walk(item, `${at}[${index}]`));
    };
    for (const [type, schema] of Object.entries(coreSchemas)) walk(schema, type);
    expect(fallbacks).toEqual([]);
  });

  it('falls back to JSON for schemas it does not understand', () => {
    expect(kind({})).toBe('json');
    expect(kind({ anyOf: [{ type: 'number' }, { type: 'boolean' }] })).toBe('json');
  });
});

describe('emptyValue', () => {
  it('starts new items with defaults and the required properties', () => {
    expect(emptyValue(property(coreSchema('ask'), 'choices', '[]'))).toEqual({ id: '', label: '' });
    expect(emptyValue(property(coreSchema('condition'), 'rules', '[]'))).toEqual({ port: '', var: '', op: 'eq' });
    expect(emptyValue({ type: 'integer', minimum: 5 })).toBe(5);
    expect(emptyValue({ type: 'string', default: 'GET' })).toBe('GET');
    expect(emptyValue(property(coreSchema('book_slot'), 'openingHours', 'weekly', 'mon', '[]'))).toEqual(['', '']);
  });
});
