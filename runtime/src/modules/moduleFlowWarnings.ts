import type { FlowProblem } from '@dialogwerk/nodes';
import type { RuntimeModule } from './runtimeModule.js';

/** Collects the environment-dependent flow warnings of every module (see `RuntimeModule.flowWarnings`). */
export async function moduleFlowWarnings(modules: RuntimeModule[] | undefined, document: unknown): Promise<FlowProblem[]> {
  const lists = await Promise.all((modules ?? []).map((module) => module.flowWarnings?.(document) ?? []));
  return lists.flat();
}
