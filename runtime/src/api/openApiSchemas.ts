import { FLOW_FORMAT, flowDocument, flowProblemCodeList, nodeCategories } from '@dialogwerk/nodes';
import { REDACTED } from '../engine/redaction.js';
import { MAX_MESSAGE_CHARS, messageBody, startConversationBody } from './chatRoutes.js';
import { schemaRef, zodComponents } from './openApiJsonSchema.js';
import type { JsonSchema } from './openApiTypes.js';

const string = (description?: string): JsonSchema => ({ type: 'string', ...(description ? { description } : {}) });
const dateTime = (description: string): JsonSchema => ({ type: 'string', format: 'date-time', description });
const nullable = (schema: JsonSchema): JsonSchema => ({ ...schema, type: [schema.type as string, 'null'] });
const object = (properties: Record<string, JsonSchema>, required: string[] = Object.keys(properties), description?: string): JsonSchema => ({
  type: 'object',
  ...(description ? { description } : {}),
  properties,
  required,
});
const listOf = (item: string, description?: string): JsonSchema =>
  object({ items: { type: 'array', items: schemaRef(item), ...(description ? { description } : {}) } });

export const statusValues = ['awaiting_input', 'ended', 'handed_off'] as const;
export const inputTypes = ['text', 'email', 'phone', 'number', 'date', 'choice', 'yesno', 'file'] as const;
const codePoints = MAX_MESSAGE_CHARS.toLocaleString('en-US');

/** Errors, shared by every operation. */
const errorSchemas: Record<string, JsonSchema> = {
  Error: {
    type: 'object',
    description:
      'Every error response. `code` is stable (UPPER_SNAKE) and meant for programs; `message` is for people, in German when ' +
      'the request\'s `Accept-Language` starts with `de`, else in English; `details` carries the facts (e.g. every schema ' +
      'issue of a malformed body, the limit that was exceeded, every validation problem of a flow).',
    properties: {
      error: object({
        code: { type: 'string', pattern: '^[A-Z][A-Z0-9_]*$', examples: ['CONVERSATION_ENDED'] },
        message: string('Human-readable explanation in the caller\'s language.'),
        details: { description: 'Structured facts about the error; its shape depends on `code`.' },
      }, ['code', 'message']),
    },
    required: ['error'],
  },
  BodyIssue: object({
    path: { type: 'array', items: { type: ['string', 'integer'] }, description: 'Where in the body the issue sits.' },
    message: string(),
    code: string('The schema check that failed (e.g. `invalid_type`, `too_big`).'),
  }, ['path', 'message'], 'One problem with the shape of a request body (`details` of `INVALID_BODY`).'),
  FlowInvalidError: {
    type: 'object',
    description: 'A 422 for a flow that does not validate: `details` lists every problem, errors and warnings alike.',
    properties: {
      error: object({
        code: { type: 'string', const: 'FLOW_INVALID' },
        message: string('How many errors the flow has, in the caller\'s language.'),
        details: { type: 'array', items: schemaRef('ValidationProblem') },
      }),
    },
    required: ['error'],
  },
};

/** The public chat API. */
const chatSchemas: Record<string, JsonSchema> = {
  ...zodComponents('StartConversationRequest', startConversationBody, (schema) => ({
    ...schema,
    description:
      'Starts a conversation. The body may be empty (same as `{}`). A missing or unsupported `locale` uses the flow\'s ' +
      'first locale (a language match such as `de-CH` → `de` counts). `context` sets declared flow variables only; other ' +
      'keys are ignored.',
  }), { __schema0: 'JsonValue' }),
  ...zodComponents('MessageRequest', messageBody, (schema) => {
    const properties = schema.properties as Record<string, JsonSchema>;
    return {
      ...schema,
      description:
        'A customer message: exactly one of `text`, `choice` and `files` (uploaded file ids, for `input.type` `file`). `id` is chosen by the client and makes the request ' +
        'idempotent for the whole life of the conversation.',
      properties: {
        ...properties,
        id: { ...properties.id, description: 'Client message id (1-128 characters), unique within the conversation.' },
        text: {
          ...properties.text,
          maxLength: MAX_MESSAGE_CHARS,
          description: `Free text, stored and shown verbatim (no trimming or escaping); at most ${codePoints} Unicode code points, else 413.`,
        },
        choice: { ...properties.choice, description: 'The id of one of the offered `input.choices`.' },
        files: { ...properties.files, description: 'Ids of files uploaded with `POST /v1/conversations/{conversationId}/files`, answering a file question.' },
      },
      oneOf: [{ required: ['text'] }, { required: ['choice'] }, { required: ['files'] }],
    };
  }),
  ConversationStatus: {
    type: 'string',
    enum: [...statusValues],
    description:
      '`awaiting_input`: the bot waits for the customer. `ended`: the conversation is over; further messages are 409. ' +
      '`handed_off`: staff have taken over; customer messages are stored and shown to staff but not answered by the bot.',
  },
  Choice: object({ id: string('Send this as `choice` to pick it.'), label: string('Shown to the customer, in the conversation\'s locale.') }),
  ChatMessage: object(
    {
      id: string('Unique within the conversation; for user messages the client message id.'),
      role: { type: 'string', enum: ['bot', 'user', 'agent'] },
      text: string(`The text in the conversation's locale, verbatim. Answers to sensitive nodes (and bot texts containing them) appear as "${REDACTED}".`),
      choices: { type: 'array', items: schemaRef('Choice'), description: 'Quick replies offered with this message.' },
      attachments: {
        type: 'array',
        description: 'Links that belong to the message, e.g. the .ics file of a booking or an uploaded photo.',
        items: object({ name: string('File name to show.'), url: string('Where to fetch it (relative to the server).'), contentType: string('MIME type.') }, ['name', 'url']),
      },
      createdAt: dateTime('When the message was recorded (ISO 8601).'),
    },
    ['id', 'role', 'text', 'createdAt'],
  ),
  InputSpec: object(
    {
      type: {
        type: 'string',
        examples: [...inputTypes],
        description: `What the bot expects: the \`ask\` node's input type (${inputTypes.map((t) => `\`${t}\``).join(', ')}) or \`text\`; plugins may define more.`,
      },
      choices: { type: 'array', items: schemaRef('Choice'), description: 'For `choice` and `yesno`: the answers to offer (for an optional `file` question: a `skip` button).' },
      accept: { type: 'array', items: { type: 'string' }, description: 'For `file`: accepted types, e.g. `image/*`, `application/pdf`.' },
      maxSizeMb: { type: 'number', description: 'For `file`: the largest file in MB.' },
      maxFiles: { type: 'integer', description: 'For `file`: how many files one answer may reference.' },
    },
    ['type'],
    'What the customer should answer next. Present only while the status is `awaiting_input`.',
  ),
  TurnResponse: {
    type: 'object',
    description:
      'The result of a turn. `messages` are the ones this turn added, in order (for a customer message: the user\'s ' +
      'message first, then the replies). `input` is present exactly when `status` is `awaiting_input`.',
    properties: {
      status: schemaRef('ConversationStatus'),
      messages: { type: 'array', items: schemaRef('ChatMessage') },
      input: schemaRef('InputSpec'),
    },
    required: ['status', 'messages'],
    if: { properties: { status: { const: 'awaiting_input' } } },
    then: { required: ['input'] },
    else: { not: { required: ['input'] } },
  },
  StartConversationResponse: {
    description: 'A new conversation: keep `token`, it is the only way to continue or read the conversation.',
    allOf: [
      schemaRef('TurnResponse'),
      object({
        conversationId: string('Id of the new conversation.'),
        token: string('Conversation token; send it as `Authorization: Bearer <token>` on the conversation routes.'),
      }),
    ],
  },
  Transcript: object(
    {
      status: schemaRef('ConversationStatus'),
      messages: { type: 'array', items: schemaRef('ChatMessage'), description: 'Every message so far, in order.' },
    },
    ['status', 'messages'],
    `The whole conversation as the customer sees it; sensitive answers appear as "${REDACTED}".`,
  ),
};

/** Flows, validation and versions. */
const flowSchemas: Record<string, JsonSchema> = {
  ...zodComponents('FlowDocument', flowDocument, (schema) => ({
    title: 'Dialogwerk flow document',
    description:
      `A chatbot flow in format \`${FLOW_FORMAT}\`: nodes, the edges between their ports, variables and settings. Node ` +
      '`config` stays an open object here; each node type\'s config schema is in the node catalogue (`GET /v1/nodes`).',
    ...schema,
  })),
  Localized: object({ de: string(), en: string() }, ['de', 'en'], 'A text in both product languages.'),
  ValidationProblem: object(
    {
      code: { type: 'string', enum: [...flowProblemCodeList], description: 'Stable problem code; new codes may be added.' },
      severity: {
        type: 'string',
        enum: ['error', 'warning'],
        description: 'Errors block saving a strict draft and publishing; warnings point at probably unintended things.',
      },
      path: { type: 'array', items: { type: ['string', 'integer'] }, description: 'Where in the flow document the problem sits, e.g. `["nodes", 3, "config", "text"]`.' },
      nodeId: string('The node concerned, if any.'),
      edgeId: string('The edge concerned, if any.'),
      nodeIds: { type: 'array', items: { type: 'string' }, description: 'Every node involved when there are several (the nodes of a loop).' },
      message: string('The problem in the request\'s language (`Accept-Language`: `de` or else English).'),
      messages: { ...schemaRef('Localized'), description: 'The problem in both product languages.' },
      params: { type: 'object', additionalProperties: { type: ['string', 'number'] }, description: 'The facts the message is built from.' },
    },
    ['code', 'severity', 'path', 'message', 'messages'],
    'One problem the flow validator found.',
  ),
  FlowSummary: object({
    id: string(),
    name: string(),
    revision: { type: 'integer', description: 'Draft revision; grows with every save.' },
    publishedVersion: nullable({ type: 'integer', description: 'The live version, null while never published.' }),
    createdAt: dateTime('When the flow was created.'),
    updatedAt: dateTime('Last change (draft saved or published).'),
  }),
  FlowList: listOf('FlowSummary', 'Every flow, ordered by name.'),
  Flow: object(
    {
      draft: schemaRef('FlowDocument'),
      revision: { type: 'integer', description: 'Draft revision, for `If-Match` on the next save.' },
      publishedVersion: nullable({ type: 'integer', description: 'The live version, null while never published.' }),
      name: string(),
      updatedAt: dateTime('Last change (draft saved or published).'),
    },
    ['draft', 'revision', 'publishedVersion'],
  ),
  SaveDraftResponse: object(
    {
      revision: { type: 'integer', description: 'The new draft revision.' },
      problems: { type: 'array', items: schemaRef('ValidationProblem'), description: 'Remaining problems (warnings; errors too when saved with `allowErrors`).' },
      warnings: { type: 'integer', description: 'How many of `problems` are warnings.' },
      ports: {
        type: 'object',
        additionalProperties: { type: 'array', items: schemaRef('PortSpec') },
        description: 'Output ports of each node whose ports depend on its config (choices, intents, rules), by node id; nodes whose config cannot be read are left out.',
      },
    },
    ['revision'],
  ),
  ValidationResult: object({
    ok: { type: 'boolean', description: 'True when the flow has no errors (warnings allowed).' },
    problems: { type: 'array', items: schemaRef('ValidationProblem') },
    ports: {
      type: 'object',
      additionalProperties: { type: 'array', items: schemaRef('PortSpec') },
      description: 'Output ports of each node whose ports depend on its config (choices, intents, rules), by node id; nodes whose config cannot be read are left out.',
    },
  }),
  PublishRequest: object({ note: { type: 'string', maxLength: 2000, description: 'Release note stored with the version.' } }, []),
  PublishResponse: object(
    {
      version: { type: 'integer', minimum: 1, description: 'The new live version number.' },
      problems: { type: 'array', items: schemaRef('ValidationProblem'), description: 'Present when the server has warnings about the published flow (e.g. no language model configured for an llm_answer node).' },
    },
    ['version'],
  ),
  RollbackRequest: object(
    {
      version: { type: 'integer', minimum: 1, description: 'The published version to bring back.' },
      note: { type: 'string', maxLength: 2000, description: 'Release note; defaults to "rollback to version N".' },
    },
    ['version'],
  ),
  RollbackResponse: object({
    version: { type: 'integer', description: 'The new live version (a copy of the old one).' },
    revision: { type: 'integer', description: 'The new draft revision (the draft is replaced by the old document).' },
  }),
  FlowVersionSummary: object({
    versionId: { type: 'integer', description: 'Internal id of the stored snapshot.' },
    flowId: string(),
    version: nullable({ type: 'integer' }),
    note: nullable({ type: 'string' }),
    createdBy: nullable({ type: 'string' }),
    createdAt: dateTime('When the version was published.'),
  }),
  FlowVersionList: object({
    items: { type: 'array', items: schemaRef('FlowVersionSummary'), description: 'Published versions, newest first.' },
    publishedVersion: nullable({ type: 'integer', description: 'The live version.' }),
  }),
  FlowVersion: {
    allOf: [schemaRef('FlowVersionSummary'), object({ document: schemaRef('FlowDocument') })],
  },
  DeleteFlowResponse: object({ deleted: { type: 'boolean', const: true } }),
};

/** Staff views: conversations, handoffs, the node catalogue, health. */
const adminSchemas: Record<string, JsonSchema> = {
  ConversationSummary: object({
    conversationId: string(),
    flowId: string(),
    flowVersion: nullable({ type: 'integer', description: 'The published version it runs on (null for test conversations on a draft).' }),
    isTest: { type: 'boolean', description: 'Test conversations (builder test chat) are excluded from KPIs.' },
    status: schemaRef('ConversationStatus'),
    locale: string(),
    turns: { type: 'integer' },
    createdAt: dateTime('Start of the conversation.'),
    updatedAt: dateTime('Last turn.'),
    endedAt: nullable({ type: 'string', format: 'date-time' }),
  }),
  ConversationList: object({
    items: { type: 'array', items: schemaRef('ConversationSummary'), description: 'Newest first.' },
    next: nullable({ type: 'string', description: 'Pass as `before` to get the next page; null on the last page.' }),
  }),
  ConversationEvent: object(
    {
      turn: { type: 'integer', description: 'The turn that recorded the event (0 is the start).' },
      type: string('Event type, e.g. `conversation_started`, `message`, `node_entered`, `node_left` (with the port taken), `handoff_opened`, `conversation_ended`.'),
      nodeId: nullable({ type: 'string', description: 'The node concerned, if any.' }),
      port: nullable({ type: 'string', description: 'The port taken, for `node_left`.' }),
      message: { ...schemaRef('ChatMessage'), description: `For \`message\` events; sensitive answers appear as "${REDACTED}".` },
      data: { type: 'object', description: 'Event-specific facts.' },
      createdAt: dateTime('When the event happened.'),
    },
    ['turn', 'type', 'createdAt'],
  ),
  ConversationEventLog: object({
    conversationId: string(),
    flowId: string(),
    flowVersion: nullable({ type: 'integer' }),
    isTest: { type: 'boolean' },
    status: schemaRef('ConversationStatus'),
    locale: string(),
    createdAt: dateTime('Start of the conversation.'),
    updatedAt: dateTime('Last turn.'),
    events: { type: 'array', items: schemaRef('ConversationEvent'), description: 'Every engine event, in order.' },
  }),
  HandoffStatus: { type: 'string', enum: ['open', 'closed'], description: 'Released or ended handoffs are `closed`.' },
  HandoffSummary: object({
    conversationId: string(),
    flowId: string(),
    nodeId: nullable({ type: 'string', description: 'The escalate node that handed off.' }),
    reason: nullable({ type: 'string', description: 'Why the bot handed off, in the flow\'s default locale.' }),
    status: schemaRef('HandoffStatus'),
    locale: string('The conversation\'s locale.'),
    createdAt: dateTime('When the handoff started.'),
    closedAt: nullable({ type: 'string', format: 'date-time' }),
  }),
  HandoffList: listOf('HandoffSummary', 'Ordered by `createdAt`, oldest first.'),
  Handoff: object({
    conversationId: string(),
    flowId: string(),
    status: schemaRef('HandoffStatus'),
    reason: nullable({ type: 'string', description: 'Rendered in the flow\'s default locale.' }),
    createdAt: dateTime('When the handoff started.'),
    conversationStatus: schemaRef('ConversationStatus'),
    messages: { type: 'array', items: schemaRef('ChatMessage'), description: `The whole transcript; sensitive answers appear as "${REDACTED}".` },
  }),
  AgentMessageRequest: object({
    id: { type: 'string', minLength: 1, maxLength: 128, description: 'Client message id; makes the request idempotent.' },
    text: { type: 'string', minLength: 1, maxLength: MAX_MESSAGE_CHARS, description: `At most ${codePoints} Unicode code points, else 413.` },
  }),
  AgentMessageResponse: object({ message: schemaRef('ChatMessage') }),
  ReleaseRequest: object({ node: { type: 'string', minLength: 1, maxLength: 64, description: 'Node id to continue at; else the escalate node\'s `handed_off` port.' } }, []),
  PortSpec: object(
    {
      id: string(),
      label: schemaRef('Localized'),
      kind: { type: 'string', enum: ['default', 'error'], description: '`error` ports are where a failing node continues.' },
    },
    ['id', 'label'],
  ),
  NodeCatalogueEntry: object(
    {
      type: string('Node type as used in flow documents.'),
      version: { type: 'integer', minimum: 1, description: 'Current config version of the type.' },
      category: { type: 'string', enum: [...nodeCategories] },
      label: schemaRef('Localized'),
      description: schemaRef('Localized'),
      icon: string('Icon name (lucide).'),
      configSchema: { type: 'object', description: 'JSON Schema (draft 2020-12) of the node\'s `config`.' },
      ports: { type: 'array', items: schemaRef('PortSpec'), description: 'Output ports for the default config.' },
      dynamicPorts: { type: 'boolean', description: 'True when the ports depend on the config (e.g. one per choice).' },
      source: string('`core` or the plugin that provides the type.'),
    },
    ['type', 'version', 'category', 'label', 'description', 'configSchema', 'ports', 'dynamicPorts', 'source'],
  ),
  NodeCatalogue: listOf('NodeCatalogueEntry'),
  Health: object({ status: { type: 'string', const: 'ok' }, version: string('Server version.') }),
};

/** Every component schema of the document. */
export function componentSchemas(): Record<string, JsonSchema> {
  return { ...errorSchemas, ...chatSchemas, ...flowSchemas, ...adminSchemas };
}
