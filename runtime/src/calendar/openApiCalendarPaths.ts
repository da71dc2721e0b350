import { adminUnauthorized, error, ok } from '../api/openApiResponses.js';
import type { JsonSchema, OpenApiParameter, OpenApiPaths, OpenApiResponse } from '../api/openApiTypes.js';
import { FEED_PAST_DAYS } from './calendarPublicRoutes.js';

const instant = { type: 'string', format: 'date-time' } as const;
const nullableInstant = { type: ['string', 'null'], format: 'date-time' } as const;

const calendar: JsonSchema = {
  type: 'object',
  description: 'A calendar of the built-in booking service.',
  properties: {
    id: { type: 'string' },
    name: { type: 'string' },
    timeZone: { type: 'string', description: 'IANA time zone the calendar was created with.' },
    feedUrl: { type: 'string', description: 'The subscription link (ICS feed) for Outlook, Google or Apple Calendar; contains the secret feed token.' },
    createdAt: instant,
  },
  required: ['id', 'name', 'timeZone', 'feedUrl', 'createdAt'],
  additionalProperties: false,
};

const booking: JsonSchema = {
  type: 'object',
  description: 'An appointment. Instants are UTC.',
  properties: {
    id: { type: 'string' },
    calendar: { type: 'string' },
    start: instant,
    end: instant,
    title: { type: 'string' },
    attendee: { type: 'object', description: 'What the flow knew about the customer: `name`, `email`, `phone` when configured.', additionalProperties: true },
    status: { type: 'string', enum: ['booked', 'cancelled'] },
    test: { type: 'boolean', description: 'Made in a test conversation: never blocks customers and is not in the feed.' },
    conversationId: { type: ['string', 'null'] },
    flowId: { type: ['string', 'null'] },
    icsUrl: { type: 'string', description: 'The booking as an .ics file (unguessable link, no admin token needed).' },
    createdAt: instant,
    updatedAt: instant,
    cancelledAt: nullableInstant,
  },
  required: ['id', 'calendar', 'start', 'end', 'title', 'attendee', 'status', 'test', 'conversationId', 'flowId', 'icsUrl', 'createdAt', 'updatedAt', 'cancelledAt'],
  additionalProperties: false,
};

const calendarId: OpenApiParameter = { name: 'calendarId', in: 'path', required: true, description: 'Calendar id, e.g. `default`.', schema: { type: 'string' } };
const bookingId: OpenApiParameter = { name: 'bookingId', in: 'path', required: true, description: 'Booking id.', schema: { type: 'string' } };
const token = (what: string): OpenApiParameter => ({ name: 'token', in: 'query', required: true, description: what, schema: { type: 'string' } });

const icsFile = (description: string): OpenApiResponse => ({ description, content: { 'text/calendar': { schema: { type: 'string' } } } });
const calendarNotFound = error('`CALENDAR_NOT_FOUND`: no such calendar.');
const bookingNotFound = error('`BOOKING_NOT_FOUND`: no such booking.');

/** The built-in calendar: staff routes and the public ICS files (docs/CALENDAR.md). */
export function calendarPaths(): OpenApiPaths {
  return {
    '/v1/calendars': {
      get: {
        operationId: 'listCalendars',
        tags: ['calendar'],
        summary: 'List calendars with their subscription links',
        description: 'The `default` calendar always exists; others appear when a `book_slot` node first books into them.',
        responses: {
          '200': ok('The calendars.', { type: 'object', properties: { items: { type: 'array', items: calendar } }, required: ['items'], additionalProperties: false }),
          ...adminUnauthorized,
        },
      },
    },
    '/v1/calendars/{calendarId}/feed-token': {
      post: {
        operationId: 'rotateCalendarFeedToken',
        tags: ['calendar'],
        summary: 'Replace the feed token',
        description: 'The old subscription link stops working at once; subscribers need the new `feedUrl`.',
        parameters: [calendarId],
        responses: {
          '200': ok('The calendar with its new link.', { type: 'object', properties: { calendar }, required: ['calendar'], additionalProperties: false }),
          ...adminUnauthorized,
          '404': calendarNotFound,
        },
      },
    },
    '/v1/calendars/{calendarId}/feed.ics': {
      get: {
        operationId: 'getCalendarFeed',
        tags: ['calendar'],
        summary: 'Subscribe to a calendar (ICS feed)',
        description:
          `Public, guarded by the calendar's feed token. Booked appointments that ended at most ${FEED_PAST_DAYS} days ago or later, ` +
          'times in UTC, one stable UID per booking. Cancelled bookings are left out, so subscribed calendars drop them on their next refresh.',
        security: [],
        parameters: [calendarId, token('The feed token from `feedUrl`.')],
        responses: {
          '200': icsFile('An iCalendar document (RFC 5545).'),
          '401': error('`CALENDAR_TOKEN_INVALID`: the token is missing or wrong (rotated).'),
          '404': calendarNotFound,
        },
      },
    },
    '/v1/bookings': {
      get: {
        operationId: 'listBookings',
        tags: ['calendar'],
        summary: 'List bookings',
        description: 'Ordered by start. `from`/`to` filter by start: a date (`YYYY-MM-DD`, UTC, `to` inclusive) or a date-time (`to` exclusive).',
        parameters: [
          { name: 'from', in: 'query', description: 'Bookings starting at or after this.', schema: { type: 'string' } },
          { name: 'to', in: 'query', description: 'Bookings starting before this (a date includes that day).', schema: { type: 'string' } },
          { name: 'calendar', in: 'query', description: 'Only this calendar.', schema: { type: 'string' } },
          { name: 'flowId', in: 'query', description: 'Only bookings made by this flow.', schema: { type: 'string' } },
          { name: 'status', in: 'query', description: 'Only this status.', schema: { type: 'string', enum: ['booked', 'cancelled'] } },
          { name: 'test', in: 'query', description: '`true`: only bookings from test conversations; `false`: none of them.', schema: { type: 'string', enum: ['true', 'false'] } },
          { name: 'limit', in: 'query', description: 'Page size.', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
          { name: 'offset', in: 'query', description: 'Skip this many; use the previous page\'s `nextOffset`.', schema: { type: 'integer', minimum: 0, default: 0 } },
        ],
        responses: {
          '200': ok('A page of bookings.', {
            type: 'object',
            properties: {
              items: { type: 'array', items: booking },
              total: { type: 'integer', description: 'How many bookings match the filter.' },
              nextOffset: { type: ['integer', 'null'], description: 'Offset of the next page, null on the last.' },
            },
            required: ['items', 'total', 'nextOffset'],
            additionalProperties: false,
          }),
          '400': error('`INVALID_QUERY`: a malformed date, unknown status or `limit`/`offset` out of range; `details` lists them.'),
          ...adminUnauthorized,
        },
      },
    },
    '/v1/bookings/{bookingId}': {
      get: {
        operationId: 'getBooking',
        tags: ['calendar'],
        summary: 'Read a booking',
        parameters: [bookingId],
        responses: { '200': ok('The booking.', booking), ...adminUnauthorized, '404': bookingNotFound },
      },
    },
    '/v1/bookings/{bookingId}/cancel': {
      post: {
        operationId: 'cancelBooking',
        tags: ['calendar'],
        summary: 'Cancel a booking',
        description: 'Frees the slot at once; the booking stays listed with status `cancelled` and leaves the feed.',
        parameters: [bookingId],
        responses: {
          '200': ok('The cancelled booking.', booking),
          ...adminUnauthorized,
          '404': bookingNotFound,
          '409': error('`BOOKING_ALREADY_CANCELLED`: the booking was cancelled before.'),
        },
      },
    },
    '/v1/bookings/{bookingId}/booking.ics': {
      get: {
        operationId: 'getBookingIcs',
        tags: ['calendar'],
        summary: 'Download one booking as .ics',
        description: 'The link the customer gets after booking. A cancelled booking is served with `STATUS:CANCELLED`.',
        security: [],
        parameters: [bookingId, token('The booking\'s own token from its `icsUrl`.')],
        responses: {
          '200': icsFile('An iCalendar document with one event.'),
          '404': error('`BOOKING_NOT_FOUND`: no such booking, or the token is missing or wrong.'),
        },
      },
    },
  };
}
