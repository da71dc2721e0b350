import type { InStatement } from '@libsql/client';
import type { ChatMessage, TranscriptEvent } from '../engine/conversationState.js';
import type { TurnOutcome } from '../engine/runTurn.js';

export interface ConversationIdentity {
  id: string;
  workspaceId: string;
  flowId: string;
}

/** Serialises a turn's transcript events; absent fields are left out to keep the turn log compact. */
export function serializeEvents(events: TranscriptEvent[]): string {
  return JSON.stringify(events);
}

export function parseEvents(json: string): TranscriptEvent[] {
  return JSON.parse(json) as TranscriptEvent[];
}

export function messagesOf(events: TranscriptEvent[]): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const event of events) if (event.message) messages.push(event.message);
  return messages;
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

/** A turn's `ctx.record()` events go to `domain_events` in the turn's transaction (transactional outbox). */
export function domainEventStatements(
  conversation: ConversationIdentity & { flowVersion: number | null; isTest: boolean },
  outcome: TurnOutcome,
): InStatement[] {
  return outcome.recorder.domainEvents.map((event) => ({
    sql: `INSERT INTO domain_events (workspace_id, conversation_id, flow_id, flow_version, is_test, node_id, type, data, created_at)
          VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    args: [
      conversation.workspaceId, conversation.id, conversation.flowId, conversation.flowVersion, conversation.isTest ? 1 : 0,
      event.nodeId ?? null, event.type, JSON.stringify(event.data ?? {}), event.createdAt,
    ],
  }));
}
