import { coreNodeDefinitions, NodeRegistry } from '@dialogwerk/nodes/definitions';
import type { JsonSchema } from './jsonSchema.js';

/** The core nodes' config schemas exactly as GET /v1/nodes serves them. */
export const coreSchemas: Record<string, JsonSchema> = Object.fromEntries(
  new NodeRegistry(coreNodeDefinitions).catalogue().map((entry) => [entry.type, entry.configSchema as JsonSchema]),
);

export function coreSchema(type: string): JsonSchema {
  const schema = coreSchemas[type];
  if (!schema) throw new Error(`no core node ${type}`);
  return schema;
}

export function property(schema: JsonSchema, ...names: string[]): JsonSchema {
  let current = schema;
  for (const name of names) {
    const next = current.properties?.[name] ?? (name === '*' && typeof current.additionalProperties === 'object' ? current.additionalProperties : undefined) ?? (name === '[]' && typeof current.items === 'object' ? current.items : undefined);
    if (!next) throw new Error(`no property ${name}`);
    current = next;
  }
  return current;
}
