import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Hono } from 'hono';
import { NodeRegistry, coreNodes } from '@dialogwerk/nodes';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { threeQuestionFlow } from '../testing/flowFixtures.js';
import { createLogger } from '../logging/logger.js';
import { expectError } from './apiTest.testkit.js';
import { errorResponse } from './errorResponse.js';
import { openApiDocument } from './openApiDocument.js';
import { schemaViolations } from './openApiSchemaCheck.js';
import type { AppEnv } from './appEnv.js';
import { exampleFlowsDirectory, templateRoutes } from './templateRoutes.js';

const doc = openApiDocument('0.0.0') as { paths: Record<string, Record<string, { responses: Record<string, { content?: any; $ref?: string }> }>> };
/** The documented schema of one response, or the shared Error schema for referenced error responses. */
function documented(route: string, status: number) {
  const response = doc.paths[route]!.get!.responses[String(status)]!;
  return response.$ref ? { $ref: '#/components/schemas/Error' } : response.content['application/json'].schema;
}

describe('templates against the real server (the repository\'s example flows)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());
  const get = (route: string, options: { token?: string; language?: string } = {}) =>
    server.request('GET', route, { token: options.token ?? server.adminToken, headers: options.language ? { 'accept-language': options.language } : {} });

  it('lists every example flow with name, description, locales and node count, as documented', async () => {
    const response = await get('/v1/templates');
    expect(response.status).toBe(200);
    expect(schemaViolations(doc, documented('/v1/templates', 200), response.body)).toEqual([]);
    const shop = JSON.parse(readFileSync(path.join(exampleFlowsDirectory, 'online-shop.json'), 'utf8'));
    const items = response.body.items as { id: string }[];
    const exampleIds = readdirSync(exampleFlowsDirectory)
      .filter((file) => file.endsWith('.json'))
      .sort()
      .map((file) => JSON.parse(readFileSync(path.join(exampleFlowsDirectory, file), 'utf8')).id);
    expect(items.map((item) => item.id)).toEqual(exampleIds);
    expect(exampleIds).toEqual(expect.arrayContaining(['kontaktanfrage', 'online-shop']));
    expect(items.find((item) => item.id === 'online-shop')).toEqual({
      id: 'online-shop',
      name: shop.name,
      description: shop.description,
      locales: shop.locales,
      nodeCount: shop.nodes.length,
    });
  });

  it('returns one template\'s document, which can be stored as a new flow under another id', async () => {
    const response = await get('/v1/templates/online-shop');
    expect(response.status).toBe(200);
    expect(schemaViolations(doc, documented('/v1/templates/{templateId}', 200), response.body)).toEqual([]);
    expect(response.body.document.id).toBe('online-shop');
    const shop = JSON.parse(readFileSync(path.join(exampleFlowsDirectory, 'online-shop.json'), 'utf8'));
    expect(response.body.document.nodes.map((node: { id: string }) => node.id)).toEqual(shop.nodes.map((node: { id: string }) => node.id));
    const copy = { ...response.body.document, id: 'mein-shop', name: 'Mein Shop' };
    const saved = await server.request('PUT', '/v1/flows/mein-shop', { token: server.adminToken, body: copy });
    expect(saved.status).toBe(200);
    const stored = await server.request('GET', '/v1/flows/mein-shop', { token: server.adminToken });
    expect(stored.body.draft.nodes.length).toBe(shop.nodes.length);
  });

  it('answers 404 TEMPLATE_NOT_FOUND in the caller\'s language for unknown and malformed ids', async () => {
    const unknown = await get('/v1/templates/keine-vorlage', { language: 'de-CH' });
    expectError(unknown, 404, 'TEMPLATE_NOT_FOUND');
    expect(unknown.body.error.message).toBe('Die Vorlage „keine-vorlage“ gibt es nicht.');
    expect(schemaViolations(doc, documented('/v1/templates/{templateId}', 404), unknown.body)).toEqual([]);
    const english = await get('/v1/templates/keine-vorlage', { language: 'en' });
    expect(english.body.error.message).toBe('Template "keine-vorlage" does not exist.');
    expectError(await get('/v1/templates/Online-Shop'), 404, 'TEMPLATE_NOT_FOUND');
    expectError(await get(`/v1/templates/${'a'.repeat(65)}`), 404, 'TEMPLATE_NOT_FOUND');
    expectError(await get('/v1/templates/..%2Fflows'), 404, 'TEMPLATE_NOT_FOUND');
  });

  it('needs the admin token', async () => {
    expectError(await get('/v1/templates', { token: 'wrong' }), 401, 'ADMIN_TOKEN_INVALID');
    expectError(await get('/v1/templates/online-shop', { token: 'wrong' }), 401, 'ADMIN_TOKEN_INVALID');
  });
});

describe('templateRoutes with its own directory', () => {
  const directory = mkdtempSync(path.join(os.tmpdir(), 'dialogwerk-templates-'));
  const log = createLogger({ level: 'silent', format: 'json' });
  const app = new Hono<AppEnv>();
  app.onError((error, c) => errorResponse(error, c, log));
  app.route('/', templateRoutes({ registry: new NodeRegistry(coreNodes, 'core'), directory, log }));
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  it('lists only valid flow documents, sorted by file name, the first of two files with one id winning', async () => {
    writeFileSync(path.join(directory, 'b.json'), JSON.stringify({ ...threeQuestionFlow('beta'), name: 'Beta' }));
    writeFileSync(path.join(directory, 'a.json'), JSON.stringify({ ...threeQuestionFlow('alpha'), description: 'Erste' }));
    writeFileSync(path.join(directory, 'c.json'), JSON.stringify({ ...threeQuestionFlow('beta'), name: 'Beta doppelt' }));
    writeFileSync(path.join(directory, 'broken.json'), '{ "format": ');
    writeFileSync(path.join(directory, 'invalid.json'), JSON.stringify({ ...threeQuestionFlow('invalid'), start: 'nowhere' }));
    writeFileSync(path.join(directory, 'notes.txt'), 'not a template');
    const response = await app.request('/templates');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { items: { id: string; name: string; description?: string }[] };
    expect(body.items.map(({ id, name, description }) => ({ id, name, description }))).toEqual([
      { id: 'alpha', name: threeQuestionFlow('alpha').name, description: 'Erste' },
      { id: 'beta', name: 'Beta', description: undefined },
    ]);
    expect(Object.keys(body.items[1]!)).not.toContain('description');
    expect((await app.request('/templates/invalid')).status).toBe(404);
    expect(((await (await app.request('/templates/beta')).json()) as { document: { name: string } }).document.name).toBe('Beta');
  });

  it('lists nothing when the directory does not exist', async () => {
    const missing = new Hono<AppEnv>().route('/', templateRoutes({ registry: new NodeRegistry(coreNodes, 'core'), directory: path.join(directory, 'missing') }));
    expect(await (await missing.request('/templates')).json()).toEqual({ items: [] });
  });
});
