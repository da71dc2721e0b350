import { z } from 'zod';
import type { NodeDefinition } from './defineNode.js';

const schemas = new WeakMap<NodeDefinition, Record<string, unknown>>();

/**
 * A node type's config as JSON Schema (draft 2020-12, input side): what the node catalogue sends to the builder's forms
 * and what the validator reads the text fields from. Computed once per definition.
 */
export function configJsonSchema(definition: NodeDefinition): Record<string, unknown> {
  let schema = schemas.get(definition);
  if (!schema) {
    schema = z.toJSONSchema(definition.config, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    schemas.set(definition, schema);
  }
  return schema;
}
