import type { Json } from '../defineNode.js';

/** The standard lead fields `capture_lead` maps variables to; anything else goes to `custom`. */
export interface LeadFields {
  name?: string;
  email?: string;
  phone?: string;
  company?: string;
  projectType?: string;
  desiredDate?: string;
  /** Ids of uploaded files (`ask` with input `file`). */
  files?: string[];
  notes?: string;
  custom?: Record<string, Json>;
}

/** What the customer agreed to, and when: kept with the lead as proof (GDPR Art. 7(1)). */
export interface LeadConsent {
  /** The privacy text as the customer saw it, in their language. */
  text: string;
  /** The customer's answer as given ("ja", "yes", or the consent variable's name when it was given earlier). */
  answer: string;
  /** ISO 8601 time of the answer. */
  at: string;
  locale: string;
}

export interface LeadCapture {
  conversationId: string;
  flowId: string;
  /** The capturing node: a retried turn, or the same node reached again in one conversation, updates its lead. */
  nodeId: string;
  isTest: boolean;
  fields: LeadFields;
  consent?: LeadConsent;
}

/**
 * Leads and contacts. The embedded store (runtime/src/contacts) keeps them in the database; CRM plugins usually
 * subscribe to the `lead.captured` domain event instead of replacing this service.
 */
export interface ContactsService {
  /**
   * Stores a lead and the contact it belongs to, de-duplicated within the workspace by email, else by phone.
   * Idempotent per (conversationId, nodeId): calling it again returns the same lead and contact.
   */
  captureLead(capture: LeadCapture): Promise<{ contactId: string; leadId: string; created: boolean }>;
}
