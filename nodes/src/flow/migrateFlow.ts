import { migrateNodeConfig } from '../sdk/migrateNodeConfig.js';
import type { NodeRegistry } from '../sdk/nodeRegistry.js';
import type { FlowDocument } from './flowDocument.js';

export { flowFormatMigrations, migrateFlowFormat, type FlowFormatMigration, type FlowFormatOutcome } from './flowFormatMigrations.js';

/**
 * Brings every node's config forward to its definition's current version. Nodes that cannot be migrated (unknown
 * type, newer than this installation, missing or failing migration) are left as stored: `validateFlow` reports them,
 * and leaving them untouched loses nothing when a newer installation reads the document again.
 */
export function migrateFlow(doc: FlowDocument, registry: NodeRegistry): { flow: FlowDocument; migratedNodes: string[] } {
  const migratedNodes: string[] = [];
  const nodes = doc.nodes.map((node) => {
    const definition = registry.get(node.type);
    if (!definition || node.version === definition.version) return node;
    const outcome = migrateNodeConfig(definition, node.version, node.config);
    if (!outcome.ok) return node;
    migratedNodes.push(node.id);
    return { ...node, version: outcome.version, config: outcome.config };
  });
  return { flow: { ...doc, nodes }, migratedNodes };
}
