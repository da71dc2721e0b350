import { createHash, timingSafeEqual } from 'node:crypto';
import type { Client } from '@libsql/client';
import type { InputSpec } from '@dialogwerk/nodes';
import { conversationErrors } from '../conversations/conversationErrors.js';
import type { ConversationStatus } from '../engine/conversationState.js';

export interface ConversationAccess {
  id: string;
  status: ConversationStatus;
  flowVersionId: number;
  /** The node the conversation waits at and what it asked for (the engine state's `waiting`). */
  waiting?: { nodeId: string; input: InputSpec & { accept?: string[]; maxSizeMb?: number; maxFiles?: number } };
}

const sha256 = (text: string) => createHash('sha256').update(text).digest();

/**
 * Loads a conversation for the file routes and checks its token the way the chat API does (hash compared in constant
 * time). `allowAdmin` lets staff use the admin token instead.
 */
export async function authorizeConversation(
  client: Client,
  conversationId: string,
  token: string | undefined,
  allowAdmin: (token: string) => boolean = () => false,
): Promise<ConversationAccess> {
  if (!token) throw conversationErrors.badToken();
  const result = await client.execute({
    sql: 'SELECT id, status, flow_version_id, token_hash, state FROM conversations WHERE id = ?',
    args: [conversationId],
  });
  const row = result.rows[0];
  if (!row) throw conversationErrors.notFound(conversationId);
  const expected = Buffer.from(String(row.token_hash), 'hex');
  const given = sha256(token);
  const valid = expected.length === given.length && timingSafeEqual(expected, given);
  if (!valid && !allowAdmin(token)) throw conversationErrors.badToken();
  // The state is JSON with only the sensitive answers sealed; `waiting` is plain.
  const state = JSON.parse(String(row.state)) as { waiting?: ConversationAccess['waiting'] };
  return { id: String(row.id), status: row.status as ConversationStatus, flowVersionId: Number(row.flow_version_id), waiting: state.waiting };
}

/** Whether the node is marked `sensitive` in the flow version the conversation runs. */
export async function isSensitiveNode(client: Client, flowVersionId: number, nodeId: string): Promise<boolean> {
  const result = await client.execute({ sql: 'SELECT document FROM flow_versions WHERE id = ?', args: [flowVersionId] });
  const document = result.rows[0] ? (JSON.parse(String(result.rows[0].document)) as { nodes?: { id: string; sensitive?: boolean }[] }) : undefined;
  return document?.nodes?.find((node) => node.id === nodeId)?.sensitive === true;
}
