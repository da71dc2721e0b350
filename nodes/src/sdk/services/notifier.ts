import type { Json } from '../defineNode.js';

/** Tells staff about something (low stock, callback request); embedded: stored and logged, SMTP via plugin. */
export interface NotifierService {
  notify(notification: { topic: string; subject: string; text: string; data?: Record<string, Json> }): Promise<void>;
}
