import type { Logger } from '../logging/logger.js';
import type { RuntimeModule } from './runtimeModule.js';

/**
 * Passes "these conversations were deleted" from the module that deleted them to the conversation cache and to every
 * module. Modules are created before the conversation service exists, so both are attached afterwards; a deletion
 * reported before that (during module start) has nothing cached to evict and reaches the modules attached by then.
 */
export class ConversationDeletions {
  #evict: (conversationId: string) => void = () => {};
  #modules: RuntimeModule[] = [];

  constructor(private readonly log: Logger) {}

  attach(modules: RuntimeModule[], evict: (conversationId: string) => void): void {
    this.#modules = modules;
    this.#evict = evict;
  }

  async report(conversationIds: string[]): Promise<void> {
    if (conversationIds.length === 0) return;
    for (const id of conversationIds) this.#evict(id);
    for (const module of this.#modules) {
      try {
        await module.onConversationsDeleted?.(conversationIds);
      } catch (error) {
        // The data stays behind only until the module's own sweep (files: retention sweep) finds it orphaned.
        this.log.error('cleaning up deleted conversations failed', { module: module.name, error: String(error) });
      }
    }
  }
}
