import type { Localized, NotifierService } from '@dialogwerk/nodes';
import type { Logger } from '../logging/logger.js';
import type { NotificationStore } from './notificationStore.js';

const bothLanguages = (text: string | Localized): Localized => (typeof text === 'string' ? { de: text, en: text } : text);

/**
 * `services.notifier` without any account: notifications are stored for the staff inbox (`GET /v1/notifications`)
 * and logged. Mail or chat delivery comes from plugins that replace this service or subscribe to the log.
 */
export function embeddedNotifier(store: NotificationStore, log: Logger): NotifierService {
  return {
    notify: async (notification) => {
      const subject = bothLanguages(notification.subject);
      const result = await store.add({
        topic: notification.topic,
        subject,
        text: bothLanguages(notification.text),
        data: notification.data ?? {},
        dedupeKey: notification.dedupeKey,
      });
      if (!result.duplicate) log.info('notification', { topic: notification.topic, id: result.id, subject: subject.en });
      return result;
    },
  };
}
