import type { NodeRegistry } from '@dialogwerk/nodes';
import { compileFlow, type CompiledFlow } from '../engine/compileFlow.js';
import type { FlowRepository } from '../flows/flowRepository.js';

/** Flow versions are immutable, so a compiled version can be kept for as long as memory allows. */
export class CompiledFlowCache {
  readonly #cache = new Map<number, Promise<CompiledFlow | undefined>>();

  constructor(
    private readonly flows: FlowRepository,
    private readonly registry: NodeRegistry,
    private readonly capacity = 500,
  ) {}

  get(versionId: number): Promise<CompiledFlow | undefined> {
    let entry = this.#cache.get(versionId);
    if (!entry) {
      entry = this.flows.versionById(versionId).then((stored) =>
        stored ? compileFlow(stored.document, this.registry, { version: stored.version, versionId }) : undefined,
      );
      entry.catch(() => this.#cache.delete(versionId));
      this.#cache.set(versionId, entry);
      if (this.#cache.size > this.capacity) this.#cache.delete(this.#cache.keys().next().value!);
    }
    return entry;
  }
}
