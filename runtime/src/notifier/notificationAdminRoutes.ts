import { Hono } from 'hono';
import { pickProductLocale } from '@dialogwerk/nodes';
import { ApiError } from '../apiError.js';
import type { AppEnv } from '../api/appEnv.js';
import type { NotificationStore, StoredNotification } from './notificationStore.js';

const invalidQuery = (de: string, en: string, details: unknown) => new ApiError(400, 'INVALID_QUERY', { de, en }, details);
const notFound = () => new ApiError(404, 'NOTIFICATION_NOT_FOUND', { de: 'Diese Benachrichtigung gibt es nicht.', en: 'There is no such notification.' });

/** Subject and text in the reader's language (`Accept-Language`). */
function view(notification: StoredNotification, language: 'de' | 'en') {
  return {
    id: notification.id,
    topic: notification.topic,
    subject: notification.subject[language],
    text: notification.text[language],
    data: notification.data,
    dedupeKey: notification.dedupeKey,
    createdAt: notification.createdAt,
    readAt: notification.readAt,
  };
}

/** The staff inbox of the embedded notifier: list (by topic, unread only) and mark read. */
export function notificationAdminRoutes(store: NotificationStore) {
  const app = new Hono<AppEnv>();

  app.get('/notifications', async (c) => {
    const language = pickProductLocale(c.req.header('accept-language'));
    const limit = Number(c.req.query('limit') ?? 50);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
      throw invalidQuery('limit muss zwischen 1 und 500 liegen.', 'limit must be between 1 and 500.', { limit: c.req.query('limit') });
    }
    const unread = c.req.query('unread');
    if (unread !== undefined && unread !== 'true' && unread !== 'false') {
      throw invalidQuery('unread ist true oder false.', 'unread is true or false.', { unread });
    }
    const rawBefore = c.req.query('before');
    const before = rawBefore === undefined ? undefined : Number(rawBefore);
    if (before !== undefined && (!Number.isInteger(before) || before < 1)) {
      throw invalidQuery('before ist die id einer Benachrichtigung.', 'before is a notification id.', { before: rawBefore });
    }
    const items = await store.list({ topic: c.req.query('topic') || undefined, unread: unread === 'true', before, limit });
    return c.json({ items: items.map((item) => view(item, language)), next: items.length === limit ? items[items.length - 1]!.id : null });
  });

  app.post('/notifications/:id/read', async (c) => {
    const id = Number(c.req.param('id'));
    if (!Number.isInteger(id) || id < 1) throw notFound();
    const notification = await store.markRead(id);
    if (!notification) throw notFound();
    return c.json({ notification: view(notification, pickProductLocale(c.req.header('accept-language'))) });
  });

  return app;
}
