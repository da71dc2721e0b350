import { portsOf, waitsForInput, type NodeDefinition, type PortSpec } from '../sdk/defineNode.js';
import { migrateNodeConfig, type MigrationOutcome } from '../sdk/migrateNodeConfig.js';
import type { NodeRegistry } from '../sdk/nodeRegistry.js';
import type { FlowModel, IndexedNode } from './flowModel.js';
import { localizedParse, type LocalizedIssue } from './localizedParse.js';

/** A node as its definition sees it; fields stay absent where an earlier step failed, so later checks skip them. */
export interface ResolvedNode extends IndexedNode {
  definition?: NodeDefinition;
  /** Absent when the type is unknown. */
  migration?: MigrationOutcome;
  /** The config brought forward to the definition's version (or the stored one when that failed). */
  migratedConfig: Record<string, unknown>;
  /** The config parsed by the definition's schema, defaults applied; absent unless it is valid. */
  config?: unknown;
  configIssues?: LocalizedIssue[];
  /** Declared output ports; absent when they depend on a config that could not be read. */
  ports?: PortSpec[];
  /** Whether the node can pause for customer input; absent when unknowable, which the loop check treats as "may". */
  waits?: boolean;
  /** Variables the definition says the node uses by name; absent without a valid config. */
  namedVariables?: string[];
}

/** Definitions are plugin code: a throwing `ports` or `variables` must not take the whole validation down. */
function attempt<T>(read: () => T): T | undefined {
  try {
    return read();
  } catch {
    return undefined;
  }
}

export function resolveNode(indexed: IndexedNode, registry: NodeRegistry): ResolvedNode {
  const { node } = indexed;
  const resolved: ResolvedNode = { ...indexed, migratedConfig: node.config };
  const definition = registry.get(node.type);
  if (!definition) return resolved;
  resolved.definition = definition;
  const migration = migrateNodeConfig(definition, node.version, node.config);
  resolved.migration = migration;
  // A config of a version we cannot reach says nothing reliable about ports, waiting or variables.
  if (!migration.ok) return resolved;
  resolved.migratedConfig = migration.config;

  const parsed = localizedParse(definition.config, migration.config);
  if (parsed.success) {
    const config = parsed.data;
    resolved.config = config;
    resolved.ports = attempt(() => portsOf(definition, config));
    resolved.waits = attempt(() => waitsForInput(definition, config));
    resolved.namedVariables = definition.variables ? attempt(() => definition.variables!(config)) : [];
    return resolved;
  }
  resolved.configIssues = parsed.issues;
  // Without a valid config only what does not depend on it is known.
  if (typeof definition.ports !== 'function') resolved.ports = definition.ports;
  if (typeof definition.waitsForInput !== 'function') resolved.waits = Boolean(definition.waitsForInput);
  return resolved;
}

export function resolveNodes(model: FlowModel, registry: NodeRegistry): ResolvedNode[] {
  return model.nodes.map((indexed) => resolveNode(indexed, registry));
}

/** Edges and the runtime find a node by id; with duplicate ids the first one is the one they reach. */
export function indexById(nodes: ResolvedNode[]): Map<string, ResolvedNode> {
  const byId = new Map<string, ResolvedNode>();
  for (const resolved of nodes) if (!byId.has(resolved.node.id)) byId.set(resolved.node.id, resolved);
  return byId;
}
