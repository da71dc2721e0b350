import { fieldModel } from './fieldModel.js';
import { isPlainObject, type FieldPath, type JsonSchema } from './jsonSchema.js';

/** A problem found in the browser before the runtime's validation answers; `code` is an i18n key under `inspector:check`. */
export interface SchemaCheck {
  path: FieldPath;
  code: 'required' | 'minimum' | 'maximum' | 'minLength' | 'maxLength' | 'pattern' | 'minItems' | 'maxItems' | 'notANumber' | 'integer';
  limit?: number | string;
}

/**
 * Basic checks of a config against its schema: required properties, number limits, string length and pattern, list length,
 * record keys. Not a full JSON Schema validator: the runtime's validation stays the judge; these give instant feedback.
 */
export function checkValue(schema: JsonSchema, value: unknown, path: FieldPath = []): SchemaCheck[] {
  if (value === undefined) return [];
  const model = fieldModel(schema);
  const found: SchemaCheck[] = [];
  switch (model.kind) {
    case 'object':
      if (!isPlainObject(value)) break;
      for (const property of model.properties) {
        const inner = value[property.name];
        if (property.required && isMissing(inner)) found.push({ path: [...path, property.name], code: 'required' });
        else found.push(...checkValue(property.schema, inner, [...path, property.name]));
      }
      break;
    case 'record':
      if (!isPlainObject(value)) break;
      for (const [key, inner] of Object.entries(value)) {
        if (model.keys) found.push(...checkString(model.keys, key, [...path, key]));
        found.push(...checkValue(model.values, inner, [...path, key]));
      }
      break;
    case 'array':
    case 'enumSet':
      if (!Array.isArray(value)) break;
      found.push(...checkLength(schema, value.length, path));
      if (model.kind === 'array') value.forEach((item, index) => found.push(...checkValue(model.items, item, [...path, index])));
      break;
    case 'tuple':
      if (Array.isArray(value)) model.items.forEach((item, index) => found.push(...checkValue(item, value[index], [...path, index])));
      break;
    case 'number':
      found.push(...checkNumber(schema, value, model.integer, path));
      break;
    case 'string':
    case 'variable':
      if (typeof value === 'string') found.push(...checkString(schema, value, path));
      break;
    default:
      break;
  }
  return found;
}

/** Empty inputs count as missing: the form omits them, so the runtime would report them missing too. */
function isMissing(value: unknown): boolean {
  return value === undefined || value === '';
}

function checkNumber(schema: JsonSchema, value: unknown, integer: boolean, path: FieldPath): SchemaCheck[] {
  if (typeof value !== 'number' || Number.isNaN(value)) return [{ path, code: 'notANumber' }];
  if (integer && !Number.isInteger(value)) return [{ path, code: 'integer' }];
  if (schema.minimum !== undefined && value < schema.minimum) return [{ path, code: 'minimum', limit: schema.minimum }];
  if (schema.exclusiveMinimum !== undefined && value <= schema.exclusiveMinimum) return [{ path, code: 'minimum', limit: schema.exclusiveMinimum }];
  if (schema.maximum !== undefined && value > schema.maximum) return [{ path, code: 'maximum', limit: schema.maximum }];
  if (schema.exclusiveMaximum !== undefined && value >= schema.exclusiveMaximum) return [{ path, code: 'maximum', limit: schema.exclusiveMaximum }];
  return [];
}

function checkString(schema: JsonSchema, value: string, path: FieldPath): SchemaCheck[] {
  if (schema.minLength !== undefined && value.length < schema.minLength) return [{ path, code: schema.minLength === 1 ? 'required' : 'minLength', limit: schema.minLength }];
  if (schema.maxLength !== undefined && value.length > schema.maxLength) return [{ path, code: 'maxLength', limit: schema.maxLength }];
  if (schema.pattern !== undefined && !matches(schema.pattern, value)) return [{ path, code: 'pattern' }];
  return [];
}

function checkLength(schema: JsonSchema, length: number, path: FieldPath): SchemaCheck[] {
  if (schema.minItems !== undefined && length < schema.minItems) return [{ path, code: 'minItems', limit: schema.minItems }];
  if (schema.maxItems !== undefined && length > schema.maxItems) return [{ path, code: 'maxItems', limit: schema.maxItems }];
  return [];
}

/** Schema patterns are ECMAScript regexes; one the browser cannot compile is left to the runtime. */
function matches(pattern: string, value: string): boolean {
  try {
    return new RegExp(pattern, 'u').test(value);
  } catch {
    return true;
  }
}
