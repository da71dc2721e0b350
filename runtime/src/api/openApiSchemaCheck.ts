import { isDeepStrictEqual } from 'node:util';
import type { JsonSchema } from './openApiTypes.js';

/** Resolves a local JSON pointer (`#/components/schemas/X`) inside `root`; undefined when it points nowhere. */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined;
  let node: unknown = root;
  for (const raw of ref.slice(1).split('/').slice(1)) {
    const key = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~');
    if (!node || typeof node !== 'object' || !Object.hasOwn(node, key)) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === 'object' && !Array.isArray(value);

function typeMatches(type: string, value: unknown): boolean {
  switch (type) {
    case 'null': return value === null;
    case 'array': return Array.isArray(value);
    case 'object': return isObject(value);
    case 'integer': return Number.isInteger(value);
    case 'number': return typeof value === 'number';
    default: return typeof value === type;
  }
}

/**
 * Checks a JSON value against the JSON Schema subset the OpenAPI document uses ($ref, allOf/anyOf/oneOf/not,
 * if/then/else, type, const, enum, pattern, date-time, properties, required, additionalProperties, items, prefixItems,
 * length and range limits). It is strict about undocumented properties: an object whose schema lists `properties` (or
 * composes them with `allOf`) and says nothing about `additionalProperties` may not carry other keys, so a response
 * field the document forgets is reported. Returns every violation as `path: reason`.
 */
export function schemaViolations(root: unknown, schema: JsonSchema, value: unknown): string[] {
  const errors: string[] = [];
  const resolve = (node: JsonSchema): JsonSchema => {
    let current = node;
    for (let depth = 0; typeof current.$ref === 'string' && depth < 32; depth++) {
      const target = resolvePointer(root, current.$ref);
      if (!isObject(target)) throw new Error(`unresolvable $ref ${current.$ref}`);
      const { $ref: _ref, ...siblings } = current;
      current = { ...target, ...siblings };
    }
    return current;
  };
  const declared = (node: JsonSchema): Set<string> => {
    const schema = resolve(node);
    const keys = new Set(Object.keys((schema.properties as object | undefined) ?? {}));
    for (const part of (schema.allOf as JsonSchema[] | undefined) ?? []) for (const key of declared(part)) keys.add(key);
    return keys;
  };
  const passes = (node: JsonSchema, data: unknown, strict: boolean) => {
    const scratch: string[] = [];
    check(node, data, '$', scratch, strict);
    return scratch.length === 0;
  };

  function check(node: JsonSchema, data: unknown, path: string, out: string[], strict: boolean): void {
    const schema = resolve(node);
    if ('const' in schema && !isDeepStrictEqual(schema.const, data)) out.push(`${path}: expected ${JSON.stringify(schema.const)}`);
    if (Array.isArray(schema.enum) && !schema.enum.some((item) => isDeepStrictEqual(item, data))) out.push(`${path}: ${JSON.stringify(data)} not in enum`);
    if (schema.type !== undefined) {
      const types = ([] as string[]).concat(schema.type as string | string[]);
      if (!types.some((type) => typeMatches(type, data))) {
        out.push(`${path}: expected ${types.join('|')}, got ${JSON.stringify(data)?.slice(0, 80)}`);
        return;
      }
    }
    if (typeof data === 'string') {
      if (typeof schema.pattern === 'string' && !new RegExp(schema.pattern, 'u').test(data)) out.push(`${path}: does not match ${schema.pattern}`);
      if (schema.format === 'date-time' && Number.isNaN(Date.parse(data))) out.push(`${path}: not a date-time`);
      const length = [...data].length;
      if (typeof schema.minLength === 'number' && length < schema.minLength) out.push(`${path}: shorter than ${schema.minLength}`);
      if (typeof schema.maxLength === 'number' && length > schema.maxLength) out.push(`${path}: longer than ${schema.maxLength}`);
    }
    if (typeof data === 'number') {
      if (typeof schema.minimum === 'number' && data < schema.minimum) out.push(`${path}: below ${schema.minimum}`);
      if (typeof schema.maximum === 'number' && data > schema.maximum) out.push(`${path}: above ${schema.maximum}`);
    }
    if (isObject(data)) {
      const properties = (schema.properties as Record<string, JsonSchema> | undefined) ?? {};
      for (const key of (schema.required as string[] | undefined) ?? []) if (!Object.hasOwn(data, key)) out.push(`${path}: missing ${key}`);
      for (const [key, item] of Object.entries(data)) {
        if (properties[key]) check(properties[key], item, `${path}.${key}`, out, true);
        else if (isObject(schema.additionalProperties)) check(schema.additionalProperties as JsonSchema, item, `${path}.${key}`, out, true);
        else if (schema.additionalProperties === false) out.push(`${path}: unexpected property ${key}`);
      }
      if (strict && (schema.properties || schema.allOf) && schema.additionalProperties === undefined) {
        const known = declared(schema);
        for (const key of Object.keys(data)) if (!known.has(key)) out.push(`${path}: undocumented property ${key}`);
      }
    }
    if (Array.isArray(data)) {
      const prefix = (schema.prefixItems as JsonSchema[] | undefined) ?? [];
      data.forEach((item, index) => {
        if (prefix[index]) check(prefix[index], item, `${path}[${index}]`, out, true);
        else if (isObject(schema.items)) check(schema.items as JsonSchema, item, `${path}[${index}]`, out, true);
        else if (schema.items === false) out.push(`${path}: unexpected item ${index}`);
      });
      if (typeof schema.minItems === 'number' && data.length < schema.minItems) out.push(`${path}: fewer than ${schema.minItems} items`);
    }
    for (const part of (schema.allOf as JsonSchema[] | undefined) ?? []) check(part, data, path, out, false);
    if (Array.isArray(schema.anyOf) && !(schema.anyOf as JsonSchema[]).some((part) => passes(part, data, strict))) {
      out.push(`${path}: matches none of anyOf`);
    }
    if (Array.isArray(schema.oneOf) && (schema.oneOf as JsonSchema[]).filter((part) => passes(part, data, strict)).length !== 1) {
      out.push(`${path}: does not match exactly one of oneOf`);
    }
    if (isObject(schema.not) && passes(schema.not as JsonSchema, data, false)) out.push(`${path}: matches "not"`);
    if (isObject(schema.if)) {
      const branch = passes(schema.if as JsonSchema, data, false) ? schema.then : schema.else;
      if (isObject(branch)) check(branch as JsonSchema, data, path, out, false);
    }
  }

  check(schema, value, '$', errors, true);
  return errors;
}
