import { schemaRef } from './openApiJsonSchema.js';
import { adminUnauthorized, error, ok } from './openApiResponses.js';
import type { JsonSchema, OpenApiPaths } from './openApiTypes.js';

const templateSummary: JsonSchema = {
  type: 'object',
  description: 'A template: one of the example flows, summarised for a picker.',
  properties: {
    id: { type: 'string', description: 'The template id (the flow id inside the document).', examples: ['online-shop'] },
    name: { type: 'string' },
    description: { type: 'string' },
    locales: { type: 'array', items: { type: 'string' }, description: 'The languages the flow speaks, the default first.' },
    nodeCount: { type: 'integer', minimum: 0 },
  },
  required: ['id', 'name', 'locales', 'nodeCount'],
  additionalProperties: false,
};
const tags = ['flows'];

/** Flow templates: the example flows staff can start a new flow from (admin token). */
export function templatePaths(): OpenApiPaths {
  return {
    '/v1/templates': {
      get: {
        operationId: 'listTemplates',
        tags,
        summary: 'List flow templates',
        description:
          'The example flows a new flow can start from (`examples/flows` of the installation). Only documents that are valid ' +
          'flows for this runtime\'s node types are listed.',
        responses: {
          '200': ok('The templates.', {
            type: 'object',
            properties: { items: { type: 'array', items: templateSummary } },
            required: ['items'],
            additionalProperties: false,
          }),
          ...adminUnauthorized,
        },
      },
    },
    '/v1/templates/{templateId}': {
      get: {
        operationId: 'getTemplate',
        tags,
        summary: 'Read a flow template',
        description: 'The template\'s flow document. To use it, change `id` and `name` and store it with `PUT /v1/flows/{flowId}`.',
        parameters: [
          {
            name: 'templateId',
            in: 'path',
            required: true,
            description: 'A template id from the list (same rules as flow ids; a malformed id is a 404).',
            schema: { type: 'string', pattern: '^[a-z0-9][a-z0-9_-]{0,63}$' },
          },
        ],
        responses: {
          '200': ok('The template.', { type: 'object', properties: { document: schemaRef('FlowDocument') }, required: ['document'], additionalProperties: false }),
          ...adminUnauthorized,
          '404': error('`TEMPLATE_NOT_FOUND`: no template with this id.'),
        },
      },
    },
  };
}
