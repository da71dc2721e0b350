import type { InputSpec } from '@dialogwerk/nodes';
import type { ChatMessage, ConversationState, ConversationStatus } from '../engine/conversationState.js';

export interface TurnResponse {
  status: ConversationStatus;
  messages: ChatMessage[];
  input?: InputSpec;
}

/** The public shape of a turn: `input` only while the bot waits for the customer. */
export function turnResponse(state: ConversationState, messages: ChatMessage[]): TurnResponse {
  const response: TurnResponse = { status: state.status, messages };
  if (state.status === 'awaiting_input') response.input = state.waiting?.input ?? { type: 'text' };
  return response;
}
