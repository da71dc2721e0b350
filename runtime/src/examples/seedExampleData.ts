import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logging/logger.js';
import { loadSetupSteps, runSetupSteps, type AdminRequest } from './setupSteps.js';

/**
 * Runs `<directory>/<flowId>.setup.yaml` for each example flow that was just seeded (products for the shop example),
 * so `npm start` shows every example working. The same files prepare the examples' conversation specs. A failing
 * setup is logged, not fatal: the server is still useful without one example's data.
 */
export async function seedExampleData(seededFlowIds: string[], directory: string, request: AdminRequest, log: Logger): Promise<void> {
  for (const flowId of seededFlowIds) {
    const file = path.join(directory, `${flowId}.setup.yaml`);
    if (!existsSync(file)) continue;
    try {
      await runSetupSteps(loadSetupSteps(file), directory, request);
    } catch (error) {
      log.warn(`example data for ${flowId} could not be set up`, { error: (error as Error).message });
    }
  }
}
