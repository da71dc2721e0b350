/** `{{ name }}` placeholders; names follow the variable name rule. */
const placeholder = /\{\{\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\}\}/g;

export type TemplateValue = string | number | boolean | null | undefined | unknown;

export function templateVariables(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(placeholder)) names.push(match[1]!.split('.')[0]!);
  return names;
}

export function hasTemplate(text: string): boolean {
  return text.includes('{{');
}

function formatValue(value: TemplateValue): string {
  if (value === undefined || value === null) return '';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** Fills placeholders; unknown variables become empty so customers never see raw `{{...}}`. */
export function fillTemplate(text: string, lookup: (name: string) => TemplateValue): string {
  if (!hasTemplate(text)) return text;
  return text.replace(placeholder, (_all, path: string) => {
    const [head, ...rest] = path.split('.');
    let value: unknown = lookup(head!);
    for (const key of rest) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    return formatValue(value);
  });
}

/** Applies `fillTemplate` to every string inside a JSON-like value, leaving it untouched when nothing is templated. */
export function fillTemplatesDeep<T>(value: T, lookup: (name: string) => TemplateValue): T {
  if (typeof value === 'string') return fillTemplate(value, lookup) as T;
  if (Array.isArray(value)) return value.map((item) => fillTemplatesDeep(item, lookup)) as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = fillTemplatesDeep(item, lookup);
    return out as T;
  }
  return value;
}

/** True when any string inside the value contains a placeholder; lets the engine skip templating per turn. */
export function containsTemplate(value: unknown): boolean {
  if (typeof value === 'string') return hasTemplate(value);
  if (Array.isArray(value)) return value.some(containsTemplate);
  if (value && typeof value === 'object') return Object.values(value).some(containsTemplate);
  return false;
}

/** All variable names referenced by placeholders anywhere inside a JSON-like value. */
export function collectTemplateVariables(value: unknown, into: Set<string> = new Set()): Set<string> {
  if (typeof value === 'string') for (const name of templateVariables(value)) into.add(name);
  else if (Array.isArray(value)) for (const item of value) collectTemplateVariables(item, into);
  else if (value && typeof value === 'object') for (const item of Object.values(value)) collectTemplateVariables(item, into);
  return into;
}

/** What a withheld `pii` variable becomes in a template (see `NodeDefinition.withholdsPii`): its name, not its value. */
export function withheldPii(name: string): string {
  return `[${name}]`;
}

/**
 * Fills a node config's templates with pii variables withheld (see `NodeDefinition.withholdsPii`): in every field
 * (`true`), in the listed top-level fields only, or nowhere (`false`).
 */
export function fillTemplatesWithholding<T>(
  config: T,
  lookup: (name: string) => TemplateValue,
  withheld: ReadonlySet<string>,
  fields: boolean | readonly string[],
): T {
  if (fields === false || withheld.size === 0) return fillTemplatesDeep(config, lookup);
  const hidden = withholdingLookup(lookup, withheld);
  if (fields === true || !config || typeof config !== 'object' || Array.isArray(config)) return fillTemplatesDeep(config, hidden);
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(config)) out[key] = fillTemplatesDeep(value, fields.includes(key) ? hidden : lookup);
  return out as T;
}

/** Wraps a template lookup so that the named (pii) variables yield their placeholder instead of their value. */
export function withholdingLookup(lookup: (name: string) => TemplateValue, withheld: ReadonlySet<string>): (name: string) => TemplateValue {
  if (withheld.size === 0) return lookup;
  return (name) => (withheld.has(name) ? withheldPii(name) : lookup(name));
}
