import { parameterRef, responseRef } from '../api/openApiJsonSchema.js';
import { adminUnauthorized, error, ok } from '../api/openApiResponses.js';
import type { JsonSchema, OpenApiParameter, OpenApiResponse } from '../api/openApiTypes.js';
import { FILE_QUOTA } from './fileStore.js';
import { MAX_UPLOAD_BYTES } from './fileRoutes.js';
import { SNIFFABLE_TYPES } from './sniffContentType.js';

const MiB = 1024 * 1024;

const fileReference: JsonSchema = {
  type: 'object',
  description: 'An uploaded file. Send its `id` in a message (`files`) to answer the question; the `url` opens it with the conversation token.',
  properties: {
    id: { type: 'string', description: 'File id, to reference in `MessageRequest.files`.' },
    name: { type: 'string', description: 'Sanitised file name (no path), at most 120 code points.' },
    contentType: { type: 'string', enum: [...SNIFFABLE_TYPES], description: 'The type recognised from the file\'s first bytes (the declared type is ignored).' },
    size: { type: 'integer', description: 'Size in bytes.' },
    url: { type: 'string', description: 'Download URL relative to the server (conversation token or admin token).' },
  },
  required: ['id', 'name', 'contentType', 'size', 'url'],
  additionalProperties: false,
};

const fileId: OpenApiParameter = { name: 'fileId', in: 'path', required: true, description: 'The `id` the upload returned.', schema: { type: 'string' } };

const download = (who: string): OpenApiResponse => ({
  description:
    `The file's bytes (${who}) with its type as \`Content-Type\`, \`X-Content-Type-Options: nosniff\` and a \`Content-Disposition\` ` +
    'carrying its name (`inline` for images, `attachment` for PDFs).',
  content: Object.fromEntries(SNIFFABLE_TYPES.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])),
});

/** Customer uploads for `ask` with input `file` and their downloads (docs/FILES.md). */
export function filePaths() {
  return {
    '/v1/conversations/{conversationId}/files': {
      post: {
        operationId: 'uploadFile',
        tags: ['chat'],
        summary: 'Upload a file to answer a file question',
        description: [
          'Stores one file for the conversation, then answer the question with `{ "id", "files": ["<file id>"] }` on the messages route.',
          '',
          '- **Body:** `multipart/form-data` with the file in the field `file`, or the file itself as the body (any `Content-Type`) with its name in the `X-File-Name` header (URL-encoded) or the `name` query parameter.',
          '- **When:** only while the conversation awaits a file (`input.type` is `file`); otherwise 409 `FILE_NOT_EXPECTED` (`CONVERSATION_ENDED` when ended).',
          `- **Types:** recognised from the first bytes (${SNIFFABLE_TYPES.join(', ')}) and limited to the question's \`input.accept\`; anything else is 415 \`FILE_TYPE_NOT_ALLOWED\`.`,
          `- **Size:** the question's \`input.maxSizeMb\` (at most ${MAX_UPLOAD_BYTES / MiB} MB), checked while the body arrives: 413 \`FILE_TOO_LARGE\`. Per conversation at most ${FILE_QUOTA.maxFiles} files and ${FILE_QUOTA.maxBytes / MiB} MB: 413 \`FILE_QUOTA_EXCEEDED\`.`,
          '- **Sensitive questions:** the file is stored encrypted and deleted once the conversation has ended.',
        ].join('\n'),
        security: [{ conversationToken: [] }],
        parameters: [parameterRef('ConversationId'), { name: 'name', in: 'query', required: false, description: 'File name for a raw body upload.', schema: { type: 'string' } }],
        requestBody: {
          required: true,
          content: {
            'multipart/form-data': { schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] } },
            'application/octet-stream': { schema: { type: 'string', format: 'binary' } },
          },
        },
        responses: {
          '201': ok('The file was stored.', fileReference),
          '400': error('`FILE_MISSING`: no file in the request. `FILE_ONE_PER_REQUEST`: more than one file part. `INVALID_BODY`: malformed multipart body.'),
          '401': responseRef('ConversationUnauthorized'),
          '404': error('`CONVERSATION_NOT_FOUND`: no such conversation.'),
          '409': error('`FILE_NOT_EXPECTED`: the bot is not asking for a file. `CONVERSATION_ENDED`: the conversation has ended.'),
          '413': error('`FILE_TOO_LARGE` (`details.limitBytes`) or `FILE_QUOTA_EXCEEDED` (`details.maxFiles`, `details.maxBytes`).'),
          '415': error('`FILE_TYPE_NOT_ALLOWED`: the bytes are not one of the accepted types (`details.accept`).'),
          '429': responseRef('TooManyRequests'),
        },
      },
    },
    '/v1/conversations/{conversationId}/files/{fileId}': {
      get: {
        operationId: 'getConversationFile',
        tags: ['chat'],
        summary: 'Download a file of the conversation',
        description: 'The customer opens an uploaded file (the `url` of a message attachment) with the conversation token; the admin token works too.',
        security: [{ conversationToken: [] }, { adminToken: [] }],
        parameters: [parameterRef('ConversationId'), fileId],
        responses: {
          '200': download('conversation or admin token'),
          '401': responseRef('ConversationUnauthorized'),
          '404': error('`CONVERSATION_NOT_FOUND` or `FILE_NOT_FOUND` (also for a sensitive answer\'s file once the conversation has ended).'),
          '429': responseRef('TooManyRequests'),
        },
      },
    },
    '/v1/files/{fileId}': {
      get: {
        operationId: 'getFile',
        tags: ['conversations'],
        summary: 'Download any uploaded file (staff)',
        description: 'Staff open a file a lead or transcript refers to, whatever conversation it belongs to.',
        parameters: [fileId],
        responses: {
          '200': download('admin token'),
          ...adminUnauthorized,
          '404': error('`FILE_NOT_FOUND`: no such file (or it was deleted by retention).'),
        },
      },
    },
  };
}
