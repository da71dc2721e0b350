import type { NodeDefinition } from './defineNode.js';

export type MigrationOutcome =
  | { ok: true; config: Record<string, unknown>; version: number; migrated: boolean }
  | { ok: false; reason: 'newer_than_runtime' | 'missing_migration' | 'migration_failed'; version: number; detail?: string };

/** Brings a stored node config forward to the definition's version, one step at a time. */
export function migrateNodeConfig(
  definition: NodeDefinition,
  version: number,
  config: Record<string, unknown>,
): MigrationOutcome {
  if (version > definition.version) return { ok: false, reason: 'newer_than_runtime', version };
  let current = config;
  for (let from = version; from < definition.version; from++) {
    const step = definition.migrations?.find((migration) => migration.from === from);
    if (!step) return { ok: false, reason: 'missing_migration', version: from };
    try {
      current = step.migrate(structuredClone(current));
    } catch (error) {
      return { ok: false, reason: 'migration_failed', version: from, detail: (error as Error).message };
    }
  }
  return { ok: true, config: current, version: definition.version, migrated: version !== definition.version };
}
