import { fieldModel } from './fieldModel.js';
import { localizedKindLocales } from './localizedValue.js';
import { isPlainObject, pathKey, type FieldPath, type JsonSchema } from './jsonSchema.js';

/**
 * The keys (`pathKey`) of every path the form shows messages at for this value: each field, each array item, each record
 * entry, each locale of a per-locale text. Problems at other paths are listed at the top of the form so none is hidden.
 */
export function shownPaths(schema: JsonSchema, value: unknown, locales: readonly string[], path: FieldPath = [], into = new Set<string>()): Set<string> {
  const model = fieldModel(schema);
  // the form draws an object config as its fields, with no place for messages about the whole config (or the node)
  if (path.length > 0 || model.kind !== 'object') into.add(pathKey(path));
  switch (model.kind) {
    case 'object':
      for (const property of model.properties) shownPaths(property.schema, isPlainObject(value) ? value[property.name] : undefined, locales, [...path, property.name], into);
      break;
    case 'record':
      if (isPlainObject(value)) for (const [key, inner] of Object.entries(value)) shownPaths(model.values, inner, locales, [...path, key], into);
      break;
    case 'array':
      if (Array.isArray(value)) value.forEach((item, index) => shownPaths(model.items, item, locales, [...path, index], into));
      break;
    case 'tuple':
      model.items.forEach((item, index) => shownPaths(item, Array.isArray(value) ? value[index] : undefined, locales, [...path, index], into));
      break;
    case 'localizedText':
    case 'localizedList':
      for (const locale of localizedKindLocales(value, locales)) into.add(pathKey([...path, locale]));
      break;
    default:
      break;
  }
  return into;
}
