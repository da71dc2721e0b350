import type { TurnOutcome } from '../engine/runTurn.js';
import type { EventRow } from '../engine/turnCommitter.js';
import type { InStatement } from '@libsql/client';

export interface ConversationIdentity {
  id: string;
  workspaceId: string;
  flowId: string;
}

/** Transcript rows for a turn's events; messages keep role, id and text, other events their data. */
export function eventRows(conversation: ConversationIdentity, turn: number, outcome: TurnOutcome): EventRow[] {
  return outcome.recorder.events.map((event) => ({
    workspaceId: conversation.workspaceId,
    conversationId: conversation.id,
    turn,
    type: event.type,
    nodeId: event.nodeId ?? null,
    port: event.port ?? null,
    role: event.message?.role ?? null,
    messageId: event.message?.id ?? null,
    text: event.message?.text ?? null,
    data: event.message?.choices ? JSON.stringify({ choices: event.message.choices }) : event.data ? JSON.stringify(event.data) : null,
    createdAt: event.createdAt,
  }));
}

/** Handoff rows change in the same transaction as the turn that opened or closed them. */
export function handoffStatements(conversation: ConversationIdentity, outcome: TurnOutcome, at: string): InStatement[] {
  const statements: InStatement[] = [];
  if (outcome.handoff.closed) {
    statements.push({
      sql: `UPDATE handoffs SET status = 'closed', closed_at = ? WHERE conversation_id = ? AND status = 'open'`,
      args: [at, conversation.id],
    });
  }
  if (outcome.handoff.opened) {
    statements.push({
      sql: `INSERT INTO handoffs (workspace_id, conversation_id, flow_id, node_id, reason, status, created_at) VALUES (?, ?, ?, ?, ?, 'open', ?)`,
      args: [conversation.workspaceId, conversation.id, conversation.flowId, outcome.handoff.opened.nodeId, outcome.handoff.opened.reason, at],
    });
  }
  return statements;
}
