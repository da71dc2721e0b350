import { randomUUID } from 'node:crypto';
import type { Json } from '@dialogwerk/nodes';
import type { ChatMessage, TranscriptEvent } from './conversationState.js';

/** Collects what one turn adds to the transcript, in order. */
export class TurnRecorder {
  readonly events: TranscriptEvent[] = [];
  readonly messages: ChatMessage[] = [];
  readonly #now: () => Date;

  constructor(now: () => Date) {
    this.#now = now;
  }

  message(
    role: ChatMessage['role'],
    text: string,
    nodeId: string | null,
    choices?: ChatMessage['choices'],
    attachments?: ChatMessage['attachments'],
  ): ChatMessage {
    const createdAt = this.#now().toISOString();
    const message: ChatMessage = { id: randomUUID(), role, text, createdAt };
    if (choices?.length) message.choices = choices;
    if (attachments?.length) message.attachments = attachments;
    this.messages.push(message);
    this.events.push({ type: 'message', nodeId, message, createdAt });
    return message;
  }

  event(type: string, nodeId: string | null, port?: string | null, data?: Record<string, Json>): void {
    this.events.push({ type, nodeId, port: port ?? null, data, createdAt: this.#now().toISOString() });
  }
}
