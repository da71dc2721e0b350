import type { Localized } from '../i18n/localized.js';
import { configJsonSchema } from '../sdk/configJsonSchema.js';
import type { NodeDefinition } from '../sdk/defineNode.js';

type JsonSchema = Record<string, unknown>;

/** A user-facing text (a `Text` field) found in a node's config. */
export interface TextField {
  /** Path inside the config, e.g. `['choices', 0, 'label']`. */
  path: (string | number)[];
  value: unknown;
  required: boolean;
  /** The field's title in both product languages, from the schema's "Deutsch / English" title. */
  title?: Localized;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function titleOf(schema: JsonSchema): Localized | undefined {
  if (typeof schema.title !== 'string') return undefined;
  const [de, en] = schema.title.split(' / ');
  return { de: de!.trim(), en: (en ?? de!).trim() };
}

function collect(schema: JsonSchema, value: unknown, path: (string | number)[], required: boolean, out: TextField[]): void {
  if (schema['x-dialogwerk-widget'] === 'text') {
    out.push({ path, value, required, title: titleOf(schema) });
    return;
  }
  if (isRecord(schema.properties) && isRecord(value)) {
    const requiredKeys = new Set(Array.isArray(schema.required) ? schema.required : []);
    for (const [key, child] of Object.entries(schema.properties)) {
      if (isRecord(child) && key in value) collect(child, value[key], [...path, key], requiredKeys.has(key), out);
    }
    return;
  }
  if (isRecord(schema.items) && Array.isArray(value)) {
    value.forEach((item, index) => collect(schema.items as JsonSchema, item, [...path, index], true, out));
  }
}

/** Every text field the config contains (nested objects and lists included), whether the schema requires it or not. */
export function textFieldsOf(definition: NodeDefinition, config: unknown): TextField[] {
  const out: TextField[] = [];
  collect(configJsonSchema(definition), config, [], true, out);
  return out;
}
