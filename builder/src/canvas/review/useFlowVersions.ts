import { useAdminClient } from '../../api/AdminClientContext.js';
import type { FlowVersion } from '../../api/types.js';
import { useLoader, type Loaded } from '../../hooks/useLoader.js';
import { useReviewEvents } from './reviewEvents.js';

export interface FlowVersions {
  /** Newest first. */
  versions: FlowVersion[];
  /** The live version, or null before the first publish. */
  publishedVersion: number | null;
}

/** A flow's published versions and which one is live; reloads after every publish or rollback in this tab. */
export function useFlowVersions(flowId: string): Loaded<FlowVersions> {
  const client = useAdminClient();
  const stamp = useReviewEvents((state) => state.stamp);
  return useLoader(
    async (signal) => {
      const history = await client.versionHistory(flowId, signal);
      return { versions: [...history.items].sort((a, b) => b.version - a.version), publishedVersion: history.publishedVersion };
    },
    [client, flowId, stamp],
  );
}
