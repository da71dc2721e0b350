/**
 * Capabilities nodes use without knowing who provides them. The runtime ships embedded implementations
 * (built-in calendar, inventory, contacts, handoff inbox); plugins can replace or extend them. One file per service.
 */
import type { CalendarService } from './services/calendar.js';
import type { InventoryService } from './services/inventory.js';
import type { ContactsService } from './services/contacts.js';
import type { InboxService } from './services/inbox.js';
import type { NotifierService } from './services/notifier.js';
import type { LlmService } from './services/llm.js';
import type { KnowledgeService } from './services/knowledge.js';
import type { FileStore } from './services/files.js';
export type * from './services/calendar.js';
export type * from './services/inventory.js';
export type * from './services/contacts.js';
export type * from './services/inbox.js';
export type * from './services/notifier.js';
export type * from './services/llm.js';
export type * from './services/knowledge.js';
export type * from './services/files.js';

export interface Services {
  calendar?: CalendarService;
  inventory?: InventoryService;
  contacts?: ContactsService;
  inbox?: InboxService;
  notifier?: NotifierService;
  llm?: LlmService;
  knowledge?: KnowledgeService;
  files?: FileStore;
}
