import type { NodeRegistry } from '@dialogwerk/nodes';
import type { FlowRepository } from '../flows/flowRepository.js';
import type { Logger } from '../logging/logger.js';
import { loadFlowFolder } from './loadFlowFolder.js';

/** Publishes the bundled example flows on a fresh database so a newcomer can chat right away; never overwrites. */
export async function seedExampleFlows(flows: FlowRepository, registry: NodeRegistry, directory: string, log: Logger): Promise<string[]> {
  const seeded: string[] = [];
  for (const flow of await loadFlowFolder(directory, registry, log)) {
    if (await flows.get(flow.id)) continue;
    await flows.saveDraft(flow);
    await flows.publish(flow.id, flow, 'example', 'dialogwerk');
    seeded.push(flow.id);
  }
  return seeded;
}
