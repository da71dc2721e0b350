import { FLOW_FORMAT } from './flowDocument.js';

/**
 * Converts a whole stored document from one `format` to the next, before the schema sees it. When the document shape
 * changes, `FLOW_FORMAT` and the schema move to the new format and a migration from the old one is added here, e.g.
 * `{ from: 'dialogwerk.flow/1', to: 'dialogwerk.flow/2', migrate: (doc) => ({ ...doc, format: 'dialogwerk.flow/2' }) }`,
 * so documents saved by older versions keep loading. Steps chain until the current format is reached.
 */
export interface FlowFormatMigration {
  from: string;
  to: string;
  /** Receives a copy; returns the document in format `to` (setting `format` is done for it). */
  migrate(doc: Record<string, unknown>): Record<string, unknown>;
}

export const flowFormatMigrations: readonly FlowFormatMigration[] = [];

export type FlowFormatOutcome =
  | { ok: true; doc: unknown; migratedFrom?: string }
  | { ok: false; format: string; detail?: string };

/**
 * Brings a stored document to the current format. Documents without a string `format` or already current pass
 * through untouched, so the schema reports what is wrong with them.
 */
export function migrateFlowFormat(
  input: unknown,
  migrations: readonly FlowFormatMigration[] = flowFormatMigrations,
  current: string = FLOW_FORMAT,
): FlowFormatOutcome {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) return { ok: true, doc: input };
  const original = (input as Record<string, unknown>).format;
  if (typeof original !== 'string' || original === current) return { ok: true, doc: input };

  let doc = input as Record<string, unknown>;
  let format = original;
  // Each format is left at most once; a migration list that loops must not hang validation.
  for (let step = 0; step < migrations.length && format !== current; step++) {
    const migration = migrations.find((candidate) => candidate.from === format);
    if (!migration) break;
    try {
      doc = { ...migration.migrate(structuredClone(doc)), format: migration.to };
    } catch (error) {
      return { ok: false, format: original, detail: (error as Error).message };
    }
    format = migration.to;
  }
  return format === current ? { ok: true, doc, migratedFrom: original } : { ok: false, format: original };
}
