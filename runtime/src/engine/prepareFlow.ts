import { setImmediate as nextTick } from 'node:timers/promises';
import type { NodeLogger } from '@dialogwerk/nodes';
import type { CompiledFlow } from './compileFlow.js';

/**
 * Runs every node's `prepare` (training an intent matcher, indexing FAQ entries) for a compiled flow, one node per
 * event-loop turn so chat requests keep being served in between. Called after publishing and at start, so the first
 * customer of a new version does not wait for the training. A failing `prepare` is logged; the node then does the
 * work in its first turn as before. Returns how many nodes were prepared.
 */
export async function prepareFlow(flow: CompiledFlow, log: NodeLogger): Promise<number> {
  let prepared = 0;
  for (const node of flow.nodes.values()) {
    if (!node.definition.prepare || node.templated) continue;
    await nextTick();
    try {
      node.definition.prepare(node.config as never);
      prepared++;
    } catch (error) {
      log.warn('preparing a node failed; it will do the work in its first turn', {
        flowId: flow.id, nodeId: node.id, nodeType: node.type, error: error instanceof Error ? error.message : String(error),
      });
    }
  }
  return prepared;
}
