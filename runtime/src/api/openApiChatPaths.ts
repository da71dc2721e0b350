import { REDACTED } from '../engine/redaction.js';
import { json, parameterRef, responseRef, schemaRef } from './openApiJsonSchema.js';
import { chatBodyLimit, chatTextLimit, error, ok, tooLarge } from './openApiResponses.js';
import type { OpenApiPaths } from './openApiTypes.js';
import { chatStreamContent, chatStreamDescription } from './openApiChatStream.js';

const publicRoute: Record<string, string[]>[] = [];
const conversationToken = [{ conversationToken: [] }];

/** The public chat API (no admin token) and the public system routes. */
export function chatPaths(): OpenApiPaths {
  return {
    '/v1/bots/{flowId}/conversations': {
      post: {
        operationId: 'startConversation',
        tags: ['chat'],
        summary: 'Start a conversation with a published bot',
        description:
          'Runs the flow\'s published version until it waits for the customer, ends or hands off, and returns what the bot ' +
          'said. Keep `token`: it authorizes every later request for this conversation. No admin token is needed.',
        security: publicRoute,
        parameters: [parameterRef('FlowId')],
        requestBody: { required: false, content: json(schemaRef('StartConversationRequest')) },
        responses: {
          '201': ok('The conversation started.', schemaRef('StartConversationResponse')),
          '400': responseRef('BadRequest'),
          '404': error('`FLOW_NOT_PUBLISHED`: the flow does not exist or has no published version. `FLOW_NOT_FOUND`: malformed flow id.'),
          '413': tooLarge(chatBodyLimit),
          '429': responseRef('TooManyRequests'),
        },
      },
    },
    '/v1/conversations/{conversationId}/messages': {
      post: {
        operationId: 'sendMessage',
        tags: ['chat'],
        summary: 'Send a customer message',
        description: [
          'Processes one customer message and returns what this turn added: the user\'s message first, then the replies.',
          '',
          `- **Idempotency:** a message \`id\` already processed in this conversation returns the original response and has no second effect, for the conversation's whole life and across restarts; the same \`id\` with a different body is a 409 \`MESSAGE_ID_REUSED\`.`,
          '- **Ordering:** messages arriving concurrently for one conversation are processed one at a time in arrival order; none is lost.',
          '- **Ended conversations:** a new message to an `ended` conversation is a 409 `CONVERSATION_ENDED`.',
          '- **Handoff:** while `handed_off`, the message is stored and shown to staff, not answered by the bot: 200 with `status: "handed_off"` and only the user\'s message.',
          `- **Limits:** ${chatBodyLimit} per body and ${chatTextLimit} per \`text\` (413 beyond).`,
          `- **Sensitive nodes:** an answer to a \`sensitive\` node appears as "${REDACTED}", already in this response.`,
          chatStreamDescription,
        ].join('\n'),
        security: conversationToken,
        parameters: [parameterRef('ConversationId')],
        requestBody: { required: true, content: json(schemaRef('MessageRequest')) },
        responses: {
          '200': { ...ok('The turn was processed (or replayed, for a known message id).', schemaRef('TurnResponse')), content: { ...json(schemaRef('TurnResponse')), ...chatStreamContent } },
          '400': responseRef('BadRequest'),
          '401': responseRef('ConversationUnauthorized'),
          '404': error('`CONVERSATION_NOT_FOUND`: no such conversation (or it was deleted by retention).'),
          '409': error('`CONVERSATION_ENDED`: the conversation has ended. `MESSAGE_ID_REUSED`: the message id was used before with a different body.'),
          '413': tooLarge(chatBodyLimit, ` \`MESSAGE_TOO_LONG\`: \`text\` is over ${chatTextLimit} (\`details.length\`, \`details.limit\`).`),
          '429': responseRef('TooManyRequests'),
        },
      },
    },
    '/v1/conversations/{conversationId}': {
      get: {
        operationId: 'getConversation',
        tags: ['chat'],
        summary: 'Read a conversation',
        description:
          `Returns the status and every message so far, in order. Answers to sensitive nodes appear as "${REDACTED}". ` +
          'Authorized by the conversation token; the admin token works too.',
        security: [...conversationToken, { adminToken: [] }],
        parameters: [parameterRef('ConversationId')],
        responses: {
          '200': ok('The conversation so far.', schemaRef('Transcript')),
          '401': responseRef('ConversationUnauthorized'),
          '404': error('`CONVERSATION_NOT_FOUND`: no such conversation.'),
          '429': responseRef('TooManyRequests'),
        },
      },
    },
    '/v1/openapi.json': {
      get: {
        operationId: 'getOpenApiDocument',
        tags: ['system'],
        summary: 'This OpenAPI document',
        description: 'Public; also the readiness check: the server is ready when this answers 200.',
        security: publicRoute,
        responses: { '200': ok('The OpenAPI 3.1 document of this API.', { type: 'object' }) },
      },
    },
    '/v1/health': {
      get: {
        operationId: 'getHealth',
        tags: ['system'],
        summary: 'Health check',
        description: 'Public. Checks that the database answers.',
        security: publicRoute,
        responses: {
          '200': ok('The server and its database are up.', schemaRef('Health')),
          '500': error('`INTERNAL`: the database does not answer.'),
        },
      },
    },
  };
}
