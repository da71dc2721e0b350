import type { AdminClient } from '../api/adminClient.js';
import { ApiError } from '../api/apiError.js';
import type { FlowDocument } from '../api/types.js';

export const REVISION_CONFLICT = 'FLOW_REVISION_CONFLICT';

export function isRevisionConflict(error: unknown): boolean {
  return error instanceof ApiError && error.code === REVISION_CONFLICT;
}

/**
 * Stores `document` as a NEW flow: the PUT carries revision 0, so the runtime refuses (409) instead of overwriting a
 * flow that already has this id. Drafts with validation errors are copied as they are, like the canvas stores them.
 */
export function createFlow(client: AdminClient, document: FlowDocument) {
  return client.saveDraftOver(document, 0);
}

/**
 * Creates a copy under the first free id `nextId` proposes; when another tab took that id in the meantime, the next
 * one is tried (a few times, then the conflict is reported).
 */
export async function createFlowUnderFreeId(
  client: AdminClient,
  taken: string[],
  build: (taken: string[]) => FlowDocument,
): Promise<FlowDocument> {
  const used = [...taken];
  for (let attempt = 0; ; attempt++) {
    const document = build(used);
    try {
      await createFlow(client, document);
      return document;
    } catch (error) {
      if (!isRevisionConflict(error) || attempt >= 4) throw error;
      used.push(document.id);
    }
  }
}
