import { MAX_FLOW_BODY } from './flowRoutes.js';
import { MAX_MESSAGE_BODY, MAX_MESSAGE_CHARS } from './chatRoutes.js';
import { KiB, MiB } from './readJsonBody.js';
import { json, responseRef, schemaRef } from './openApiJsonSchema.js';
import type { JsonSchema, OpenApiParameter, OpenApiResponse, Reference } from './openApiTypes.js';

export const chatBodyLimit = `${MAX_MESSAGE_BODY / KiB} KiB`;
export const chatTextLimit = `${MAX_MESSAGE_CHARS.toLocaleString('en-US')} Unicode code points`;
export const flowBodyLimit = `${MAX_FLOW_BODY / MiB} MiB`;
/** Small admin bodies (publish, rollback, release) are read with this limit in flowRoutes/handoffRoutes. */
export const smallBodyLimit = '16 KiB';

/** A success response with a JSON body. */
export const ok = (description: string, schema: JsonSchema): OpenApiResponse => ({ description, content: json(schema) });

/** An error response: the shared `Error` body, with the codes this operation may answer in the description. */
export const error = (description: string, schema: JsonSchema = schemaRef('Error')): OpenApiResponse => ({ description, content: json(schema) });

/** 413 for a body over `limit` (code `BODY_TOO_LARGE`, checked before the body is buffered). */
export const tooLarge = (limit: string, extra = ''): OpenApiResponse =>
  error(`\`BODY_TOO_LARGE\`: the request body is over ${limit} (\`details.limitBytes\`).${extra}`);

/** Responses shared by many operations. */
export const componentResponses: Record<string, OpenApiResponse> = {
  BadRequest: error(
    '`MALFORMED_JSON`: the body is not valid JSON. `INVALID_BODY`: the body does not have the expected shape (or is nested ' +
      'too deeply); `details` lists every issue (`BodyIssue`).',
  ),
  AdminUnauthorized: error('`ADMIN_TOKEN_INVALID`: the admin token is missing or wrong (`Authorization: Bearer <admin token>`).'),
  ConversationUnauthorized: error('`CONVERSATION_TOKEN_INVALID`: the conversation token is missing or wrong.'),
  TooManyRequests: error('Rate limited: too many requests from this client; wait and retry.'),
  FlowInvalid: error(
    '`FLOW_INVALID`: the flow has validation errors; `details` lists every problem (errors and warnings).',
    schemaRef('FlowInvalidError'),
  ),
};

/** Reusable parameters. */
export const componentParameters: Record<string, OpenApiParameter> = {
  FlowId: {
    name: 'flowId',
    in: 'path',
    required: true,
    description: 'Flow id: lowercase letters, digits, `_` and `-`, starting with a letter or digit, at most 64 characters. A malformed id is a 404.',
    schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' },
  },
  ConversationId: {
    name: 'conversationId',
    in: 'path',
    required: true,
    description: 'The `conversationId` returned when the conversation started.',
    schema: { type: 'string' },
  },
  AcceptLanguage: {
    name: 'Accept-Language',
    in: 'header',
    required: false,
    description: 'Language of error and validation messages: German when it starts with `de`, else English.',
    schema: { type: 'string', examples: ['de-CH', 'en'] },
  },
};

export const adminUnauthorized = { '401': responseRef('AdminUnauthorized') } as Record<string, Reference>;
