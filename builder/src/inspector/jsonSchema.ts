/**
 * The subset of JSON Schema (draft 2020-12) that zod 4's `z.toJSONSchema(schema, { io: 'input' })` emits for node configs,
 * plus Dialogwerk's UI hint `x-dialogwerk-widget`.
 */
export interface JsonSchema {
  type?: string | string[];
  title?: string;
  description?: string;
  default?: unknown;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  propertyNames?: JsonSchema;
  items?: JsonSchema | boolean;
  prefixItems?: JsonSchema[];
  minItems?: number;
  maxItems?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  'x-dialogwerk-widget'?: string;
}

/** A place in a node config: property names and array indexes, as the runtime's validation reports them. */
export type FieldPath = readonly (string | number)[];

/** A stable string for a path, used as a map key and as the base of element ids. */
export function pathKey(path: FieldPath): string {
  return JSON.stringify(path);
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
