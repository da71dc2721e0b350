import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { validateFlow, type NodeRegistry } from '@dialogwerk/nodes';
import type { FlowRepository } from '../flows/flowRepository.js';
import type { Logger } from '../logging/logger.js';

/** Publishes the bundled example flows on a fresh database so a newcomer can chat right away; never overwrites. */
export async function seedExampleFlows(flows: FlowRepository, registry: NodeRegistry, directory: string, log: Logger): Promise<string[]> {
  const seeded: string[] = [];
  let files: string[];
  try {
    files = readdirSync(directory).filter((file) => file.endsWith('.json')).sort();
  } catch {
    return seeded;
  }
  for (const file of files) {
    const result = validateFlow(JSON.parse(readFileSync(path.join(directory, file), 'utf8')), registry);
    if (!result.ok || !result.flow) {
      log.warn(`example flow ${file} is invalid and was skipped`, { problems: result.problems.map((p) => p.code) });
      continue;
    }
    if (await flows.get(result.flow.id)) continue;
    await flows.saveDraft(result.flow);
    await flows.publish(result.flow.id, result.flow, 'example', 'dialogwerk');
    seeded.push(result.flow.id);
  }
  return seeded;
}
