import { ApiError } from '../apiError.js';
import type { ListFilter } from './contactStore.js';

const invalid = (de: string, en: string, details?: unknown) => new ApiError(400, 'INVALID_QUERY', { de, en }, details);

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * `from`/`to` as dates (both inclusive, UTC days) or ISO date-times (`to` exclusive), the way the KPI route reads
 * them; returned as ISO instants for comparison with stored `created_at` text.
 */
export function periodOf(from: string | undefined, to: string | undefined): { from?: string; to?: string } {
  const instant = (value: string, name: string, endOfDay: boolean): string => {
    if (DATE.test(value)) {
      const start = new Date(`${value}T00:00:00.000Z`);
      if (Number.isNaN(start.getTime()) || start.toISOString().slice(0, 10) !== value) {
        throw invalid(`${name} ist kein gültiges Datum.`, `${name} is not a valid date.`, { [name]: value });
      }
      return endOfDay ? new Date(start.getTime() + 86_400_000).toISOString() : start.toISOString();
    }
    const parsed = new Date(value);
    if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(parsed.getTime())) {
      throw invalid(`${name} muss ein Datum (JJJJ-MM-TT) oder ein ISO-Zeitpunkt sein.`, `${name} must be a date (YYYY-MM-DD) or an ISO date-time.`, { [name]: value });
    }
    return parsed.toISOString();
  };
  return { ...(from ? { from: instant(from, 'from', false) } : {}), ...(to ? { to: instant(to, 'to', true) } : {}) };
}

function integerOf(raw: string | undefined, name: string, fallback: number, min: number, max: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw invalid(`${name} muss eine ganze Zahl von ${min} bis ${max} sein.`, `${name} must be an integer from ${min} to ${max}.`, { [name]: raw });
  }
  return value;
}

/** The common list query: `q`, `flowId`, `from`, `to`, `test=true|false`, `limit` (1–500, default 50), `offset`. */
export function listFilterOf(query: Record<string, string>, maxLimit = 500): ListFilter {
  const { q, flowId, test } = query;
  if (test !== undefined && test !== 'true' && test !== 'false') throw invalid('test ist true oder false.', 'test is true or false.', { test });
  return {
    ...(q ? { q } : {}),
    ...(flowId ? { flowId } : {}),
    ...periodOf(query.from, query.to),
    ...(test !== undefined ? { isTest: test === 'true' } : {}),
    limit: integerOf(query.limit, 'limit', 50, 1, maxLimit),
    offset: integerOf(query.offset, 'offset', 0, 0, Number.MAX_SAFE_INTEGER),
  };
}
