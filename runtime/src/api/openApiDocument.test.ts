import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { flowDocument, flowProblemCodeList } from '@dialogwerk/nodes';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { threeQuestionFlow } from '../testing/flowFixtures.js';
import { messageBody, startConversationBody } from './chatRoutes.js';
import { openApiDocument } from './openApiDocument.js';
import { resolvePointer, schemaViolations } from './openApiSchemaCheck.js';
import type { HttpMethod, JsonSchema, OpenApiOperation, OpenApiParameter, OpenApiResponse } from './openApiTypes.js';

type Document = {
  openapi: string;
  info: { title: string; version: string; description: string };
  servers: { url: string }[];
  security: Record<string, string[]>[];
  tags: { name: string }[];
  paths: Record<string, Partial<Record<HttpMethod, OpenApiOperation>>>;
  components: { schemas: Record<string, JsonSchema>; securitySchemes: Record<string, unknown>; [kind: string]: Record<string, unknown> };
};

const doc = openApiDocument('9.9.9') as unknown as Document;
const methods: HttpMethod[] = ['get', 'put', 'post', 'delete', 'patch'];

const operations = Object.entries(doc.paths).flatMap(([path, item]) =>
  methods.flatMap((method) => (item[method] ? [{ path, method, operation: item[method]! }] : [])),
);

const deref = <T>(node: unknown): T => {
  const ref = (node as { $ref?: string }).$ref;
  return (ref ? resolvePointer(doc, ref) : node) as T;
};

function collectRefs(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((item) => collectRefs(item, found));
  else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref') found.push(String(value));
      else collectRefs(value, found);
    }
  }
  return found;
}

/** The documented response of one operation, checked against the body a real server sent. */
function violations(method: HttpMethod, path: string, status: number, body: unknown): string[] {
  const operation = doc.paths[path]?.[method];
  if (!operation) return [`${method.toUpperCase()} ${path} is not documented`];
  const documented = operation.responses[String(status)];
  if (!documented) return [`${method.toUpperCase()} ${path} does not document status ${status} (body ${JSON.stringify(body).slice(0, 200)})`];
  const schema = deref<OpenApiResponse>(documented).content?.['application/json']?.schema;
  if (!schema) return [`${method.toUpperCase()} ${path} ${status} has no JSON schema`];
  return schemaViolations(doc, schema, body);
}

describe('openApiDocument: structure', () => {
  it('is an OpenAPI 3.1 document with info, servers, tags and both bearer schemes', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.title).toBe('Dialogwerk API');
    expect(doc.info.version).toBe('9.9.9');
    expect(doc.info.description).toMatch(/Public chat API/);
    expect(doc.info.description).toMatch(/Admin API/);
    expect(doc.servers).toEqual([{ url: '/' }]);
    expect(doc.tags.map((tag) => tag.name).sort()).toEqual(['calendar', 'chat', 'contacts', 'conversations', 'flows', 'handoffs', 'inventory', 'knowledge', 'llm', 'nodes', 'notifications', 'system']);
    expect(doc.components.securitySchemes).toEqual({
      adminToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
      conversationToken: expect.objectContaining({ type: 'http', scheme: 'bearer' }),
    });
    expect(JSON.parse(JSON.stringify(doc))).toEqual(doc);
  });

  it('resolves every $ref within the document', () => {
    const refs = collectRefs(doc);
    expect(refs.length).toBeGreaterThan(50);
    const broken = refs.filter((ref) => !ref.startsWith('#/') || resolvePointer(doc, ref) === undefined);
    expect(broken).toEqual([]);
  });

  it('keeps component schemas flat: valid names, no nested $defs or $schema left from zod', () => {
    for (const kind of ['schemas', 'responses', 'parameters', 'securitySchemes']) {
      for (const name of Object.keys(doc.components[kind]!)) expect(name).toMatch(/^[a-zA-Z0-9._-]+$/);
    }
    const text = JSON.stringify(doc.components.schemas);
    expect(text).not.toContain('"$defs"');
    expect(text).not.toContain('"$schema"');
  });

  it('gives every operation a unique operationId, known tags, responses and resolvable security', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-zA-Z][a-zA-Z0-9]*$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    const tagNames = new Set(doc.tags.map((tag) => tag.name));
    for (const { path, method, operation } of operations) {
      const where = `${method.toUpperCase()} ${path}`;
      expect(operation.tags.length, where).toBeGreaterThan(0);
      expect(operation.tags.every((tag) => tagNames.has(tag)), where).toBe(true);
      expect(operation.summary, where).toBeTruthy();
      expect(Object.keys(operation.responses).length, where).toBeGreaterThan(0);
      expect(Object.keys(operation.responses).some((status) => /^2\d\d$/.test(status)), where).toBe(true);
      for (const [status, response] of Object.entries(operation.responses)) {
        const resolved = deref<OpenApiResponse>(response);
        expect(resolved?.description, `${where} ${status}`).toBeTruthy();
        if (Number(status) >= 400) {
          const schema = deref<JsonSchema>(resolved.content!['application/json']!.schema);
          const shapes = (schema.anyOf as JsonSchema[] | undefined)?.map((part) => deref<JsonSchema>(part)) ?? [schema];
          for (const shape of shapes) expect(shape.required, `${where} ${status} uses the Error shape`).toEqual(['error']);
        }
      }
      for (const requirement of operation.security ?? doc.security) {
        for (const scheme of Object.keys(requirement)) expect(doc.components.securitySchemes, where).toHaveProperty(scheme);
      }
    }
  });

  it('declares exactly the path parameters of each path template, as required', () => {
    for (const { path, method, operation } of operations) {
      const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
      const parameters = (operation.parameters ?? []).map((parameter) => deref<OpenApiParameter>(parameter));
      const declared = parameters.filter((parameter) => parameter.in === 'path');
      expect(declared.map((parameter) => parameter.name).sort(), `${method} ${path}`).toEqual(inTemplate);
      expect(declared.every((parameter) => parameter.required === true)).toBe(true);
      const keys = parameters.map((parameter) => `${parameter.in}:${parameter.name}`);
      expect(new Set(keys).size, `${method} ${path} has duplicate parameters`).toBe(keys.length);
    }
  });
});

describe('openApiDocument: contract content', () => {
  const op = (path: string, method: HttpMethod) => doc.paths[path]![method]!;

  it('derives request schemas from the route modules\' zod schemas', () => {
    const schemas = doc.components.schemas;
    const message = z.toJSONSchema(messageBody, { io: 'input' }) as JsonSchema;
    expect(Object.keys(schemas.MessageRequest!.properties as object)).toEqual(Object.keys(message.properties as object));
    expect(schemas.MessageRequest!.required).toEqual(message.required);
    expect(schemas.MessageRequest!.oneOf).toEqual([{ required: ['text'] }, { required: ['choice'] }, { required: ['files'] }]);
    expect((schemas.MessageRequest!.properties as Record<string, JsonSchema>).text!.maxLength).toBe(4000);
    const start = z.toJSONSchema(startConversationBody, { io: 'input' }) as JsonSchema;
    expect(Object.keys(schemas.StartConversationRequest!.properties as object)).toEqual(Object.keys(start.properties as object));
    const flow = z.toJSONSchema(flowDocument, { io: 'input' }) as JsonSchema;
    expect(schemas.FlowDocument!.properties).toEqual(flow.properties);
    expect(schemas.FlowDocument!.required).toEqual(flow.required);
  });

  it('lists every validator problem code and the Error shape', () => {
    const problem = doc.components.schemas.ValidationProblem!.properties as Record<string, JsonSchema>;
    expect(problem.code!.enum).toEqual(flowProblemCodeList);
    expect(problem.severity!.enum).toEqual(['error', 'warning']);
    expect(Object.keys(problem)).toEqual(expect.arrayContaining(['path', 'nodeId', 'message', 'messages']));
    const error = (doc.components.schemas.Error!.properties as Record<string, JsonSchema>).error!;
    expect(error.required).toEqual(['code', 'message']);
    expect(Object.keys(error.properties as object)).toEqual(['code', 'message', 'details']);
  });

  it('marks exactly the public routes as needing no admin token, and documents 401 everywhere else', () => {
    expect(doc.security).toEqual([{ adminToken: [] }]);
    const publicOperations = operations.filter(({ operation }) => operation.security !== undefined).map(({ operation }) => operation.operationId);
    expect(publicOperations.sort()).toEqual(['getBookingIcs', 'getCalendarFeed', 'getConversation', 'getConversationFile', 'getHealth', 'getOpenApiDocument', 'sendMessage', 'startConversation', 'uploadFile']);
    expect(op('/v1/openapi.json', 'get').security).toEqual([]);
    expect(op('/v1/health', 'get').security).toEqual([]);
    expect(op('/v1/bots/{flowId}/conversations', 'post').security).toEqual([]);
    expect(op('/v1/conversations/{conversationId}/messages', 'post').security).toEqual([{ conversationToken: [] }]);
    for (const { operation } of operations) {
      if (operation.security === undefined || operation.security.length > 0) expect(operation.responses, operation.operationId).toHaveProperty('401');
    }
  });

  it('states the chat rules: idempotency, ordering, 409 on ended conversations, limits, input, sensitive answers', () => {
    const send = op('/v1/conversations/{conversationId}/messages', 'post');
    expect(Object.keys(send.responses).sort()).toEqual(['200', '400', '401', '404', '409', '413', '429']);
    expect(send.description).toMatch(/idempoten/i);
    expect(send.description).toMatch(/arrival order/);
    expect(send.description).toMatch(/CONVERSATION_ENDED/);
    expect(send.description).toContain('64 KiB');
    expect(send.description).toContain('4,000 Unicode code points');
    expect(send.description).toContain('•••');
    expect(doc.info.description).toContain('5 MiB');
    expect(JSON.stringify(op('/v1/flows/{flowId}', 'put').responses['413'])).toContain('5 MiB');
    expect(doc.components.schemas.ConversationStatus!.enum).toEqual(['awaiting_input', 'ended', 'handed_off']);
    expect(doc.components.schemas.TurnResponse!.description).toMatch(/`input` is present exactly when `status` is `awaiting_input`/);
    expect(Object.keys(op('/v1/flows/{flowId}', 'put').responses).sort()).toEqual(['200', '400', '401', '404', '409', '413', '422']);
  });
});

describe('openApiSchemaCheck (the response checker the server tests rely on)', () => {
  const turn = { $ref: '#/components/schemas/TurnResponse' };
  const message = { id: 'm1', role: 'bot', text: 'Hi', createdAt: '2026-01-01T00:00:00.000Z' };

  it('accepts documented bodies and reports undocumented fields, wrong types and the input rule', () => {
    expect(schemaViolations(doc, turn, { status: 'awaiting_input', messages: [message], input: { type: 'text' } })).toEqual([]);
    expect(schemaViolations(doc, turn, { status: 'ended', messages: [] })).toEqual([]);
    expect(schemaViolations(doc, turn, { status: 'ended', messages: [], input: { type: 'text' } })).toEqual(['$: matches "not"']);
    expect(schemaViolations(doc, turn, { status: 'awaiting_input', messages: [] })).toEqual(['$: missing input']);
    expect(schemaViolations(doc, turn, { status: 'paused', messages: [{ ...message, mood: 'happy', role: 'staff' }] })).toEqual([
      '$.status: "paused" not in enum',
      '$.messages[0].role: "staff" not in enum',
      '$.messages[0]: undocumented property mood',
    ]);
    const started = { $ref: '#/components/schemas/StartConversationResponse' };
    expect(schemaViolations(doc, started, { conversationId: 'c', token: 't', status: 'ended', messages: [] })).toEqual([]);
    expect(schemaViolations(doc, started, { conversationId: 'c', status: 'ended', messages: [], extra: 1 })).toEqual([
      '$: undocumented property extra',
      '$: missing token',
    ]);
  });
});

describe('openApiDocument against the real server', () => {
  let server: TestServer;
  let admin: string;
  beforeAll(async () => {
    server = await startTestServer();
    admin = server.adminToken;
  });
  afterAll(() => server?.stop());

  it('documents every registered route, and every documented route exists', () => {
    const registered = new Set(
      server.runtime.app.routes
        .filter((route) => route.method !== 'ALL' && !route.path.includes('*'))
        .map((route) => `${route.method} ${route.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}')}`),
    );
    const documented = new Set(operations.map(({ path, method }) => `${method.toUpperCase()} ${path}`));
    expect(registered.size).toBeGreaterThan(20);
    expect([...registered].filter((route) => !documented.has(route)), 'routes missing from the document').toEqual([]);
    expect([...documented].filter((route) => !registered.has(route)), 'documented routes the app does not have').toEqual([]);
  });

  it('serves the document at GET /v1/openapi.json without any token', async () => {
    const plain = await server.request('GET', '/v1/openapi.json');
    expect(plain.status).toBe(200);
    expect(plain.headers.get('content-type')).toMatch(/application\/json/);
    expect(plain.body).toEqual(JSON.parse(JSON.stringify(openApiDocument(plain.body.info.version))));
    const wrongToken = await server.request('GET', '/v1/openapi.json', { token: 'not-a-token' });
    expect(wrongToken.status).toBe(200);
    expect(wrongToken.body).toEqual(plain.body);
  });

  it('describes what the flow and catalogue routes really answer', async () => {
    const call = async (method: HttpMethod, route: string, path: string, options: Parameters<TestServer['request']>[2] = {}) => {
      const response = await server.request(method.toUpperCase(), route, { token: admin, ...options });
      expect(violations(method, path, response.status, response.body), `${method} ${route} → ${response.status}`).toEqual([]);
      return response;
    };
    const flow = threeQuestionFlow('doc-flow');
    expect((await call('get', '/v1/health', '/v1/health', { token: undefined })).status).toBe(200);
    expect((await call('put', '/v1/flows/doc-flow', '/v1/flows/{flowId}', { token: undefined, body: flow })).status).toBe(401);
    expect((await call('put', '/v1/flows/doc-flow', '/v1/flows/{flowId}', { rawBody: '{"format":', headers: { 'content-type': 'application/json' } })).status).toBe(400);
    expect((await call('put', '/v1/flows/doc-flow', '/v1/flows/{flowId}', { body: { ...flow, id: 'other' } })).status).toBe(422);
    const invalid = await call('put', '/v1/flows/doc-flow', '/v1/flows/{flowId}', { body: { ...flow, start: 'nowhere' } });
    expect(invalid.status).toBe(422);
    expect(invalid.body.error.details.length).toBeGreaterThan(0);
    expect((await call('put', '/v1/flows/doc-flow', '/v1/flows/{flowId}', { body: flow })).status).toBe(200);
    expect((await call('put', '/v1/flows/doc-flow', '/v1/flows/{flowId}', { body: flow, headers: { 'if-match': '"7"' } })).status).toBe(409);
    await call('put', '/v1/flows/doc-flow', '/v1/flows/{flowId}', { body: flow, headers: { 'if-match': 'yesterday' } });
    expect((await call('get', '/v1/flows', '/v1/flows')).status).toBe(200);
    expect((await call('get', '/v1/flows/doc-flow', '/v1/flows/{flowId}')).status).toBe(200);
    expect((await call('get', '/v1/flows/missing', '/v1/flows/{flowId}')).status).toBe(404);
    expect((await call('post', '/v1/validate', '/v1/validate', { body: { ...flow, start: 'nowhere' } })).status).toBe(200);
    expect((await call('post', '/v1/flows/doc-flow/validate', '/v1/flows/{flowId}/validate')).status).toBe(200);
    expect((await call('post', '/v1/flows/doc-flow/publish', '/v1/flows/{flowId}/publish')).status).toBe(200);
    expect((await call('post', '/v1/flows/doc-flow/publish', '/v1/flows/{flowId}/publish', { body: { note: 'second' } })).status).toBe(200);
    expect((await call('get', '/v1/flows/doc-flow/versions', '/v1/flows/{flowId}/versions')).status).toBe(200);
    expect((await call('get', '/v1/flows/doc-flow/versions/1', '/v1/flows/{flowId}/versions/{version}')).status).toBe(200);
    expect((await call('get', '/v1/flows/doc-flow/versions/99', '/v1/flows/{flowId}/versions/{version}')).status).toBe(404);
    expect((await call('post', '/v1/flows/doc-flow/rollback', '/v1/flows/{flowId}/rollback', { body: { version: 1 } })).status).toBe(200);
    expect((await call('post', '/v1/flows/doc-flow/rollback', '/v1/flows/{flowId}/rollback', { body: {} })).status).toBe(400);
    expect((await call('post', '/v1/flows/doc-flow/test-conversations', '/v1/flows/{flowId}/test-conversations', { body: { locale: 'de' } })).status).toBe(201);
    expect((await call('get', '/v1/nodes', '/v1/nodes')).status).toBe(200);
    await call('put', '/v1/flows/doc-gone', '/v1/flows/{flowId}', { body: threeQuestionFlow('doc-gone') });
    expect((await call('delete', '/v1/flows/doc-gone', '/v1/flows/{flowId}')).status).toBe(200);
    expect((await call('delete', '/v1/flows/doc-gone', '/v1/flows/{flowId}')).status).toBe(404);
  });

  it('describes what the chat, conversation and handoff routes really answer', async () => {
    const call = async (method: HttpMethod, route: string, path: string, options: Parameters<TestServer['request']>[2] = {}) => {
      const response = await server.request(method.toUpperCase(), route, options);
      expect(violations(method, path, response.status, response.body), `${method} ${route} → ${response.status}`).toEqual([]);
      return response;
    };
    const startPath = '/v1/bots/{flowId}/conversations';
    const sendPath = '/v1/conversations/{conversationId}/messages';
    expect((await call('post', '/v1/bots/doc-chat/conversations', startPath)).status).toBe(404);
    await server.request('PUT', '/v1/flows/doc-chat', { token: admin, body: threeQuestionFlow('doc-chat') });
    await server.request('POST', '/v1/flows/doc-chat/publish', { token: admin });
    expect((await call('post', '/v1/bots/doc-chat/conversations', startPath, { rawBody: '[' })).status).toBe(400);
    const start = await call('post', '/v1/bots/doc-chat/conversations', startPath, { body: { locale: 'en', context: { name: 'x', extra: [1, { a: null }] } } });
    expect(start.status).toBe(201);
    expect(start.body.input).toEqual({ type: 'text' });
    const { conversationId, token } = start.body as { conversationId: string; token: string };
    const send = (body: unknown, options: Parameters<TestServer['request']>[2] = {}) =>
      call('post', `/v1/conversations/${conversationId}/messages`, sendPath, { token, body, ...options });

    expect((await send({ id: 'm1', text: 'Ada' }, { token: undefined })).status).toBe(401);
    expect((await send({ id: 'm1', text: 'Ada' }, { token: 'wrong' })).status).toBe(401);
    expect((await call('post', '/v1/conversations/nope/messages', sendPath, { token, body: { id: 'm1', text: 'Ada' } })).status).toBe(404);
    expect((await send({ id: 'm1', text: 'Ada', choice: 'x' })).status).toBe(400);
    expect((await send({ id: 'm1', text: 'x'.repeat(4001) })).status).toBe(413);
    expect((await send({ id: 'm1', text: 'y'.repeat(70 * 1024) })).status).toBe(413);
    expect((await send({ id: 'm1', text: 'Ada' })).status).toBe(200);
    expect((await send({ id: 'm1', text: 'Ada' })).status).toBe(200);
    expect((await send({ id: 'm1', text: 'Grace' })).status).toBe(409);
    expect((await send({ id: 'm2', text: 'ada@example.com' })).body.input.type).toBe('yesno');
    const ended = await send({ id: 'm3', choice: 'yes' });
    expect(ended.body.status).toBe('ended');
    expect(ended.body).not.toHaveProperty('input');
    expect((await send({ id: 'm4', text: 'hello?' })).status).toBe(409);

    const transcriptPath = '/v1/conversations/{conversationId}';
    expect((await call('get', `/v1/conversations/${conversationId}`, transcriptPath, { token })).status).toBe(200);
    expect((await call('get', `/v1/conversations/${conversationId}`, transcriptPath, { token: admin })).status).toBe(200);
    expect((await call('get', `/v1/conversations/${conversationId}`, transcriptPath)).status).toBe(401);
    expect((await call('get', '/v1/conversations/nope', transcriptPath, { token })).status).toBe(404);

    expect((await call('get', '/v1/conversations?flowId=doc-chat&limit=1', '/v1/conversations', { token: admin })).status).toBe(200);
    expect((await call('get', '/v1/conversations?status=gone', '/v1/conversations', { token: admin })).status).toBe(400);
    expect((await call('get', '/v1/conversations', '/v1/conversations')).status).toBe(401);
    const eventsPath = '/v1/conversations/{conversationId}/transcript';
    expect((await call('get', `/v1/conversations/${conversationId}/transcript`, eventsPath, { token: admin })).status).toBe(200);
    expect((await call('get', '/v1/conversations/nope/transcript', eventsPath, { token: admin })).status).toBe(404);

    expect((await call('get', '/v1/handoffs', '/v1/handoffs', { token: admin })).status).toBe(200);
    expect((await call('get', '/v1/handoffs?status=closed', '/v1/handoffs', { token: admin })).status).toBe(200);
    expect((await call('get', '/v1/handoffs?status=maybe', '/v1/handoffs', { token: admin })).status).toBe(400);
    expect((await call('get', `/v1/handoffs/${conversationId}`, '/v1/handoffs/{conversationId}', { token: admin })).status).toBe(404);
    const agentPath = '/v1/handoffs/{conversationId}/messages';
    expect((await call('post', `/v1/handoffs/${conversationId}/messages`, agentPath, { token: admin, body: { id: 'a1', text: 'Hi' } })).status).toBe(409);
    expect((await call('post', `/v1/handoffs/${conversationId}/messages`, agentPath, { token: admin, body: { id: 'a1' } })).status).toBe(400);
    expect((await call('post', '/v1/handoffs/nope/messages', agentPath, { token: admin, body: { id: 'a1', text: 'Hi' } })).status).toBe(404);
    const releasePath = '/v1/handoffs/{conversationId}/release';
    expect((await call('post', `/v1/handoffs/${conversationId}/release`, releasePath, { token: admin })).status).toBe(409);
    expect((await call('post', `/v1/handoffs/${conversationId}/release`, releasePath)).status).toBe(401);
  });
});
