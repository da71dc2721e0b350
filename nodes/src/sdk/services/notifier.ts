import type { Json } from '../defineNode.js';
import type { Localized } from '../../i18n/localized.js';

export interface Notification {
  /** Who should read it, e.g. `sales` or `support`. */
  topic: string;
  /** Staff-facing; a `{ de, en }` text is shown in the reader's language. */
  subject: string | Localized;
  text: string | Localized;
  data?: Record<string, Json>;
  /** Notifications with a key already stored for the same topic are dropped (e.g. one low-stock note per product and day). */
  dedupeKey?: string;
}

/** Tells staff about something (low stock, callback request); embedded: stored and logged, SMTP via plugin. */
export interface NotifierService {
  /** `duplicate` is true when a notification with the same topic and dedupe key existed, so nothing new was sent. */
  notify(notification: Notification): Promise<{ id: string; duplicate: boolean }>;
}
