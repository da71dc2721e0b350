import { z } from 'zod';
import { flowDocument } from './flowDocument.js';

export const FLOW_SCHEMA_ID = 'https://dialogwerk.dev/schema/flow-1.json';

/**
 * The JSON Schema of what may be stored or sent as a flow (the input side: defaults may be left out). Node configs
 * stay open records here; each node type's schema is in the registry's catalogue.
 */
export function flowJsonSchema(): Record<string, unknown> {
  const { $schema, ...schema } = z.toJSONSchema(flowDocument, { io: 'input' });
  return {
    $schema,
    $id: FLOW_SCHEMA_ID,
    title: 'Dialogwerk flow document',
    description: 'A chatbot flow in format dialogwerk.flow/1: nodes, the edges between their ports, variables and settings.',
    ...schema,
  };
}

/** The exact text of `nodes/flow.schema.json`, so the export script and the drift test agree byte for byte. */
export function flowJsonSchemaText(): string {
  return `${JSON.stringify(flowJsonSchema(), null, 2)}\n`;
}
