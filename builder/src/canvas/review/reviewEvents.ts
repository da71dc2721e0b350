import { useStore } from 'zustand';
import { createStore } from 'zustand/vanilla';

/** What this tab last did to a flow's published versions. */
export interface ReviewEvent {
  flowId: string;
  kind: 'published' | 'rolledBack';
  /** The version that is live now. */
  version: number;
  /** For a rollback: the version that was published again. */
  from?: number;
}

interface ReviewEventsState {
  /** Counts publishes and rollbacks; the versions list reloads when it changes. */
  stamp: number;
  last: ReviewEvent | null;
  /** The flow whose remounted canvas should show its versions tab again (after a rollback). */
  reopenVersions: string | null;
  note: (event: ReviewEvent) => void;
  /** True once for the flow a rollback asked to reopen the versions tab for. */
  takeReopen: (flowId: string) => boolean;
  /** Forgets the last event once the versions panel has shown it. */
  dismiss: () => void;
}

/**
 * Shared by the publish button and the versions panel. It lives outside the canvas's stores on purpose: a rollback
 * remounts the canvas with the new draft, and the panel still has to say what happened.
 */
export const reviewEvents = createStore<ReviewEventsState>()((set, get) => ({
  stamp: 0,
  last: null,
  reopenVersions: null,
  note: (event) => set((state) => ({ stamp: state.stamp + 1, last: event, reopenVersions: event.kind === 'rolledBack' ? event.flowId : state.reopenVersions })),
  takeReopen: (flowId) => {
    if (get().reopenVersions !== flowId) return false;
    set({ reopenVersions: null });
    return true;
  },
  dismiss: () => set({ last: null }),
}));

export function useReviewEvents<T>(selector: (state: ReviewEventsState) => T): T {
  return useStore(reviewEvents, selector);
}
