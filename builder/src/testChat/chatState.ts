import type { ChatChoice, ChatMessage, ConversationStatus, InputSpec, StartedConversation, TurnResponse } from '../api/types.js';

export interface ChatState {
  phase: 'idle' | 'starting' | 'ready' | 'sending';
  conversation: { id: string; token: string } | null;
  status: ConversationStatus | null;
  messages: ChatMessage[];
  input: InputSpec | null;
  error: unknown;
}

export type ChatAction =
  | { type: 'start' }
  | { type: 'started'; response: StartedConversation }
  | { type: 'send' }
  | { type: 'received'; response: TurnResponse }
  | { type: 'failed'; error: unknown };

export const initialChatState: ChatState = { phase: 'idle', conversation: null, status: null, messages: [], input: null, error: null };

/** Appends new messages; ids already shown (a retried request answered again) are not repeated. */
export function mergeMessages(existing: ChatMessage[], incoming: ChatMessage[]): ChatMessage[] {
  const seen = new Set(existing.map((message) => message.id));
  const added = incoming.filter((message) => !seen.has(message.id) && seen.add(message.id));
  return added.length ? [...existing, ...added] : existing;
}

export function chatReducer(state: ChatState, action: ChatAction): ChatState {
  switch (action.type) {
    case 'start':
      return { ...initialChatState, phase: 'starting' };
    case 'started':
      return {
        phase: 'ready',
        conversation: { id: action.response.conversationId, token: action.response.token },
        status: action.response.status,
        messages: mergeMessages([], action.response.messages),
        input: action.response.input ?? null,
        error: null,
      };
    case 'send':
      return { ...state, phase: 'sending', error: null };
    case 'received':
      return {
        ...state,
        phase: 'ready',
        status: action.response.status,
        messages: mergeMessages(state.messages, action.response.messages),
        input: action.response.input ?? null,
        error: null,
      };
    case 'failed':
      return { ...state, phase: state.conversation ? 'ready' : 'idle', error: action.error };
  }
}

/** The bot is waiting and the customer may type or pick. */
export function canReply(state: ChatState): boolean {
  return state.phase === 'ready' && state.status === 'awaiting_input' && state.conversation !== null;
}

/** Buttons to offer: the waiting input's choices, else those of the last bot message, and only while the bot waits. */
export function currentChoices(state: ChatState): ChatChoice[] {
  if (state.status !== 'awaiting_input') return [];
  if (state.input?.choices?.length) return state.input.choices;
  const last = state.messages.at(-1);
  return last && last.role !== 'user' && last.choices?.length ? last.choices : [];
}
