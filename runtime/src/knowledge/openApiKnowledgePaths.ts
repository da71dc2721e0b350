import { z } from 'zod';
import { json, responseRef } from '../api/openApiJsonSchema.js';
import { adminUnauthorized, error, ok, tooLarge } from '../api/openApiResponses.js';
import type { JsonSchema, OpenApiParameter, OpenApiPaths } from '../api/openApiTypes.js';
import { knowledgeBaseBody, knowledgeEntryBody, knowledgeIdPattern } from './knowledgeSchemas.js';

const inline = (schema: z.ZodType): JsonSchema => {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input' }) as JsonSchema;
  return rest;
};

const entry: JsonSchema = { ...inline(knowledgeEntryBody), description: 'An FAQ entry: `Text` values are a string or `{ "<locale>": "..." }`.' };
const storedEntry: JsonSchema = { ...entry, required: ['id', 'question', 'answer'] };
const instant = { type: 'string', format: 'date-time' } as const;
const summaryProperties = {
  id: { type: 'string' },
  name: { type: 'string' },
  revision: { type: 'integer', description: 'Raised by every write; faq nodes pick up the new entries at once.' },
  entryCount: { type: 'integer' },
  createdAt: instant,
  updatedAt: instant,
};
const summaryRequired = ['id', 'name', 'revision', 'entryCount', 'createdAt', 'updatedAt'];
const summary: JsonSchema = { type: 'object', properties: summaryProperties, required: summaryRequired, additionalProperties: false };
const base: JsonSchema = {
  type: 'object',
  properties: { ...summaryProperties, entries: { type: 'array', items: storedEntry } },
  required: [...summaryRequired, 'entries'],
  additionalProperties: false,
};
const limit = '5 MiB';

const kbId: OpenApiParameter = {
  name: 'kbId',
  in: 'path',
  required: true,
  description: 'Knowledge base id (same rule as flow ids). A malformed id is a 404.',
  schema: { type: 'string', pattern: knowledgeIdPattern.source },
};
const entryId: OpenApiParameter = { ...kbId, name: 'entryId', description: 'Entry id (same rule as flow ids).' };

const notFound = error('`KNOWLEDGE_BASE_NOT_FOUND`: no knowledge base with this id.');
const entryNotFound = error('`KNOWLEDGE_BASE_NOT_FOUND` or `KNOWLEDGE_ENTRY_NOT_FOUND`.');
const badRequest = { '400': responseRef('BadRequest') };
const tags = ['knowledge'];

/** Knowledge bases shared by flows: CRUD, single entries, CSV/Markdown import and CSV/JSON export (docs/KNOWLEDGE.md). */
export function knowledgePaths(): OpenApiPaths {
  return {
    '/v1/knowledge-bases': {
      get: {
        operationId: 'listKnowledgeBases',
        tags,
        summary: 'List knowledge bases',
        responses: { '200': ok('All knowledge bases, by id.', { type: 'object', properties: { items: { type: 'array', items: summary } }, required: ['items'] }), ...adminUnauthorized },
      },
      post: {
        operationId: 'createKnowledgeBase',
        tags,
        summary: 'Create a knowledge base',
        description: 'Entries without `id` get one derived from their question.',
        requestBody: { required: true, content: json({ ...inline(knowledgeBaseBody), properties: { id: { type: 'string', pattern: knowledgeIdPattern.source }, ...(inline(knowledgeBaseBody).properties as object) }, required: ['id', 'name'] }) },
        responses: {
          '201': ok('The new knowledge base.', base),
          ...badRequest,
          ...adminUnauthorized,
          '409': error('`KNOWLEDGE_BASE_EXISTS`: the id is taken.'),
          '413': tooLarge(limit),
        },
      },
    },
    '/v1/knowledge-bases/{kbId}': {
      get: {
        operationId: 'getKnowledgeBase',
        tags,
        summary: 'Read a knowledge base with its entries',
        parameters: [kbId],
        responses: { '200': ok('The knowledge base.', base), ...adminUnauthorized, '404': notFound },
      },
      put: {
        operationId: 'replaceKnowledgeBase',
        tags,
        summary: 'Create or replace a knowledge base',
        description: 'The entries replace all existing ones, in the given order; entries without `id` get one derived from their question.',
        parameters: [kbId],
        requestBody: { required: true, content: json(inline(knowledgeBaseBody)) },
        responses: {
          '200': ok('Replaced.', summary),
          '201': ok('Created.', summary),
          ...badRequest,
          ...adminUnauthorized,
          '404': notFound,
          '413': tooLarge(limit),
        },
      },
      delete: {
        operationId: 'deleteKnowledgeBase',
        tags,
        summary: 'Delete a knowledge base',
        description: 'faq nodes that still use it take `no_match` (and log a warning) until it exists again.',
        parameters: [kbId],
        responses: { '204': { description: 'Deleted.' }, ...adminUnauthorized, '404': notFound },
      },
    },
    '/v1/knowledge-bases/{kbId}/entries': {
      get: {
        operationId: 'listKnowledgeEntries',
        tags,
        summary: 'List the entries',
        parameters: [kbId],
        responses: { '200': ok('The entries in order.', { type: 'object', properties: { items: { type: 'array', items: storedEntry } }, required: ['items'] }), ...adminUnauthorized, '404': notFound },
      },
    },
    '/v1/knowledge-bases/{kbId}/entries/{entryId}': {
      get: {
        operationId: 'getKnowledgeEntry',
        tags,
        summary: 'Read one entry',
        parameters: [kbId, entryId],
        responses: { '200': ok('The entry.', storedEntry), ...adminUnauthorized, '404': entryNotFound },
      },
      put: {
        operationId: 'putKnowledgeEntry',
        tags,
        summary: 'Create or replace one entry',
        description: 'A new entry is appended; an existing one keeps its position. Takes effect in running flows at once.',
        parameters: [kbId, entryId],
        requestBody: { required: true, content: json(entry) },
        responses: {
          '200': ok('Replaced.', { type: 'object', properties: { entry: storedEntry, revision: { type: 'integer' } }, required: ['entry', 'revision'] }),
          '201': ok('Created.', { type: 'object', properties: { entry: storedEntry, revision: { type: 'integer' } }, required: ['entry', 'revision'] }),
          ...badRequest,
          ...adminUnauthorized,
          '404': notFound,
          '413': tooLarge(limit),
          '422': error('`KNOWLEDGE_ENTRY_ID_MISMATCH`: the body\'s `id` differs from the URL.'),
        },
      },
      delete: {
        operationId: 'deleteKnowledgeEntry',
        tags,
        summary: 'Delete one entry',
        parameters: [kbId, entryId],
        responses: { '200': ok('Deleted.', { type: 'object', properties: { revision: { type: 'integer' } }, required: ['revision'] }), ...adminUnauthorized, '404': entryNotFound },
      },
    },
    '/v1/knowledge-bases/{kbId}/import': {
      post: {
        operationId: 'importKnowledgeEntries',
        tags,
        summary: 'Import entries from CSV or Markdown',
        description:
          'The body is the file (UTF-8, a BOM is fine). CSV: header row with `id`, `question[_<locale>]`, `alternatives[_<locale>]` ' +
          '(several separated by `|` or line breaks), `answer[_<locale>]` (German names `frage`, `alternativen`, `antwort` work too), ' +
          'separated by `,` or `;`. Markdown: `## question {#id}`, an optional bullet list of other phrasings, then the answer; ' +
          '`# de` / `# en` headings start locale sections. All or nothing: any problem refuses the whole file with a 422 listing ' +
          'every problem with its line. `mode=merge` (default) updates entries with the same id and appends new ones; ' +
          '`mode=replace` makes the file the whole knowledge base.',
        parameters: [
          kbId,
          { name: 'mode', in: 'query', schema: { type: 'string', enum: ['merge', 'replace'], default: 'merge' } },
          { name: 'format', in: 'query', description: 'Else taken from Content-Type (`text/csv`, `text/markdown`).', schema: { type: 'string', enum: ['csv', 'markdown'] } },
        ],
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } }, 'text/markdown': { schema: { type: 'string' } } } },
        responses: {
          '200': ok('Imported.', {
            type: 'object',
            properties: {
              mode: { type: 'string', enum: ['merge', 'replace'] },
              format: { type: 'string', enum: ['csv', 'markdown'] },
              entries: { type: 'integer', description: 'Entries in the file.' },
              revision: { type: 'integer' },
              created: { type: 'integer' },
              updated: { type: 'integer' },
              removed: { type: 'integer', description: 'Entries dropped by `mode=replace`.' },
            },
            required: ['mode', 'format', 'entries', 'revision', 'created', 'updated', 'removed'],
          }),
          '400': error('`INVALID_QUERY`: unknown `mode` or `format`.'),
          ...adminUnauthorized,
          '404': notFound,
          '413': tooLarge(limit),
          '415': error('`IMPORT_FORMAT_UNKNOWN`: neither `format` nor a CSV/Markdown Content-Type.'),
          '422': error(
            '`IMPORT_INVALID`: nothing was imported; `details` lists every problem as `{ line, column?, code, message, messages: { de, en } }` ' +
              '(codes such as `CSV_MALFORMED`, `CSV_UNKNOWN_COLUMN`, `CSV_MISSING_COLUMN`, `QUESTION_MISSING`, `ANSWER_MISSING`, `DUPLICATE_ID`, ' +
              '`ENTRY_INVALID`, `MARKDOWN_OUTSIDE_ENTRY`, `NOT_UTF8`).',
          ),
        },
      },
    },
    '/v1/knowledge-bases/{kbId}/export': {
      get: {
        operationId: 'exportKnowledgeBase',
        tags,
        summary: 'Export as JSON or CSV',
        description: 'CSV: UTF-8 with BOM, `;` separated unless `separator=,`, in the import format (re-importable).',
        parameters: [
          kbId,
          { name: 'format', in: 'query', schema: { type: 'string', enum: ['json', 'csv'], default: 'json' } },
          { name: 'separator', in: 'query', schema: { type: 'string', enum: [';', ','], default: ';' } },
        ],
        responses: {
          '200': {
            description: 'The knowledge base.',
            content: { ...json({ ...base, properties: { format: { const: 'dialogwerk.knowledge/1' }, ...(base.properties as object) }, required: ['format', ...(base.required as string[])] }), 'text/csv': { schema: { type: 'string' } } },
          },
          '400': error('`INVALID_QUERY`: unknown `format` or `separator`.'),
          ...adminUnauthorized,
          '404': notFound,
        },
      },
    },
  };
}
