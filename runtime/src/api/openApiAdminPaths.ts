import { REDACTED } from '../engine/redaction.js';
import { json, parameterRef, responseRef, schemaRef } from './openApiJsonSchema.js';
import { adminUnauthorized, chatBodyLimit, chatTextLimit, error, ok, smallBodyLimit, tooLarge } from './openApiResponses.js';
import { statusValues } from './openApiSchemas.js';
import type { JsonSchema, OpenApiPaths } from './openApiTypes.js';

const invalidQuery = (what: string) => error(`\`INVALID_QUERY\`: ${what}.`);
const notHandedOff = '`CONVERSATION_NOT_HANDED_OFF`: the conversation is not handed off to staff right now.';

/** The transcript route's answer: the event log plus the conversation's current state (added later, so composed). */
const transcriptWithState: JsonSchema = {
  allOf: [
    schemaRef('ConversationEventLog'),
    {
      type: 'object',
      properties: {
        state: {
          type: 'object',
          description: 'Where the conversation stands after its last turn, for the builder\'s test chat.',
          properties: {
            waitingNodeId: { type: ['string', 'null'], description: 'The node waiting for the customer\'s answer; null once it ended or was handed off.' },
            variables: {
              type: 'object',
              additionalProperties: {},
              description: `The conversation's variables by name. Answers given at sensitive nodes (and values derived from them) appear as "${REDACTED}".`,
            },
          },
          required: ['waitingNodeId', 'variables'],
        },
      },
      required: ['state'],
    },
  ],
};

/** Staff views of conversations, the handoff inbox and the node catalogue (admin token). */
export function adminPaths(): OpenApiPaths {
  return {
    '/v1/conversations': {
      get: {
        operationId: 'listConversations',
        tags: ['conversations'],
        summary: 'List conversations',
        description: 'Newest first, filtered by the query parameters; page with `before` = the previous page\'s `next`.',
        parameters: [
          { name: 'flowId', in: 'query', description: 'Only conversations of this flow.', schema: { type: 'string' } },
          { name: 'status', in: 'query', description: 'Only conversations with this status.', schema: { type: 'string', enum: [...statusValues] } },
          { name: 'test', in: 'query', description: '`true`: only test conversations; `false`: none of them.', schema: { type: 'string', enum: ['true', 'false'] } },
          { name: 'before', in: 'query', description: 'Only conversations started before this instant (ISO 8601).', schema: { type: 'string', format: 'date-time' } },
          { name: 'limit', in: 'query', description: 'Page size.', schema: { type: 'integer', minimum: 1, maximum: 500, default: 50 } },
        ],
        responses: {
          '200': ok('A page of conversations.', schemaRef('ConversationList')),
          '400': invalidQuery('unknown `status` or `limit` outside 1-500'),
          ...adminUnauthorized,
        },
      },
    },
    '/v1/conversations/{conversationId}/transcript': {
      get: {
        operationId: 'getConversationEvents',
        tags: ['conversations'],
        summary: 'Read a conversation with every engine event',
        description: `For staff and debugging: messages and the path through the flow. Sensitive answers appear as "${REDACTED}".`,
        parameters: [parameterRef('ConversationId')],
        responses: {
          '200': ok('The conversation, its events in order, and where it stands now.', transcriptWithState),
          ...adminUnauthorized,
          '404': error('`CONVERSATION_NOT_FOUND`: no such conversation.'),
        },
      },
    },
    '/v1/handoffs': {
      get: {
        operationId: 'listHandoffs',
        tags: ['handoffs'],
        summary: 'List handoffs',
        description: 'The staff inbox: conversations the bot handed to staff, ordered by `createdAt`.',
        parameters: [
          { name: 'status', in: 'query', description: 'Open (waiting for staff) or closed (released or ended).', schema: { ...schemaRef('HandoffStatus'), default: 'open' } },
        ],
        responses: {
          '200': ok('The handoffs.', schemaRef('HandoffList')),
          '400': invalidQuery('`status` is neither `open` nor `closed`'),
          ...adminUnauthorized,
        },
      },
    },
    '/v1/handoffs/{conversationId}': {
      get: {
        operationId: 'getHandoff',
        tags: ['handoffs'],
        summary: 'Read a handoff with the whole transcript',
        description: `The latest handoff of the conversation; \`reason\` is rendered in the flow's default locale; sensitive answers appear as "${REDACTED}".`,
        parameters: [parameterRef('ConversationId')],
        responses: {
          '200': ok('The handoff.', schemaRef('Handoff')),
          ...adminUnauthorized,
          '404': error('`HANDOFF_NOT_FOUND`: the conversation has never been handed off (or does not exist).'),
        },
      },
    },
    '/v1/handoffs/{conversationId}/messages': {
      post: {
        operationId: 'sendAgentMessage',
        tags: ['handoffs'],
        summary: 'Send a staff message to the customer',
        description:
          'Adds a message with role `agent` that the customer sees in the conversation. Idempotent by `id` like customer ' +
          'messages (the same id with a different text is a 409). 409 when the conversation is not handed off.',
        parameters: [parameterRef('ConversationId')],
        requestBody: { required: true, content: json(schemaRef('AgentMessageRequest')) },
        responses: {
          '200': ok('The message was added (or replayed, for a known id).', schemaRef('AgentMessageResponse')),
          '400': responseRef('BadRequest'),
          ...adminUnauthorized,
          '404': error('`CONVERSATION_NOT_FOUND`: no such conversation.'),
          '409': error(`${notHandedOff} \`MESSAGE_ID_REUSED\`: the id was used before with a different text.`),
          '413': tooLarge(chatBodyLimit, ` \`MESSAGE_TOO_LONG\`: \`text\` is over ${chatTextLimit}.`),
        },
      },
    },
    '/v1/handoffs/{conversationId}/release': {
      post: {
        operationId: 'releaseHandoff',
        tags: ['handoffs'],
        summary: 'Hand the conversation back to the bot',
        description:
          'The bot takes over again at `node`, else at the escalate node\'s `handed_off` port; the status goes back to ' +
          '`awaiting_input` or `ended` and the handoff is `closed`. The response holds what the bot said on taking over.',
        parameters: [parameterRef('ConversationId')],
        requestBody: { required: false, content: json(schemaRef('ReleaseRequest')) },
        responses: {
          '200': ok('The bot has taken over.', schemaRef('TurnResponse')),
          '400': responseRef('BadRequest'),
          ...adminUnauthorized,
          '404': error('`CONVERSATION_NOT_FOUND`: no such conversation.'),
          '409': error(notHandedOff),
          '413': tooLarge(smallBodyLimit),
          '422': error('`NODE_UNKNOWN`: `node` does not exist in the conversation\'s flow version.'),
        },
      },
    },
    '/v1/nodes': {
      get: {
        operationId: 'listNodeTypes',
        tags: ['nodes'],
        summary: 'The node catalogue',
        description: 'Every node type the server knows (core and plugins) with its config schema and ports: what the builder needs to draw and configure any node.',
        responses: { '200': ok('The node catalogue.', schemaRef('NodeCatalogue')), ...adminUnauthorized },
      },
    },
  };
}
