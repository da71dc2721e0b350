import type { Json } from './defineNode.js';

/**
 * Converts a value to the declared variable type where that is lossless, so conditions compare sensibly. The engine
 * and the node test kit both use this, so a node behaves the same under test as in production.
 */
export function coerceToVariableType(type: string | undefined, value: Json): Json {
  if (type === 'number' && typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value);
  if (type === 'boolean' && typeof value === 'string') {
    if (/^(true|ja|yes)$/i.test(value.trim())) return true;
    if (/^(false|nein|no)$/i.test(value.trim())) return false;
  }
  if (type === 'string' && (typeof value === 'number' || typeof value === 'boolean')) return String(value);
  return value;
}
