import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { validateFlow, type FlowDocument, type NodeRegistry } from '@dialogwerk/nodes';
import type { Logger } from '../logging/logger.js';

/**
 * Reads every valid flow document in `directory`, sorted by file name. Files that are not JSON or not a valid flow for
 * this runtime's nodes are left out (and logged); a second file with an id already seen is ignored.
 */
export async function loadFlowFolder(directory: string, registry: NodeRegistry, log?: Logger): Promise<FlowDocument[]> {
  let files: string[];
  try {
    files = (await readdir(directory)).filter((file) => file.endsWith('.json')).sort();
  } catch {
    return [];
  }
  const templates = new Map<string, FlowDocument>();
  for (const file of files) {
    let input: unknown;
    try {
      input = JSON.parse(await readFile(path.join(directory, file), 'utf8'));
    } catch {
      log?.warn(`flow file ${file} is not readable JSON and was skipped`);
      continue;
    }
    const result = validateFlow(input, registry);
    if (!result.ok || !result.flow) {
      log?.warn(`flow file ${file} is not a valid flow and was skipped`, { problems: result.problems.map((p) => p.code) });
      continue;
    }
    if (!templates.has(result.flow.id)) templates.set(result.flow.id, result.flow);
  }
  return [...templates.values()];
}
