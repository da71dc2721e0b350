import type { ConversationTranscript, TranscriptEvent } from '../../api/types.js';
import type { RunHighlight } from '../canvasUiStore.js';

/** What an edge needs to be matched to a port the conversation took: React Flow's `source` and `sourceHandle` (the port). */
export interface RunEdge {
  id: string;
  source: string;
  sourceHandle?: string | null;
}

/**
 * Where a test conversation has been, for the canvas: every node it entered, every edge it followed (a `node_left`
 * from node N through port P followed the edge from N's port P) and the node it stands at now: the one waiting for
 * an answer, else (ended, handed off) the last one it entered.
 */
export function runHighlight(
  transcript: Pick<ConversationTranscript, 'events' | 'state'>,
  edges: readonly RunEdge[],
): RunHighlight {
  const edgeByPort = new Map<string, string>();
  for (const edge of edges) if (edge.sourceHandle) edgeByPort.set(portKey(edge.source, edge.sourceHandle), edge.id);

  const visitedNodeIds = new Set<string>();
  const takenEdgeIds = new Set<string>();
  let lastEntered: string | null = null;
  for (const event of transcript.events) {
    if (event.type === 'node_entered' && event.nodeId) {
      visitedNodeIds.add(event.nodeId);
      lastEntered = event.nodeId;
    } else if (isPortTaken(event)) {
      const edgeId = edgeByPort.get(portKey(event.nodeId, event.port));
      if (edgeId) takenEdgeIds.add(edgeId);
    }
  }
  return { activeNodeId: transcript.state?.waitingNodeId ?? lastEntered, visitedNodeIds, takenEdgeIds };
}

function isPortTaken(event: TranscriptEvent): event is TranscriptEvent & { nodeId: string; port: string } {
  return event.type === 'node_left' && typeof event.nodeId === 'string' && typeof event.port === 'string';
}

const portKey = (nodeId: string, port: string) => JSON.stringify([nodeId, port]);
