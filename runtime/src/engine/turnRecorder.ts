import { randomUUID } from 'node:crypto';
import type { Json } from '@dialogwerk/nodes';
import type { ChatMessage, TranscriptEvent } from './conversationState.js';

/** Collects what one turn adds to the transcript, in order. */
export class TurnRecorder {
  readonly events: TranscriptEvent[] = [];
  readonly messages: ChatMessage[] = [];
  /** The events nodes recorded with `ctx.record()`: also stored as domain events for KPIs, reviews and plugins. */
  readonly domainEvents: TranscriptEvent[] = [];
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

  event(type: string, nodeId: string | null, port?: string | null, data?: Record<string, Json>): TranscriptEvent {
    const event: TranscriptEvent = { type, nodeId, port: port ?? null, data, createdAt: this.#now().toISOString() };
    this.events.push(event);
    return event;
  }

  /** A business event a node recorded (`ctx.record`). */
  domainEvent(type: string, nodeId: string, data?: Record<string, Json>): void {
    this.domainEvents.push(this.event(type, nodeId, null, data));
  }
}
