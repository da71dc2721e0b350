import { json, parameterRef, responseRef, schemaRef } from './openApiJsonSchema.js';
import { adminUnauthorized, chatBodyLimit, error, flowBodyLimit, ok, smallBodyLimit, tooLarge } from './openApiResponses.js';
import type { OpenApiPaths } from './openApiTypes.js';

const flowNotFound = error('`FLOW_NOT_FOUND`: no flow with this id.');
const flowBody = (description: string) => ({ required: true, description, content: json(schemaRef('FlowDocument')) });

/** Admin routes for drafts, validation, publishing, versions and test conversations (admin token). */
export function flowPaths(): OpenApiPaths {
  return {
    '/v1/flows': {
      get: {
        operationId: 'listFlows',
        tags: ['flows'],
        summary: 'List flows',
        responses: { '200': ok('Every flow, ordered by name.', schemaRef('FlowList')), ...adminUnauthorized },
      },
    },
    '/v1/flows/{flowId}': {
      put: {
        operationId: 'saveFlowDraft',
        tags: ['flows'],
        summary: 'Create or replace a flow\'s draft',
        description:
          'Validates the document and stores it as the draft; the published version is untouched. The `{flowId}` in the URL ' +
          'is authoritative: a different `id` in the body is a 422 `FLOW_ID_MISMATCH`. An invalid flow is a 422 with every ' +
          'validation problem in `details`, and the stored draft stays unchanged (unless `allowErrors=true`, which the ' +
          'builder\'s autosave uses for work in progress). With `If-Match: <revision>` a concurrent edit is refused with 409 ' +
          `instead of overwritten. Flow documents may be up to ${flowBodyLimit}.`,
        parameters: [
          parameterRef('FlowId'),
          {
            name: 'allowErrors',
            in: 'query',
            description: '`true` stores a draft that has validation errors (it must still match the flow schema).',
            schema: { type: 'string', enum: ['true', 'false'] },
          },
          {
            name: 'If-Match',
            in: 'header',
            description:
              'The draft revision this edit is based on (`0` for a new flow), as `3`, `"3"` or `W/"3"`; `*` or none saves ' +
              'unconditionally. Anything else is a 400 `INVALID_REVISION`.',
            schema: { type: 'string', examples: ['3', '"3"', 'W/"3"', '*'] },
          },
          {
            name: 'revision',
            in: 'query',
            description: 'Same as `If-Match` (which wins when both are given), for clients that cannot set headers.',
            schema: { type: 'string', examples: ['3'] },
          },
          parameterRef('AcceptLanguage'),
        ],
        requestBody: flowBody('The flow document.'),
        responses: {
          '200': ok('The draft was saved.', schemaRef('SaveDraftResponse')),
          '400': error(
            '`MALFORMED_JSON`: the body is not valid JSON. `INVALID_BODY`: the body is nested too deeply. `INVALID_REVISION`: ' +
              '`If-Match`/`revision` is not a revision number.',
          ),
          ...adminUnauthorized,
          '404': error('`FLOW_NOT_FOUND`: malformed flow id in the URL.'),
          '409': error('`FLOW_REVISION_CONFLICT`: the draft changed since the given revision (`details.currentRevision`).'),
          '413': tooLarge(flowBodyLimit),
          '422': {
            description:
              '`FLOW_INVALID`: the flow has validation errors; `details` lists every problem. `FLOW_ID_MISMATCH`: the body\'s ' +
              '`id` differs from the URL (`details.urlId`, `details.bodyId`).',
            content: json({ anyOf: [schemaRef('FlowInvalidError'), schemaRef('Error')] }),
          },
        },
      },
      get: {
        operationId: 'getFlow',
        tags: ['flows'],
        summary: 'Read a flow\'s draft',
        description: 'Returns the draft, its revision and the published version number (null while never published).',
        parameters: [parameterRef('FlowId')],
        responses: { '200': ok('The flow.', schemaRef('Flow')), ...adminUnauthorized, '404': flowNotFound },
      },
      delete: {
        operationId: 'deleteFlow',
        tags: ['flows'],
        summary: 'Delete a flow',
        parameters: [parameterRef('FlowId')],
        responses: { '200': ok('The flow was deleted.', schemaRef('DeleteFlowResponse')), ...adminUnauthorized, '404': flowNotFound },
      },
    },
    '/v1/validate': {
      post: {
        operationId: 'validateFlowDocument',
        tags: ['flows'],
        summary: 'Validate a flow document without storing it',
        description: 'Answers 200 whether or not the flow is valid; `ok` tells which, `problems` lists every problem.',
        parameters: [parameterRef('AcceptLanguage')],
        requestBody: flowBody('Any JSON value; it is checked against the flow schema and the node types.'),
        responses: {
          '200': ok('The validation result.', schemaRef('ValidationResult')),
          '400': error('`MALFORMED_JSON`: the body is not valid JSON.'),
          ...adminUnauthorized,
          '413': tooLarge(flowBodyLimit),
        },
      },
    },
    '/v1/flows/{flowId}/validate': {
      post: {
        operationId: 'validateFlowDraft',
        tags: ['flows'],
        summary: 'Validate a flow\'s stored draft',
        parameters: [parameterRef('FlowId'), parameterRef('AcceptLanguage')],
        responses: { '200': ok('The validation result.', schemaRef('ValidationResult')), ...adminUnauthorized, '404': flowNotFound },
      },
    },
    '/v1/flows/{flowId}/publish': {
      post: {
        operationId: 'publishFlow',
        tags: ['flows'],
        summary: 'Publish the draft',
        description:
          'Stores the draft as a new immutable version and makes it live for new conversations; running conversations stay ' +
          'on the version they started on. 422 while the draft has errors.',
        parameters: [parameterRef('FlowId'), parameterRef('AcceptLanguage')],
        requestBody: { required: false, content: json(schemaRef('PublishRequest')) },
        responses: {
          '200': ok('The new version is live.', schemaRef('PublishResponse')),
          '400': responseRef('BadRequest'),
          ...adminUnauthorized,
          '404': flowNotFound,
          '413': tooLarge(smallBodyLimit),
          '422': responseRef('FlowInvalid'),
        },
      },
    },
    '/v1/flows/{flowId}/versions': {
      get: {
        operationId: 'listFlowVersions',
        tags: ['flows'],
        summary: 'List published versions',
        parameters: [parameterRef('FlowId')],
        responses: { '200': ok('Published versions, newest first.', schemaRef('FlowVersionList')), ...adminUnauthorized, '404': flowNotFound },
      },
    },
    '/v1/flows/{flowId}/versions/{version}': {
      get: {
        operationId: 'getFlowVersion',
        tags: ['flows'],
        summary: 'Read a published version',
        parameters: [
          parameterRef('FlowId'),
          { name: 'version', in: 'path', required: true, description: 'Version number.', schema: { type: 'integer', minimum: 1 } },
        ],
        responses: {
          '200': ok('The version with its document.', schemaRef('FlowVersion')),
          ...adminUnauthorized,
          '404': error('`FLOW_NOT_FOUND`: no such flow. `FLOW_VERSION_NOT_FOUND`: no such version.'),
        },
      },
    },
    '/v1/flows/{flowId}/rollback': {
      post: {
        operationId: 'rollbackFlow',
        tags: ['flows'],
        summary: 'Roll back to an earlier version',
        description: 'Republishes an old version\'s document as a new version (history only grows) and makes it the draft too.',
        parameters: [parameterRef('FlowId'), parameterRef('AcceptLanguage')],
        requestBody: { required: true, content: json(schemaRef('RollbackRequest')) },
        responses: {
          '200': ok('The old document is live again as a new version.', schemaRef('RollbackResponse')),
          '400': responseRef('BadRequest'),
          ...adminUnauthorized,
          '404': error('`FLOW_NOT_FOUND`: no such flow. `FLOW_VERSION_NOT_FOUND`: no such version.'),
          '413': tooLarge(smallBodyLimit),
          '422': responseRef('FlowInvalid'),
        },
      },
    },
    '/v1/flows/{flowId}/test-conversations': {
      post: {
        operationId: 'startTestConversation',
        tags: ['flows'],
        summary: 'Start a test conversation on the draft',
        description:
          'Runs the current draft as a test conversation (the builder\'s test chat). The body and the response are those of ' +
          'a public start; the conversation continues via the public chat routes with its token. Test conversations are ' +
          'excluded from KPIs. 422 while the draft has errors.',
        parameters: [parameterRef('FlowId'), parameterRef('AcceptLanguage')],
        requestBody: { required: false, content: json(schemaRef('StartConversationRequest')) },
        responses: {
          '201': ok('The test conversation started.', schemaRef('StartConversationResponse')),
          '400': responseRef('BadRequest'),
          ...adminUnauthorized,
          '404': flowNotFound,
          '413': tooLarge(chatBodyLimit),
          '422': responseRef('FlowInvalid'),
        },
      },
    },
  };
}
