import { ApiError } from '../api/apiError.js';
import type { FlowDocument, SaveDraftResult } from '../api/types.js';

export type SaveStatus =
  | { state: 'idle' }
  | { state: 'pending' }
  | { state: 'saving' }
  | { state: 'saved' }
  | { state: 'conflict' }
  | { state: 'error'; error: unknown };

export const FLOW_REVISION_CONFLICT = 'FLOW_REVISION_CONFLICT';

export interface AutosaveOptions {
  /** The revision the loaded draft has; every save must be over the latest revision this tab wrote. */
  revision: number;
  save: (document: FlowDocument, revision: number) => Promise<SaveDraftResult>;
  onStatus: (status: SaveStatus) => void;
  delayMs?: number;
}

/**
 * Debounced saving of the draft: one PUT at a time, the latest document wins, each save carries the revision it
 * builds on. A conflict (another tab saved) stops autosaving for good, so this tab never overwrites the other's work.
 */
export class Autosave {
  #revision: number;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #pending: (() => FlowDocument) | undefined;
  #inFlight: Promise<void> | undefined;
  #stopped = false;
  /** Why the last save failed (cleared by a successful one); a conflict stays for good. */
  #failure: unknown;
  readonly #options: AutosaveOptions;

  constructor(options: AutosaveOptions) {
    this.#options = options;
    this.#revision = options.revision;
  }

  get revision(): number {
    return this.#revision;
  }

  /** Schedules a save; `read` is called when it runs, so the newest document is sent. */
  schedule(read: () => FlowDocument): void {
    if (this.#stopped) return;
    this.#pending = read;
    this.#options.onStatus({ state: 'pending' });
    clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.flush(), this.#options.delayMs ?? 800);
  }

  /** Saves what is pending now (and waits for a save already running first). */
  async flush(): Promise<void> {
    clearTimeout(this.#timer);
    this.#timer = undefined;
    while (this.#inFlight) await this.#inFlight;
    const read = this.#pending;
    if (!read || this.#stopped) return;
    this.#pending = undefined;
    this.#inFlight = this.#run(read());
    try {
      await this.#inFlight;
    } finally {
      this.#inFlight = undefined;
    }
  }

  /**
   * Saves now and resolves once the server has the newest document, or rejects with why it could not (a conflict, a
   * network error). After a failed save `read` supplies the document again, since the failed one was consumed.
   */
  async saveNow(read: () => FlowDocument): Promise<void> {
    if (!this.#stopped && !this.#pending && this.#failure !== undefined) this.#pending = read;
    await this.flush();
    if (this.#failure !== undefined) throw this.#failure;
  }

  async #run(document: FlowDocument): Promise<void> {
    this.#options.onStatus({ state: 'saving' });
    try {
      const result = await this.#options.save(document, this.#revision);
      this.#revision = result.revision;
      this.#failure = undefined;
      if (!this.#pending) this.#options.onStatus({ state: 'saved' });
    } catch (error) {
      this.#failure = error;
      if (error instanceof ApiError && error.status === 409 && error.code === FLOW_REVISION_CONFLICT) {
        this.#stopped = true;
        this.#pending = undefined;
        this.#options.onStatus({ state: 'conflict' });
      } else {
        this.#options.onStatus({ state: 'error', error });
      }
    }
  }

  dispose(): void {
    clearTimeout(this.#timer);
    this.#stopped = true;
  }
}
