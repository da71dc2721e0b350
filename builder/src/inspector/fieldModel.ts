import { isPlainObject, type JsonSchema } from './jsonSchema.js';

/**
 * What control a schema asks for. Decided from the schema and its `x-dialogwerk-widget` hint only, never from the node type,
 * so plugin nodes get the same forms as core nodes.
 */
export type FieldModel =
  | { kind: 'localizedText' }
  | { kind: 'localizedList' }
  | { kind: 'variable' }
  | { kind: 'enum'; options: string[] }
  | { kind: 'enumSet'; options: string[] }
  | { kind: 'string' }
  | { kind: 'number'; integer: boolean }
  | { kind: 'boolean' }
  | { kind: 'object'; properties: { name: string; schema: JsonSchema; required: boolean }[] }
  | { kind: 'record'; values: JsonSchema; keys: JsonSchema | undefined }
  | { kind: 'array'; items: JsonSchema }
  | { kind: 'tuple'; items: JsonSchema[] }
  | { kind: 'json' };

const typesOf = (schema: JsonSchema): string[] =>
  schema.type === undefined ? [] : Array.isArray(schema.type) ? schema.type : [schema.type];

const isStringSchema = (schema: JsonSchema) => typesOf(schema).includes('string') && !schema.enum;
const isStringList = (schema: JsonSchema) =>
  typesOf(schema).includes('array') && isPlainObject(schema.items) && isStringSchema(schema.items as JsonSchema);
const recordValues = (schema: JsonSchema): JsonSchema | undefined =>
  typesOf(schema).includes('object') && !schema.properties && isPlainObject(schema.additionalProperties)
    ? (schema.additionalProperties as JsonSchema)
    : undefined;

/** `anyOf: [A, record of A]`: one value for every language or one per locale (the flow's `Text` and `LocalizedList`). */
function localizedKind(schema: JsonSchema): 'localizedText' | 'localizedList' | undefined {
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives?.length !== 2) return undefined;
  const [single, perLocale] = alternatives as [JsonSchema, JsonSchema];
  const inner = recordValues(perLocale);
  if (!inner) return undefined;
  if (isStringSchema(single) && isStringSchema(inner)) return 'localizedText';
  if (isStringList(single) && isStringList(inner)) return 'localizedList';
  return undefined;
}

function enumStrings(values: unknown[] | undefined): string[] | undefined {
  return values?.every((value) => typeof value === 'string') ? (values as string[]) : undefined;
}

export function fieldModel(schema: JsonSchema): FieldModel {
  const widget = schema['x-dialogwerk-widget'];
  const localized = localizedKind(schema);
  if (localized) return { kind: localized };
  if (widget === 'text' && isStringSchema(schema)) return { kind: 'localizedText' };
  if (widget === 'variable') return { kind: 'variable' };

  const options = enumStrings(schema.enum);
  if (options) return { kind: 'enum', options };

  const types = typesOf(schema);
  // `type: ["string", "number", "boolean"]` (a condition's comparison value): typed as text, which every one of them accepts.
  if (types.includes('string')) return { kind: 'string' };
  if (types.length === 1 && (types[0] === 'number' || types[0] === 'integer')) return { kind: 'number', integer: types[0] === 'integer' };
  if (types.length === 1 && types[0] === 'boolean') return { kind: 'boolean' };

  if (types.includes('array')) {
    if (schema.prefixItems && schema.items === false) return { kind: 'tuple', items: schema.prefixItems };
    if (isPlainObject(schema.items)) {
      const itemOptions = enumStrings((schema.items as JsonSchema).enum);
      if (itemOptions) return { kind: 'enumSet', options: itemOptions };
      return { kind: 'array', items: schema.items as JsonSchema };
    }
  }

  if (types.includes('object')) {
    if (schema.properties) {
      const required = new Set(schema.required ?? []);
      return {
        kind: 'object',
        properties: Object.entries(schema.properties).map(([name, property]) => ({ name, schema: property, required: required.has(name) })),
      };
    }
    const values = recordValues(schema);
    if (values) return { kind: 'record', values, keys: schema.propertyNames };
  }
  return { kind: 'json' };
}

/** The empty value a new array item, record entry or nested object starts with. */
export function emptyValue(schema: JsonSchema): unknown {
  if (schema.default !== undefined) return structuredClone(schema.default);
  const model = fieldModel(schema);
  switch (model.kind) {
    case 'object':
      return Object.fromEntries(model.properties.filter((property) => property.required).map(({ name, schema: inner }) => [name, emptyValue(inner)]));
    case 'record':
      return {};
    case 'array':
    case 'enumSet':
    case 'localizedList':
      return [];
    case 'tuple':
      return model.items.map(emptyValue);
    case 'number':
      return schema.minimum ?? 0;
    case 'boolean':
      return false;
    case 'enum':
      return model.options[0];
    default:
      return '';
  }
}
