import type { InputSpec, Json } from '@dialogwerk/nodes';

export type ConversationStatus = 'awaiting_input' | 'ended' | 'handed_off';

/** Everything the engine needs to continue a conversation, persisted as JSON after every turn. */
export interface ConversationState {
  status: ConversationStatus;
  locale: string;
  vars: Record<string, Json>;
  /** Values of variables answered at `sensitive` nodes; encrypted at rest, dropped when the conversation ends. */
  secrets: Record<string, Json>;
  waiting?: { nodeId: string; input: InputSpec; state?: Json };
  /** Where the bot continues when staff release a handoff; `resumePort` null means the fallback (no way back). */
  handoff?: { nodeId: string | null; resumePort: string | null; reason: string };
  startedAt: string;
}

export interface ChatMessage {
  id: string;
  role: 'bot' | 'user' | 'agent';
  text: string;
  choices?: { id: string; label: string }[];
  /** Links that belong to the message (a booking's .ics file); an extension of the contract's message. */
  attachments?: { name: string; url: string; contentType?: string }[];
  createdAt: string;
}

/** A transcript entry as the engine produces it; messages are events of type `message`. */
export interface TranscriptEvent {
  type: string;
  nodeId?: string | null;
  port?: string | null;
  message?: ChatMessage;
  data?: Record<string, Json>;
  createdAt: string;
}
