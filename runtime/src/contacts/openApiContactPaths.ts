import { adminUnauthorized, error, ok, tooLarge, smallBodyLimit } from '../api/openApiResponses.js';
import { json, responseRef, schemaRef } from '../api/openApiJsonSchema.js';
import type { JsonSchema, OpenApiParameter, OpenApiPaths } from '../api/openApiTypes.js';

const instant = { type: 'string', format: 'date-time' } as const;
const nullableText = { type: ['string', 'null'] } as const;

const leadFields: JsonSchema = {
  type: 'object',
  description: 'What `capture_lead` collected. Emails are lower-cased, phone numbers in E.164 where they parse; answers to sensitive nodes are never stored here.',
  properties: {
    name: { type: 'string' }, email: { type: 'string' }, phone: { type: 'string' }, company: { type: 'string' },
    projectType: { type: 'string' }, desiredDate: { type: 'string' }, notes: { type: 'string' },
    files: { type: 'array', items: { type: 'string' }, description: 'Ids of uploaded files.' },
    custom: { type: 'object', additionalProperties: true, description: 'Custom fields of the flow.' },
  },
  additionalProperties: false,
};

const consent: JsonSchema = {
  type: ['object', 'null'],
  description: 'Proof of consent: the privacy text shown, the answer, when, in which language. Null when the flow did not ask.',
  properties: { text: { type: 'string' }, answer: { type: 'string' }, at: instant, locale: { type: 'string' } },
  required: ['text', 'answer', 'at', 'locale'],
  additionalProperties: false,
};

const contact: JsonSchema = {
  type: 'object',
  description: 'A person, de-duplicated by email, else phone; `fields` are the merged newest values of all their leads.',
  properties: {
    id: { type: 'string' }, name: nullableText, email: nullableText, phone: nullableText, fields: leadFields,
    isTest: { type: 'boolean', description: 'Captured in test conversations (never merged with real contacts).' },
    flowId: nullableText, conversationId: { ...nullableText, description: 'The conversation that created the contact.' },
    createdAt: instant, updatedAt: instant,
  },
  required: ['id', 'name', 'email', 'phone', 'fields', 'isTest', 'flowId', 'conversationId', 'createdAt', 'updatedAt'],
  additionalProperties: false,
};

const leadProperties = {
  id: { type: 'string' }, contactId: { type: 'string' }, conversationId: { type: 'string' }, flowId: { type: 'string' },
  nodeId: { type: 'string', description: 'The capture_lead node.' }, isTest: { type: 'boolean' }, fields: leadFields, consent,
  createdAt: instant, updatedAt: instant,
};
const leadRequired = ['id', 'contactId', 'conversationId', 'flowId', 'nodeId', 'isTest', 'fields', 'consent', 'createdAt', 'updatedAt'];
const lead: JsonSchema = { type: 'object', description: 'One capture of a contact\'s request.', properties: leadProperties, required: leadRequired, additionalProperties: false };
const transcript: JsonSchema = {
  type: 'array', items: schemaRef('ChatMessage'),
  description: 'The messages of the lead\'s conversation; sensitive answers appear as "•••"; empty once the conversation was purged.',
};
const leadWithTranscript: JsonSchema = {
  ...lead, properties: { ...leadProperties, transcript }, required: [...leadRequired, 'transcript'],
};

const callback: JsonSchema = {
  type: 'object',
  description: 'A callback request `escalate` recorded outside office hours.',
  properties: {
    id: { type: 'integer' }, conversationId: { type: 'string' }, flowId: { type: 'string' }, nodeId: nullableText, isTest: { type: 'boolean' },
    reason: { type: 'string', description: 'In the flow\'s default language.' },
    nextOpening: { type: ['string', 'null'], format: 'date-time', description: 'When the customer was told the team is back.' },
    status: { type: 'string', enum: ['open', 'done'] }, createdAt: instant, doneAt: { type: ['string', 'null'], format: 'date-time' }, note: nullableText,
    contact: {
      type: ['object', 'null'], description: 'The contact captured in the same conversation, if any.',
      properties: { id: { type: 'string' }, name: nullableText, email: nullableText, phone: nullableText },
      required: ['id', 'name', 'email', 'phone'], additionalProperties: false,
    },
  },
  required: ['id', 'conversationId', 'flowId', 'nodeId', 'isTest', 'reason', 'nextOpening', 'status', 'createdAt', 'doneAt', 'note', 'contact'],
  additionalProperties: false,
};

const page = (items: JsonSchema): JsonSchema => ({
  type: 'object',
  properties: { items: { type: 'array', items }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' } },
  required: ['items', 'total', 'limit', 'offset'],
  additionalProperties: false,
});

const query = (name: string, description: string, schema: JsonSchema = { type: 'string' }): OpenApiParameter => ({ name, in: 'query', required: false, description, schema });
const paging = [
  query('limit', 'Page size, 1–500 (default 50).', { type: 'integer', minimum: 1, maximum: 500 }),
  query('offset', 'How many to skip (default 0).', { type: 'integer', minimum: 0 }),
];
const filters = [
  query('q', 'Search text (name, email, phone, company and other fields; case-insensitive).'),
  query('flowId', 'Only leads captured by this flow.'),
  query('from', 'Captured at or after: a date `YYYY-MM-DD` (UTC, inclusive) or an ISO date-time.'),
  query('to', 'Captured before: a date `YYYY-MM-DD` (UTC, inclusive) or an ISO date-time (exclusive).'),
  query('test', '`true`: only from test conversations; `false`: none from them. Default: both.', { type: 'string', enum: ['true', 'false'] }),
];
const badQuery = error('`INVALID_QUERY`: a malformed date, `test` value or `limit`/`offset` out of range.');
const pathId = (name: string, description: string): OpenApiParameter => ({ name, in: 'path', required: true, description, schema: { type: 'string' } });

/** The built-in contacts store and callback requests (docs/LEADS.md). */
export function contactPaths(): OpenApiPaths {
  return {
    '/v1/contacts': {
      get: {
        operationId: 'listContacts', tags: ['contacts'], summary: 'List and search contacts',
        description: 'Newest first. `flowId`, `from` and `to` keep contacts with at least one lead matching them.',
        parameters: [...filters, ...paging],
        responses: { '200': ok('A page of contacts.', page(contact)), '400': badQuery, ...adminUnauthorized },
      },
    },
    '/v1/contacts/{contactId}': {
      get: {
        operationId: 'getContact', tags: ['contacts'], summary: 'A contact with its leads and their transcripts',
        parameters: [pathId('contactId', 'Contact id.')],
        responses: {
          '200': ok('The contact.', { ...contact, properties: { ...(contact.properties as object), leads: { type: 'array', items: leadWithTranscript } }, required: [...(contact.required as string[]), 'leads'] }),
          ...adminUnauthorized,
          '404': error('`CONTACT_NOT_FOUND`: no such contact.'),
        },
      },
      delete: {
        operationId: 'eraseContact', tags: ['contacts'], summary: 'Erase a contact (GDPR)',
        description: 'Deletes the contact, its leads and every conversation a lead of it was captured in (transcript, handoffs, domain events such as `lead.captured`, callback requests). Cannot be undone.',
        parameters: [pathId('contactId', 'Contact id.')],
        responses: {
          '200': ok('What was deleted.', {
            type: 'object',
            properties: { deleted: { type: 'boolean', const: true }, leads: { type: 'integer' }, conversations: { type: 'array', items: { type: 'string' } } },
            required: ['deleted', 'leads', 'conversations'], additionalProperties: false,
          }),
          ...adminUnauthorized,
          '404': error('`CONTACT_NOT_FOUND`: no such contact.'),
        },
      },
    },
    '/v1/leads': {
      get: {
        operationId: 'listLeads', tags: ['contacts'], summary: 'List leads by flow and period',
        parameters: [...filters, ...paging],
        responses: { '200': ok('A page of leads, newest first.', page(lead)), '400': badQuery, ...adminUnauthorized },
      },
    },
    '/v1/leads.csv': {
      get: {
        operationId: 'exportLeadsCsv', tags: ['contacts'], summary: 'Export leads as CSV',
        description: 'All leads matching the filters (at most 100,000), one column per standard and custom field, UTF-8 with BOM. Cells a spreadsheet would run as formulas start with an apostrophe.',
        parameters: [...filters, query('delimiter', '`comma` (default) or `semicolon` (German Excel).', { type: 'string', enum: ['comma', 'semicolon', ',', ';'] })],
        responses: { '200': { description: 'The CSV file.', content: { 'text/csv': { schema: { type: 'string' } } } }, '400': badQuery, ...adminUnauthorized },
      },
    },
    '/v1/leads/{leadId}': {
      get: {
        operationId: 'getLead', tags: ['contacts'], summary: 'A lead with its contact and transcript',
        parameters: [pathId('leadId', 'Lead id.')],
        responses: {
          '200': ok('The lead.', { ...leadWithTranscript, properties: { ...(leadWithTranscript.properties as object), contact: { oneOf: [contact, { type: 'null' }] } }, required: [...(leadWithTranscript.required as string[]), 'contact'] }),
          ...adminUnauthorized,
          '404': error('`LEAD_NOT_FOUND`: no such lead.'),
        },
      },
    },
    '/v1/callbacks': {
      get: {
        operationId: 'listCallbacks', tags: ['contacts'], summary: 'Callback requests',
        description: 'Requests `escalate` recorded outside office hours, oldest first, with the contact captured in the same conversation.',
        parameters: [
          query('status', '`open` (default), `done` or `all`.', { type: 'string', enum: ['open', 'done', 'all'] }),
          query('flowId', 'Only this flow.'),
          query('test', '`true`/`false`: only / no test conversations.', { type: 'string', enum: ['true', 'false'] }),
          ...paging,
        ],
        responses: { '200': ok('A page of callback requests.', page(callback)), '400': error('`INVALID_QUERY`: unknown status, bad `test`, `limit` or `offset`.'), ...adminUnauthorized },
      },
    },
    '/v1/callbacks/{callbackId}/done': {
      post: {
        operationId: 'completeCallback', tags: ['contacts'], summary: 'Mark a callback request done',
        description: 'Idempotent: marking it again keeps the first time and note.',
        parameters: [{ name: 'callbackId', in: 'path', required: true, description: 'The callback request id.', schema: { type: 'string' } }],
        requestBody: {
          required: false,
          content: json({ type: 'object', properties: { note: { type: 'string', maxLength: 2000, description: 'What staff did.' } }, additionalProperties: false }),
        },
        responses: {
          '200': ok('The request, now done.', callback),
          '400': responseRef('BadRequest'),
          ...adminUnauthorized,
          '404': error('`CALLBACK_NOT_FOUND`: no such callback request.'),
          '413': tooLarge(smallBodyLimit),
        },
      },
    },
  };
}
