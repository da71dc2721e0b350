import { REDACTED } from '../engine/redaction.js';
import { adminPaths } from './openApiAdminPaths.js';
import { chatPaths } from './openApiChatPaths.js';
import { flowPaths } from './openApiFlowPaths.js';
import { templatePaths } from './openApiTemplatePaths.js';
import { chatBodyLimit, chatTextLimit, componentParameters, componentResponses, flowBodyLimit } from './openApiResponses.js';
import { componentSchemas } from './openApiSchemas.js';
import { filePaths } from '../files/openApiFilePaths.js';
import { calendarPaths } from '../calendar/openApiCalendarPaths.js';
import { contactPaths } from '../contacts/openApiContactPaths.js';
import { knowledgePaths } from '../knowledge/openApiKnowledgePaths.js';
import { llmPaths } from '../llm/openApiLlmPaths.js';
import { inventoryPaths } from '../inventory/openApiInventoryPaths.js';
import { notifierPaths } from '../notifier/openApiNotifierPaths.js';

const description = `Dialogwerk is a self-hostable chatbot runtime. This API has two parts.

**Public chat API** (tag \`chat\`): what a website widget or any other client uses to talk to a published bot. Starting a
conversation needs no credentials; it returns a conversation token that authorizes every later request for that
conversation (\`Authorization: Bearer <conversation token>\`, security scheme \`conversationToken\`).

**Admin API** (tags \`flows\`, \`conversations\`, \`handoffs\`, \`nodes\`): drafts, validation, publishing and versions of
flows, test conversations, staff views of conversations, the handoff inbox and the node catalogue. Every admin route
requires \`Authorization: Bearer <admin token>\` (security scheme \`adminToken\`) and answers 401 without it or with a
wrong one. The admin token comes from \`DIALOGWERK_ADMIN_TOKEN\`, else it is generated on first start, stored and printed.

Public without any token: the chat routes above, \`GET /v1/openapi.json\` (this document, also the readiness check) and
\`GET /v1/health\`.

**Conversation rules.** \`status\` is \`awaiting_input\`, \`ended\` or \`handed_off\`; \`input\` is present only while
\`awaiting_input\`. Customer messages are idempotent by their client message \`id\` for the conversation's whole life
(same id, different body: 409) and are processed one at a time in arrival order. A message to an ended conversation is a
409. Message texts round-trip verbatim; answers to sensitive nodes appear as "${REDACTED}" in every transcript view.

**Errors.** Every error is JSON \`{ "error": { "code", "message", "details"? } }\` (schema \`Error\`): 400 malformed JSON or
body, 401 missing or wrong token, 404 unknown id, 409 conflicts, 413 body over the limit (chat: ${chatBodyLimit} per body and
${chatTextLimit} per text; flow documents: ${flowBodyLimit}), 422 invalid flow or semantically invalid request, 429 rate
limited. \`message\` is German when \`Accept-Language\` starts with \`de\`, else English. Nothing a client sends causes a 5xx.`;

const tags = [
  { name: 'chat', description: 'Public chat API: start a conversation, send messages, read the conversation (conversation token).' },
  { name: 'flows', description: 'Flow drafts, validation, publishing, versions and test conversations (admin token).' },
  { name: 'conversations', description: 'Staff views of conversations: filtered list and full event log (admin token).' },
  { name: 'handoffs', description: 'The staff side of a handoff: inbox, agent messages, release to the bot (admin token).' },
  { name: 'nodes', description: 'The node catalogue: every node type with config schema and ports (admin token).' },
  { name: 'calendar', description: 'The built-in calendar: calendars, subscription links, bookings and .ics files (admin token; the .ics files use their own tokens).' },
  { name: 'contacts', description: 'The built-in contacts store: contacts, leads with transcripts, CSV export, GDPR erasure, callback requests (admin token).' },
  { name: 'knowledge', description: 'Knowledge bases shared by flows (faq nodes): entries, CSV/Markdown import, CSV/JSON export (admin token).' },
  { name: 'llm', description: 'Language model settings (provider, model, encrypted API key) and token usage (admin token).' },
  { name: 'inventory', description: 'The built-in inventory check_stock looks products up in: products, lookup, CSV import and export (admin token).' },
  { name: 'notifications', description: 'Notes for staff from the embedded notifier, e.g. low stock for sales: list and mark read (admin token).' },
  { name: 'system', description: 'Public system routes: this document and the health check.' },
];

/** The OpenAPI 3.1 document served at `/v1/openapi.json`; it describes the public contract (docs: /work/shared/CONTRACT.md). */
export function openApiDocument(version: string): Record<string, unknown> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Dialogwerk API',
      version,
      description,
      license: { name: 'Apache-2.0', identifier: 'Apache-2.0' },
    },
    servers: [{ url: '/' }],
    security: [{ adminToken: [] }],
    tags,
    paths: { ...chatPaths(), ...flowPaths(), ...templatePaths(), ...adminPaths(), ...filePaths(), ...calendarPaths(), ...contactPaths(), ...knowledgePaths(), ...llmPaths(), ...inventoryPaths(), ...notifierPaths() },
    components: {
      securitySchemes: {
        adminToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The admin token (`DIALOGWERK_ADMIN_TOKEN`, or generated on first start). Required by every admin route.',
        },
        conversationToken: {
          type: 'http',
          scheme: 'bearer',
          description: 'The `token` returned when a conversation starts; valid for that conversation only.',
        },
      },
      parameters: componentParameters,
      responses: componentResponses,
      schemas: componentSchemas(),
    },
  };
}
