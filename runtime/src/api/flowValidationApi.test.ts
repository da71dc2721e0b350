import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { flowProblemCodes, type FlowDocumentInput, type FlowProblemCode } from '@dialogwerk/nodes';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { threeQuestionFlow } from '../testing/flowFixtures.js';
import { DbInspector, expectDbUnchanged, expectError } from './apiTest.testkit.js';

/** Mutations write fields the schema forbids too, so they see the document as loosely typed. */
type Loose = Omit<FlowDocumentInput, 'name' | 'format'> & { name: unknown; format: unknown };
type Mutation = (flow: Loose) => void;
type Node = FlowDocumentInput['nodes'][number];
type Edge = NonNullable<FlowDocumentInput['edges']>[number];

const nodeById = (flow: Pick<FlowDocumentInput, 'nodes'>, id: string): Node => flow.nodes.find((node) => node.id === id)!;
const edgeById = (flow: Pick<FlowDocumentInput, 'edges'>, id: string): Edge => flow.edges!.find((edge) => edge.id === id)!;
const message = (id: string, text: string): Node => ({ id, type: 'message', version: 1, position: { x: 0, y: 0 }, config: { text } });

/**
 * One invalid variant of the three-question flow per error code the validator can report; each breaks exactly one thing.
 * Warnings (unreachable nodes, unconnected ports) are not errors and do not make a PUT fail.
 */
const invalidVariants: Record<string, Mutation> = {
  FLOW_SCHEMA_INVALID: (flow) => {
    flow.name = 42;
  },
  FLOW_FORMAT_UNSUPPORTED: (flow) => {
    flow.format = 'dialogwerk.flow/99';
  },
  FLOW_LOCALE_DUPLICATE: (flow) => {
    flow.locales = ['de', 'en', 'de'];
  },
  FLOW_START_MISSING: (flow) => {
    flow.start = 'nowhere';
  },
  FLOW_NODE_ID_DUPLICATE: (flow) => {
    flow.nodes.push({ ...message('bye', 'Second bye'), type: 'end', config: {} });
  },
  FLOW_EDGE_ID_DUPLICATE: (flow) => {
    edgeById(flow, 'e7').id = 'e1';
  },
  FLOW_NODE_TYPE_UNKNOWN: (flow) => {
    nodeById(flow, 'bye').type = 'teleport';
  },
  FLOW_NODE_VERSION_UNSUPPORTED: (flow) => {
    nodeById(flow, 'bye').version = 99;
  },
  FLOW_NODE_CONFIG_INVALID: (flow) => {
    (nodeById(flow, 'name').config as Record<string, unknown>).input = 'telepathy';
  },
  FLOW_EDGE_SOURCE_MISSING: (flow) => {
    flow.edges!.push({ id: 'ghost-edge', from: { node: 'ghost', port: 'next' }, to: 'bye' });
  },
  FLOW_EDGE_TARGET_MISSING: (flow) => {
    edgeById(flow, 'e7').to = 'nowhere';
  },
  FLOW_EDGE_PORT_UNKNOWN: (flow) => {
    edgeById(flow, 'e1').from.port = 'sideways';
  },
  FLOW_PORT_MULTIPLE_EDGES: (flow) => {
    flow.edges!.push({ id: 'e1-again', from: { node: 'name', port: 'next' }, to: 'bye' });
  },
  FLOW_VARIABLE_UNDECLARED: (flow) => {
    (nodeById(flow, 'bye').config as Record<string, unknown>).text = 'Bye {{nickname}}';
  },
  FLOW_TEXT_EMPTY: (flow) => {
    (nodeById(flow, 'name').config as Record<string, unknown>).text = '  ';
  },
  FLOW_ASK_FILE_VARIABLE_TYPE: (flow) => {
    (nodeById(flow, 'name').config as Record<string, unknown>).input = 'file';
  },
  FLOW_LOOP_WITHOUT_INPUT: (flow) => {
    flow.nodes.push(message('ping', 'ping'), message('pong', 'pong'));
    flow.edges!.push(
      { id: 'to-ping', from: { node: 'news', port: 'yes' }, to: 'ping' },
      { id: 'ping-pong', from: { node: 'ping', port: 'next' }, to: 'pong' },
      { id: 'pong-ping', from: { node: 'pong', port: 'next' }, to: 'ping' },
    );
    flow.edges = flow.edges!.filter((edge) => edge.id !== 'e5');
  },
};

const errorCodes = (Object.entries(flowProblemCodes) as [FlowProblemCode, string][])
  .filter(([, severity]) => severity === 'error')
  .map(([code]) => code);

describe('flow validation over the admin API', () => {
  let server: TestServer;
  let db: DbInspector;
  const admin = (method: string, route: string, options: Parameters<TestServer['request']>[2] = {}) =>
    server.request(method, route, { ...options, token: server.adminToken });

  beforeAll(async () => {
    server = await startTestServer();
    db = new DbInspector(server.dataDir);
  });
  afterAll(async () => {
    db?.close();
    await server?.stop();
  });

  it('has an invalid variant for every error code the validator defines', () => {
    expect(Object.keys(invalidVariants).sort()).toEqual([...errorCodes].sort());
  });

  describe.each(Object.entries(invalidVariants))('PUT with %s', (code, mutate) => {
    const flowId = `invalid-${code.toLowerCase().replace(/_/g, '-')}`;

    it('is a 422 FLOW_INVALID naming the code, and the stored draft stays as it was', async () => {
      const valid = threeQuestionFlow(flowId);
      const created = await admin('PUT', `/v1/flows/${flowId}`, { body: valid });
      expect(created.status).toBe(200);
      expect(created.body.revision).toBe(1);
      const before = await admin('GET', `/v1/flows/${flowId}`);

      const invalid = structuredClone(valid) as Loose;
      mutate(invalid);
      const response = await expectDbUnchanged(db, () => admin('PUT', `/v1/flows/${flowId}`, { body: invalid }));
      expectError(response, 422, 'FLOW_INVALID');
      const details = response.body.error.details as { code: string; severity: string; path: unknown[]; message: string }[];
      expect(Array.isArray(details)).toBe(true);
      expect(details.map((problem) => problem.code)).toContain(code);
      const problem = details.find((p) => p.code === code)!;
      expect(problem.severity).toBe('error');
      expect(Array.isArray(problem.path)).toBe(true);
      expect(typeof problem.message).toBe('string');
      expect(problem.message.length).toBeGreaterThan(0);
      // Every problem listed is a known code; the English message is the default.
      for (const detail of details) expect(Object.keys(flowProblemCodes)).toContain(detail.code);
      expect(response.body.error.message).toMatch(/^The flow has \d+ error\(s\)\.$/);

      const after = await admin('GET', `/v1/flows/${flowId}`);
      expect(after.status).toBe(200);
      expect(after.body.revision).toBe(1);
      expect(after.body.draft).toEqual(before.body.draft);
      expect(after.body.publishedVersion).toBeNull();
    });
  });

  it('lists every problem at once', async () => {
    const flow = threeQuestionFlow('many-problems') as Loose;
    invalidVariants.FLOW_START_MISSING!(flow);
    invalidVariants.FLOW_NODE_TYPE_UNKNOWN!(flow);
    invalidVariants.FLOW_PORT_MULTIPLE_EDGES!(flow);
    const response = await expectDbUnchanged(db, () => admin('PUT', '/v1/flows/many-problems', { body: flow }));
    expectError(response, 422, 'FLOW_INVALID');
    expect(new Set(response.body.error.details.map((p: { code: string }) => p.code))).toEqual(
      new Set(['FLOW_START_MISSING', 'FLOW_NODE_TYPE_UNKNOWN', 'FLOW_PORT_MULTIPLE_EDGES']),
    );
    expect(response.body.error.message).toBe('The flow has 3 error(s).');
    expect((await admin('GET', '/v1/flows/many-problems')).status).toBe(404);
  });

  it('answers in German with Accept-Language: de, details included', async () => {
    const flow = threeQuestionFlow('german-problems');
    flow.start = 'nirgends';
    const response = await admin('PUT', '/v1/flows/german-problems', { body: flow, headers: { 'accept-language': 'de' } });
    expectError(response, 422, 'FLOW_INVALID');
    expect(response.body.error.message).toBe('Der Ablauf hat 1 Fehler.');
    const english = await admin('PUT', '/v1/flows/german-problems', { body: flow });
    expect(response.body.error.details[0].message).not.toBe(english.body.error.details[0].message);
    expect(response.body.error.details[0].message).toBe(english.body.error.details[0].messages.de);
  });

  it('a PUT with warnings only is stored (200) and reports them', async () => {
    const flow = threeQuestionFlow('warnings-only');
    flow.edges = flow.edges!.filter((edge) => edge.id !== 'e7'); // news.invalid unconnected
    const response = await admin('PUT', '/v1/flows/warnings-only', { body: flow });
    expect(response.status).toBe(200);
    expect(response.body.revision).toBe(1);
    expect(response.body.problems.map((p: { code: string }) => p.code)).toEqual(['FLOW_PORT_UNCONNECTED']);
  });

  it('an id in the body that differs from the URL is a 422 and changes nothing', async () => {
    expect((await admin('PUT', '/v1/flows/mismatch', { body: threeQuestionFlow('mismatch') })).status).toBe(200);
    const before = await admin('GET', '/v1/flows/mismatch');
    const response = await expectDbUnchanged(db, () => admin('PUT', '/v1/flows/mismatch', { body: threeQuestionFlow('other-id') }));
    expectError(response, 422, 'FLOW_ID_MISMATCH');
    expect(response.body.error.details).toEqual({ urlId: 'mismatch', bodyId: 'other-id' });
    const created = await expectDbUnchanged(db, () => admin('PUT', '/v1/flows/brand-new', { body: threeQuestionFlow('other-id') }));
    expectError(created, 422, 'FLOW_ID_MISMATCH');
    expect((await admin('GET', '/v1/flows/other-id')).status).toBe(404);
    expect((await admin('GET', '/v1/flows/brand-new')).status).toBe(404);
    expect((await admin('GET', '/v1/flows/mismatch')).body).toEqual(before.body);
  });

  it('an invalid flow id in the URL is a 404 on every flow route', async () => {
    for (const id of ['Upper', 'has%20space', '-leading-dash', '_leading-underscore', 'a'.repeat(65), '%C3%A4']) {
      const routes: [string, string, unknown?][] = [
        ['PUT', `/v1/flows/${id}`, threeQuestionFlow('x')],
        ['GET', `/v1/flows/${id}`],
        ['DELETE', `/v1/flows/${id}`],
        ['POST', `/v1/flows/${id}/publish`, {}],
        ['POST', `/v1/flows/${id}/validate`, {}],
        ['GET', `/v1/flows/${id}/versions`],
        ['POST', `/v1/flows/${id}/rollback`, { version: 1 }],
        ['POST', `/v1/flows/${id}/test-conversations`, {}],
        ['POST', `/v1/bots/${id}/conversations`, {}],
      ];
      for (const [method, route, body] of routes) {
        const response = await expectDbUnchanged(db, () => admin(method, route, { body }));
        expectError(response, 404);
      }
    }
  });

  it('stores a draft with errors only with ?allowErrors=true, and then refuses to publish it (422)', async () => {
    const flowId = 'draft-with-errors';
    const valid = threeQuestionFlow(flowId);
    expect((await admin('PUT', `/v1/flows/${flowId}`, { body: valid })).body.revision).toBe(1);
    expect((await admin('POST', `/v1/flows/${flowId}/publish`)).body).toEqual({ version: 1 });

    const broken = structuredClone(valid);
    broken.start = 'nowhere';
    const saved = await admin('PUT', `/v1/flows/${flowId}?allowErrors=true`, { body: broken });
    expect(saved.status).toBe(200);
    expect(saved.body.revision).toBe(2);
    expect(saved.body.problems.map((p: { code: string }) => p.code)).toContain('FLOW_START_MISSING');
    expect((await admin('GET', `/v1/flows/${flowId}`)).body.draft.start).toBe('nowhere');

    const publish = await expectDbUnchanged(db, () => admin('POST', `/v1/flows/${flowId}/publish`));
    expectError(publish, 422, 'FLOW_INVALID');
    expect(publish.body.error.details.map((p: { code: string }) => p.code)).toContain('FLOW_START_MISSING');
    const test = await expectDbUnchanged(db, () => admin('POST', `/v1/flows/${flowId}/test-conversations`, { body: {} }));
    expectError(test, 422, 'FLOW_INVALID');

    const after = await admin('GET', `/v1/flows/${flowId}`);
    expect(after.body.publishedVersion).toBe(1);
    expect(after.body.revision).toBe(2);
    // The published version keeps serving.
    const started = await server.request('POST', `/v1/bots/${flowId}/conversations`, { body: { locale: 'en' } });
    expect(started.status).toBe(201);
    expect(started.body.messages.map((m: { text: string }) => m.text)).toEqual(['What is your name?']);

    // allowErrors does not let a document that is not a flow at all through.
    const notAFlow = await expectDbUnchanged(db, () => admin('PUT', `/v1/flows/${flowId}?allowErrors=true`, { body: { id: flowId, nodes: 'x' } }));
    expectError(notAFlow, 422, 'FLOW_INVALID');
    expect((await admin('GET', `/v1/flows/${flowId}`)).body.revision).toBe(2);
  });

  it('POST /v1/validate reports problems without storing anything', async () => {
    const flow = threeQuestionFlow('only-validated');
    flow.start = 'nowhere';
    const response = await expectDbUnchanged(db, () => admin('POST', '/v1/validate', { body: flow }));
    expect(response.status).toBe(200);
    expect(response.body.ok).toBe(false);
    expect(response.body.problems.map((p: { code: string }) => p.code)).toEqual(['FLOW_START_MISSING']);
  });
});
