import type { Client } from '@libsql/client';
import type { ChatMessage } from '../engine/conversationState.js';
import { messagesOf, parseEvents } from '../conversations/turnWrite.js';

/**
 * A conversation's messages in order, as staff see them: answers to sensitive nodes and bot texts containing them
 * were stored as "•••" when the turn was recorded, so nothing here can reveal them. Empty when the conversation is
 * gone (retention purge).
 */
export async function readTranscript(client: Client, conversationId: string): Promise<ChatMessage[]> {
  const rows = await client.execute({ sql: 'SELECT events FROM turns WHERE conversation_id = ? ORDER BY seq', args: [conversationId] });
  return rows.rows.flatMap((row) => messagesOf(parseEvents(String(row.events))));
}
