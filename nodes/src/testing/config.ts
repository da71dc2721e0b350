import type { z } from 'zod';
import type { NodeDefinition } from '../sdk/defineNode.js';
import { migrateNodeConfig } from '../sdk/migrateNodeConfig.js';
import { NodeConfigError, NodeRunError, type ConfigIssue } from './errors.js';

function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (typeof key === 'string' && /^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key;
    else out += `[${JSON.stringify(String(key))}]`;
  }
  return out;
}

/** Zod issues as `{ path, message }` lines, including those nested in unions. */
export function configIssues(error: z.ZodError): ConfigIssue[] {
  return error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
}

/**
 * Prepares a node config like the engine compiles a flow: migrates it from `version` (default: the definition's
 * version), then parses it with the node's schema so defaults apply. Throws a NodeConfigError listing every issue.
 */
export function parseNodeConfig<Schema extends z.ZodType>(
  definition: NodeDefinition<Schema>,
  config: unknown,
  version: number = definition.version,
): z.output<Schema> {
  let raw = config;
  if (version !== definition.version) {
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      throw new NodeConfigError(definition.type, [{ path: '', message: 'a config to migrate must be an object' }]);
    }
    const migrated = migrateNodeConfig(definition as NodeDefinition, version, raw as Record<string, unknown>);
    if (!migrated.ok) {
      const detail = migrated.detail ? `: ${migrated.detail}` : '';
      throw new NodeRunError(
        'migration_failed',
        `Config of node type "${definition.type}" cannot be migrated from version ${version} to ${definition.version} ` +
          `(${migrated.reason} at version ${migrated.version}${detail})`,
        { nodeType: definition.type },
      );
    }
    raw = migrated.config;
  }
  const parsed = definition.config.safeParse(raw);
  if (!parsed.success) throw new NodeConfigError(definition.type, configIssues(parsed.error));
  return parsed.data as z.output<Schema>;
}
