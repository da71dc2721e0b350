import type { Json } from '../defineNode.js';

/** Leads and contacts; the embedded store is a database table, CRM plugins subscribe to `lead.captured`. */
export interface ContactsService {
  upsert(contact: { conversationId: string; flowId: string; data: Record<string, Json> }): Promise<{ id: string }>;
}
