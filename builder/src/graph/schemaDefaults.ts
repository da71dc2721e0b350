const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The config a new node starts with: every `default` the JSON Schema declares for the top-level properties (and
 * nested objects that have defaults themselves). Required fields without a default stay empty; the validator names them.
 */
export function schemaDefaults(schema: unknown): Record<string, unknown> {
  if (!isRecord(schema)) return {};
  if (isRecord(schema.default)) return structuredClone(schema.default);
  const properties = isRecord(schema.properties) ? schema.properties : {};
  const config: Record<string, unknown> = {};
  for (const [name, property] of Object.entries(properties)) {
    if (!isRecord(property)) continue;
    if (property.default !== undefined) config[name] = structuredClone(property.default);
    else if (property.type === 'object' && isRecord(property.properties)) {
      const nested = schemaDefaults(property);
      if (Object.keys(nested).length > 0) config[name] = nested;
    }
  }
  return config;
}
