import type { Client } from '@libsql/client';
import type { ConversationState } from '../engine/conversationState.js';
import type { StateCodec } from '../engine/stateCodec.js';

/**
 * The engine state as last committed, read straight from the database. The service keeps state private; reading
 * the committed row gives the CLI (`/vars`, spec `expect.vars`) a view without widening the service's API.
 */
export async function readConversationState(client: Client, codec: StateCodec, conversationId: string): Promise<ConversationState | undefined> {
  const result = await client.execute({ sql: 'SELECT state FROM conversations WHERE id = ?', args: [conversationId] });
  const row = result.rows[0];
  return row ? codec.decode(String(row.state)) : undefined;
}
