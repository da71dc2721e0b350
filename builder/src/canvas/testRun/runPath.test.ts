import { describe, expect, it } from 'vitest';
import type { TranscriptEvent } from '../../api/types.js';
import { runHighlight, type RunEdge } from './runPath.js';

const turn = 0;
const at = '2025-01-01T00:00:00Z';
const entered = (nodeId: string): TranscriptEvent => ({ turn, type: 'node_entered', nodeId, createdAt: at });
const left = (nodeId: string, port: string | null): TranscriptEvent => ({ turn, type: 'node_left', nodeId, port, createdAt: at });
const message = (nodeId: string): TranscriptEvent => ({
  turn,
  type: 'message',
  nodeId,
  message: { id: `m-${nodeId}`, role: 'bot', text: 'Hallo', createdAt: at },
  createdAt: at,
});

const edges: RunEdge[] = [
  { id: 'e1', source: 'welcome', sourceHandle: 'next' },
  { id: 'e2', source: 'topic', sourceHandle: 'offer' },
  { id: 'e3', source: 'topic', sourceHandle: 'other' },
  { id: 'e4', source: 'name', sourceHandle: 'next' },
  { id: 'e5', source: 'rooms', sourceHandle: 'next' },
];

describe('runHighlight', () => {
  it('is empty before anything happened', () => {
    const run = runHighlight({ events: [], state: { waitingNodeId: null, variables: {} } }, edges);
    expect(run).toEqual({ activeNodeId: null, visitedNodeIds: new Set(), takenEdgeIds: new Set() });
  });

  it('marks entered nodes, the edges behind the ports taken, and the node waiting for an answer', () => {
    const events = [entered('welcome'), message('welcome'), left('welcome', 'next'), entered('topic'), message('topic'), left('topic', 'other'), entered('name')];
    const run = runHighlight({ events, state: { waitingNodeId: 'name', variables: {} } }, edges);
    expect(run.activeNodeId).toBe('name');
    expect([...run.visitedNodeIds]).toEqual(['welcome', 'topic', 'name']);
    // topic left through "other": e3, not e2 which starts at the same node.
    expect([...run.takenEdgeIds]).toEqual(['e1', 'e3']);
  });

  it('uses the waiting node even when the last entered node is another one (a retry after an invalid answer)', () => {
    const events = [entered('topic'), left('topic', 'offer'), entered('name')];
    expect(runHighlight({ events, state: { waitingNodeId: 'topic', variables: {} } }, edges).activeNodeId).toBe('topic');
  });

  it('falls back to the last entered node once the conversation ended or was handed off', () => {
    const events = [entered('welcome'), left('welcome', 'next'), entered('topic'), left('topic', null)];
    const run = runHighlight({ events, state: { waitingNodeId: null, variables: {} } }, edges);
    expect(run.activeNodeId).toBe('topic');
    expect([...run.takenEdgeIds]).toEqual(['e1']);
  });

  it('falls back to the last entered node for a transcript without state (an older runtime)', () => {
    expect(runHighlight({ events: [entered('welcome'), entered('topic')] }, edges).activeNodeId).toBe('topic');
  });

  it('ignores ports with no edge on the canvas and edges without a port', () => {
    const events = [entered('name'), left('name', 'invalid'), left('ghost', 'next')];
    const run = runHighlight({ events, state: { waitingNodeId: null, variables: {} } }, [...edges, { id: 'loose', source: 'name', sourceHandle: null }]);
    expect(run.takenEdgeIds.size).toBe(0);
  });

  it('does not mix up node and port names that join to the same text', () => {
    const tricky: RunEdge[] = [
      { id: 'a', source: 'x:y', sourceHandle: 'z' },
      { id: 'b', source: 'x', sourceHandle: 'y:z' },
    ];
    const run = runHighlight({ events: [left('x', 'y:z')], state: { waitingNodeId: null, variables: {} } }, tricky);
    expect([...run.takenEdgeIds]).toEqual(['b']);
  });
});
