import { z } from 'zod';
import type { JsonSchema, Reference } from './openApiTypes.js';

export const schemaRef = (name: string): Reference => ({ $ref: `#/components/schemas/${name}` });
export const responseRef = (name: string): Reference => ({ $ref: `#/components/responses/${name}` });
export const parameterRef = (name: string): Reference => ({ $ref: `#/components/parameters/${name}` });

/** `{ "application/json": { schema } }`, the only media type the API speaks. */
export const json = (schema: JsonSchema) => ({ 'application/json': { schema } });

function rewriteRefs(node: unknown, target: (ref: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => rewriteRefs(item, target));
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, key === '$ref' && typeof value === 'string' ? target(value) : rewriteRefs(value, target)]),
  );
}

/**
 * A zod schema as OpenAPI components, so request schemas have one source of truth: the input side (defaults may be
 * left out), `$schema` dropped, local `$defs` (recursive types) hoisted to sibling components (named by `defNames`,
 * else `<name>_<def>`) and every reference rewritten to point into `#/components/schemas`. `adjust` adds what JSON
 * Schema cannot derive from the zod schema (refinements, limits checked outside it, descriptions).
 */
export function zodComponents(
  name: string,
  schema: z.ZodType,
  adjust: (schema: JsonSchema) => JsonSchema = (s) => s,
  defNames: Record<string, string> = {},
): Record<string, JsonSchema> {
  const { $schema: _dialect, $defs, ...root } = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  const componentName = (def: string) => defNames[def] ?? `${name}_${def.replace(/^_+/, '').replace(/[^A-Za-z0-9._-]/g, '_')}`;
  const target = (ref: string) => {
    if (ref === '#') return `#/components/schemas/${name}`;
    if (ref.startsWith('#/$defs/')) return `#/components/schemas/${componentName(decodeURIComponent(ref.slice('#/$defs/'.length)))}`;
    return ref;
  };
  const components: Record<string, JsonSchema> = { [name]: adjust(rewriteRefs(root, target) as JsonSchema) };
  for (const [def, value] of Object.entries($defs ?? {})) components[componentName(def)] = rewriteRefs(value, target) as JsonSchema;
  return components;
}
