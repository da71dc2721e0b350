import {
  migrateNodeConfig,
  portsOf,
  containsTemplate,
  type FlowDocument,
  type NodeDefinition,
  type NodeRegistry,
} from '@dialogwerk/nodes';

export interface CompiledNode {
  id: string;
  type: string;
  definition: NodeDefinition;
  /** Who provides the type (`core`, a plugin): named in every failure log, so an operator knows whose code failed. */
  source: string;
  /** Parsed config with schema defaults applied; templates still unfilled. */
  config: unknown;
  /** Whether any string in the config holds a `{{placeholder}}`, so untemplated nodes skip the per-turn copy. */
  templated: boolean;
  sensitive: boolean;
  ports: Set<string>;
  errorPort?: string;
  targets: Map<string, string>;
}

export interface CompiledFlow {
  id: string;
  /** Published version number; null for drafts run as test conversations. */
  version: number | null;
  versionId: number;
  document: FlowDocument;
  locales: string[];
  start: string;
  nodes: Map<string, CompiledNode>;
  variableTypes: Map<string, string>;
  piiVariables: Set<string>;
}

export class FlowCompileError extends Error {}

/** Turns a validated document into lookup tables so each engine step is a few map reads. */
export function compileFlow(
  document: FlowDocument,
  registry: NodeRegistry,
  meta: { version: number | null; versionId: number },
): CompiledFlow {
  const nodes = new Map<string, CompiledNode>();
  for (const node of document.nodes) {
    const definition = registry.get(node.type);
    if (!definition) throw new FlowCompileError(`node "${node.id}" has unknown type "${node.type}"`);
    const migrated = migrateNodeConfig(definition, node.version ?? 1, node.config ?? {});
    if (!migrated.ok) throw new FlowCompileError(`node "${node.id}" cannot be migrated: ${migrated.reason}`);
    const parsed = definition.config.safeParse(migrated.config);
    if (!parsed.success) throw new FlowCompileError(`node "${node.id}" has an invalid config: ${parsed.error.message}`);
    const ports = portsOf(definition, parsed.data);
    nodes.set(node.id, {
      id: node.id,
      type: node.type,
      definition,
      source: registry.sourceOf(node.type) ?? 'unknown',
      config: parsed.data,
      templated: containsTemplate(parsed.data),
      sensitive: node.sensitive === true,
      ports: new Set(ports.map((port) => port.id)),
      errorPort: ports.find((port) => port.kind === 'error' || port.id === 'error')?.id,
      targets: new Map(),
    });
  }
  for (const edge of document.edges) nodes.get(edge.from.node)?.targets.set(edge.from.port, edge.to);
  if (!nodes.has(document.start)) throw new FlowCompileError(`start node "${document.start}" does not exist`);
  const variableTypes = new Map(Object.entries(document.variables).map(([name, variable]) => [name, variable.type]));
  const piiVariables = new Set(Object.entries(document.variables).filter(([, v]) => v.pii).map(([name]) => name));
  return {
    id: document.id,
    version: meta.version,
    versionId: meta.versionId,
    document,
    locales: document.locales,
    start: document.start,
    nodes,
    variableTypes,
    piiVariables,
  };
}
