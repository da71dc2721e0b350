import type { Json, VariableAccess } from '../../sdk/defineNode.js';
import type { LeadFields } from '../../sdk/services/contacts.js';
import { parsePhone } from '../../input/index.js';
import type { CaptureLeadConfig, StandardLeadField } from './captureLead.node.js';

function asText(value: Json | undefined): string | undefined {
  if (value === undefined || value === null) return undefined;
  const text = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  return text.trim() === '' ? undefined : text;
}

/** File variables hold an upload id, a list of them, or upload records with an `id`. */
function fileIds(value: Json | undefined): string[] | undefined {
  const items = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value];
  const ids = items.flatMap((item) => {
    if (typeof item === 'string' && item !== '') return [item];
    if (item && typeof item === 'object' && !Array.isArray(item) && typeof item.id === 'string') return [item.id];
    return [];
  });
  return ids.length > 0 ? ids : undefined;
}

export interface CollectedFields {
  fields: LeadFields;
  /** Lead fields left out because their variable holds an answer to a `sensitive` node. */
  withheld: string[];
}

/**
 * Reads the mapped variables into lead fields: emails lower-cased, phone numbers in E.164 where they parse (the
 * contacts store de-duplicates on both). Answers given at `sensitive` nodes are never copied: the contract keeps them
 * out of the database in clear, and a lead is stored in clear.
 */
export function collectLeadFields(config: CaptureLeadConfig, vars: VariableAccess, phoneLocale: string): CollectedFields {
  const fields: LeadFields = {};
  const withheld: string[] = [];
  const read = (field: string, variable: string): Json | undefined => {
    if (vars.isSecret?.(variable)) {
      if (vars.get(variable) !== undefined) withheld.push(field);
      return undefined;
    }
    return vars.get(variable);
  };
  for (const [field, variable] of Object.entries(config.fields) as [StandardLeadField, string | undefined][]) {
    if (!variable) continue;
    const value = read(field, variable);
    if (field === 'files') {
      const ids = fileIds(value);
      if (ids) fields.files = ids;
      continue;
    }
    const text = asText(value);
    if (text === undefined) continue;
    if (field === 'email') fields.email = text.trim().toLowerCase();
    else if (field === 'phone') {
      const parsed = parsePhone(text, phoneLocale);
      fields.phone = parsed.ok ? String(parsed.value) : text.trim();
    } else fields[field] = text;
  }
  for (const [key, variable] of Object.entries(config.custom ?? {})) {
    const value = read(key, variable);
    if (value === undefined || value === null || value === '') continue;
    (fields.custom ??= {})[key] = value;
  }
  return { fields, withheld };
}
