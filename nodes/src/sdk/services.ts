import type { Json } from './defineNode.js';

/**
 * Capabilities nodes use without knowing who provides them. The runtime ships embedded implementations
 * (built-in calendar, inventory, contacts, handoff inbox); plugins can replace or extend them.
 */
export interface CalendarService {
  freeSlots(query: { from: string; to: string; durationMinutes: number; calendar?: string }): Promise<{ start: string; end: string }[]>;
  book(booking: { start: string; end: string; title: string; attendee: Record<string, Json>; calendar?: string }): Promise<{ id: string }>;
}

export interface InventoryService {
  lookup(query: { sku?: string; text?: string }): Promise<{ sku: string; name: string; available: number; price?: number }[]>;
}

export interface ContactsService {
  upsert(contact: { conversationId: string; flowId: string; data: Record<string, Json> }): Promise<{ id: string }>;
}

export interface InboxService {
  /** Opens a handoff to staff; returns whether somebody is reachable now (office hours). */
  openHandoff(request: { conversationId: string; flowId: string; nodeId: string | null; reason: string }): Promise<void>;
}

export interface NotifierService {
  notify(notification: { topic: string; subject: string; text: string; data?: Record<string, Json> }): Promise<void>;
}

export interface LlmService {
  complete(request: { system: string; prompt: string; signal?: AbortSignal }): Promise<{ text: string; tokens?: number }>;
}

export interface Services {
  calendar?: CalendarService;
  inventory?: InventoryService;
  contacts?: ContactsService;
  inbox?: InboxService;
  notifier?: NotifierService;
  llm?: LlmService;
}
