import { adminUnauthorized, error, ok } from '../api/openApiResponses.js';
import type { JsonSchema, OpenApiPaths } from '../api/openApiTypes.js';

const notification: JsonSchema = {
  type: 'object',
  properties: {
    id: { type: 'string' },
    topic: { type: 'string', examples: ['sales'] },
    subject: { type: 'string', description: 'In the language of `Accept-Language`.' },
    text: { type: 'string', description: 'In the language of `Accept-Language`.' },
    data: { type: 'object', description: 'Structured details, e.g. `sku`, `available`, `threshold` for low stock.' },
    dedupeKey: { type: ['string', 'null'], description: 'Another note with the same topic and key is not stored again.' },
    createdAt: { type: 'string', format: 'date-time' },
    readAt: { type: ['string', 'null'], format: 'date-time' },
  },
  required: ['id', 'topic', 'subject', 'text', 'data', 'dedupeKey', 'createdAt', 'readAt'],
  additionalProperties: false,
};
const tags = ['notifications'];

/** The embedded notifier's staff inbox (docs/INVENTORY.md, "Notifications"). */
export function notifierPaths(): OpenApiPaths {
  return {
    '/v1/notifications': {
      get: {
        operationId: 'listNotifications',
        tags,
        summary: 'List notifications for staff',
        description: 'Newest first. Page with `before` = the previous page\'s `next`.',
        parameters: [
          { name: 'topic', in: 'query', description: 'Only this topic, e.g. `sales`.', schema: { type: 'string' } },
          { name: 'unread', in: 'query', description: '`true`: only unread ones.', schema: { type: 'string', enum: ['true', 'false'] } },
          { name: 'before', in: 'query', description: 'Only notifications with a smaller id.', schema: { type: 'integer', minimum: 1 } },
          { name: 'limit', in: 'query', description: 'Page size.', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
        ],
        responses: {
          '200': ok('A page of notifications.', {
            type: 'object',
            properties: { items: { type: 'array', items: notification }, next: { type: ['string', 'null'] } },
            required: ['items', 'next'],
            additionalProperties: false,
          }),
          '400': error('`INVALID_QUERY`: `limit` outside 1-500, `unread` not `true`/`false`, or a malformed `before`.'),
          ...adminUnauthorized,
        },
      },
    },
    '/v1/notifications/{id}/read': {
      post: {
        operationId: 'markNotificationRead',
        tags,
        summary: 'Mark a notification read',
        description: 'Idempotent: the first read time is kept.',
        parameters: [{ name: 'id', in: 'path', required: true, description: 'The notification id.', schema: { type: 'string' } }],
        responses: {
          '200': ok('The notification.', { type: 'object', properties: { notification }, required: ['notification'], additionalProperties: false }),
          ...adminUnauthorized,
          '404': error('`NOTIFICATION_NOT_FOUND`: no notification with this id.'),
        },
      },
    },
  };
}
