import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { threeQuestionFlow } from '../testing/flowFixtures.js';
import { DbInspector, expectDbUnchanged, expectError } from './apiTest.testkit.js';

const FLOW = 'lifecycle';

/** Version 1 asks for the name in English as "What is your name?"; version 2 words it differently. */
function v1() {
  return threeQuestionFlow(FLOW);
}
function v2() {
  const flow = threeQuestionFlow(FLOW);
  flow.name = 'Three questions, reworded';
  (flow.nodes[0]!.config as { text: unknown }).text = { de: 'Ihr Name bitte?', en: 'Your name, please?' };
  return flow;
}

describe('admin flow lifecycle', () => {
  let server: TestServer;
  let db: DbInspector;
  const admin = (method: string, route: string, options: Parameters<TestServer['request']>[2] = {}) =>
    server.request(method, route, { ...options, token: server.adminToken });
  const firstQuestion = async () => {
    const started = await server.request('POST', `/v1/bots/${FLOW}/conversations`, { body: { locale: 'en' } });
    expect(started.status).toBe(201);
    return started.body.messages.map((m: { text: string }) => m.text);
  };

  beforeAll(async () => {
    server = await startTestServer();
    db = new DbInspector(server.dataDir);
  });
  afterAll(async () => {
    db?.close();
    await server?.stop();
  });

  it('runs from first draft through publish, versions and rollback to delete', async () => {
    // Nothing there yet.
    expectError(await admin('GET', `/v1/flows/${FLOW}`), 404, 'FLOW_NOT_FOUND');

    // PUT creates the draft at revision 1.
    const created = await admin('PUT', `/v1/flows/${FLOW}`, { body: v1() });
    expect(created.status).toBe(200);
    expect(created.body.revision).toBe(1);
    let flow = await admin('GET', `/v1/flows/${FLOW}`);
    expect(flow.status).toBe(200);
    expect(flow.body.revision).toBe(1);
    expect(flow.body.publishedVersion).toBeNull();
    expect(flow.body.draft.id).toBe(FLOW);
    expect(flow.body.draft.nodes[0].config.text).toEqual({ de: 'Wie heissen Sie?', en: 'What is your name?' });
    expectError(await server.request('POST', `/v1/bots/${FLOW}/conversations`, { body: {} }), 404, 'FLOW_NOT_PUBLISHED');

    // PUT again replaces it at revision 2, with If-Match naming the current revision.
    const replaced = await admin('PUT', `/v1/flows/${FLOW}`, { body: v2(), headers: { 'if-match': '1' } });
    expect(replaced.status).toBe(200);
    expect(replaced.body.revision).toBe(2);

    // A stale If-Match is a conflict and changes nothing.
    const stale = await expectDbUnchanged(db, () => admin('PUT', `/v1/flows/${FLOW}`, { body: v1(), headers: { 'if-match': '1' } }));
    expectError(stale, 409, 'FLOW_REVISION_CONFLICT');
    expect(stale.body.error.details).toEqual({ currentRevision: 2 });
    const quoted = await expectDbUnchanged(db, () => admin('PUT', `/v1/flows/${FLOW}`, { body: v1(), headers: { 'if-match': '"1"' } }));
    expectError(quoted, 409, 'FLOW_REVISION_CONFLICT');
    const ahead = await expectDbUnchanged(db, () => admin('PUT', `/v1/flows/${FLOW}`, { body: v1(), headers: { 'if-match': '3' } }));
    expectError(ahead, 409, 'FLOW_REVISION_CONFLICT');

    flow = await admin('GET', `/v1/flows/${FLOW}`);
    expect(flow.body.revision).toBe(2);
    expect(flow.body.publishedVersion).toBeNull();
    expect(flow.body.draft.name).toBe('Three questions, reworded');
    expect(flow.body.draft.nodes[0].config.text.en).toBe('Your name, please?');

    // Back to v1's wording as revision 3, then publish it as version 1.
    expect((await admin('PUT', `/v1/flows/${FLOW}`, { body: v1(), headers: { 'if-match': '2' } })).body.revision).toBe(3);
    const published1 = await admin('POST', `/v1/flows/${FLOW}/publish`, { body: { note: 'first release' } });
    expect(published1.status).toBe(200);
    expect(published1.body).toEqual({ version: 1 });
    flow = await admin('GET', `/v1/flows/${FLOW}`);
    expect(flow.body.publishedVersion).toBe(1);
    expect(flow.body.revision).toBe(3);
    expect(await firstQuestion()).toEqual(['What is your name?']);

    // Publish v2 as version 2.
    expect((await admin('PUT', `/v1/flows/${FLOW}`, { body: v2() })).body.revision).toBe(4);
    expect((await admin('GET', `/v1/flows/${FLOW}`)).body.publishedVersion).toBe(1); // a draft change does not publish
    expect(await firstQuestion()).toEqual(['What is your name?']);
    const published2 = await admin('POST', `/v1/flows/${FLOW}/publish`);
    expect(published2.body).toEqual({ version: 2 });
    expect(await firstQuestion()).toEqual(['Your name, please?']);

    let versions = await admin('GET', `/v1/flows/${FLOW}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.publishedVersion).toBe(2);
    expect(versions.body.items.map((v: { version: number; note: string | null }) => [v.version, v.note])).toEqual([
      [2, null],
      [1, 'first release'],
    ]);
    const version1 = await admin('GET', `/v1/flows/${FLOW}/versions/1`);
    expect(version1.status).toBe(200);
    expect(version1.body.version).toBe(1);
    expect(version1.body.document.nodes[0].config.text).toEqual({ de: 'Wie heissen Sie?', en: 'What is your name?' });

    // Rolling back to version 1 publishes its document again, as version 3, and makes it the draft.
    const rollback = await admin('POST', `/v1/flows/${FLOW}/rollback`, { body: { version: 1 } });
    expect(rollback.status).toBe(200);
    expect(rollback.body.version).toBe(3);
    expect(rollback.body.revision).toBe(5);
    versions = await admin('GET', `/v1/flows/${FLOW}/versions`);
    expect(versions.body.publishedVersion).toBe(3);
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([3, 2, 1]);
    const version3 = await admin('GET', `/v1/flows/${FLOW}/versions/3`);
    expect(version3.body.document).toEqual(version1.body.document);
    flow = await admin('GET', `/v1/flows/${FLOW}`);
    expect(flow.body.publishedVersion).toBe(3);
    expect(flow.body.revision).toBe(5);
    expect(flow.body.draft).toEqual(version1.body.document);
    expect(flow.body.draft.name).toBe('Three questions');
    expect(await firstQuestion()).toEqual(['What is your name?']);

    // The list shows it.
    const list = await admin('GET', '/v1/flows');
    expect(list.body.items.map((f: { id: string; revision: number; publishedVersion: number }) => [f.id, f.revision, f.publishedVersion])).toEqual([
      [FLOW, 5, 3],
    ]);

    // Delete: gone from every admin route and from the public API.
    const deleted = await admin('DELETE', `/v1/flows/${FLOW}`);
    expect(deleted.status).toBe(200);
    expectError(await admin('GET', `/v1/flows/${FLOW}`), 404, 'FLOW_NOT_FOUND');
    expectError(await admin('GET', `/v1/flows/${FLOW}/versions`), 404, 'FLOW_NOT_FOUND');
    expectError(await admin('DELETE', `/v1/flows/${FLOW}`), 404, 'FLOW_NOT_FOUND');
    expectError(await server.request('POST', `/v1/bots/${FLOW}/conversations`, { body: {} }), 404, 'FLOW_NOT_PUBLISHED');
    expect((await admin('GET', '/v1/flows')).body.items).toEqual([]);
  });

  it('a conversation keeps the version it started on across publish and rollback', async () => {
    const id = 'pinned';
    const flow = threeQuestionFlow(id);
    expect((await admin('PUT', `/v1/flows/${id}`, { body: flow })).status).toBe(200);
    expect((await admin('POST', `/v1/flows/${id}/publish`)).body).toEqual({ version: 1 });
    const started = await server.request('POST', `/v1/bots/${id}/conversations`, { body: { locale: 'en' } });
    const reworded = threeQuestionFlow(id);
    (reworded.nodes[1]!.config as { text: unknown }).text = { de: 'Mail?', en: 'Mail?' };
    expect((await admin('PUT', `/v1/flows/${id}`, { body: reworded })).status).toBe(200);
    expect((await admin('POST', `/v1/flows/${id}/publish`)).body).toEqual({ version: 2 });
    const reply = await server.request('POST', `/v1/conversations/${started.body.conversationId}/messages`, {
      body: { id: 'm1', text: 'Ada' },
      token: started.body.token,
    });
    expect(reply.body.messages.map((m: { text: string }) => m.text)).toEqual(['Ada', 'Your email, Ada?']);
  });

  it('If-Match and ?revision= accept revision numbers in the usual spellings and refuse anything else', async () => {
    const id = 'preconditions';
    expectError(await admin('PUT', `/v1/flows/${id}`, { body: threeQuestionFlow(id), headers: { 'if-match': '1' } }), 409, 'FLOW_REVISION_CONFLICT');
    expect((await admin('PUT', `/v1/flows/${id}`, { body: threeQuestionFlow(id), headers: { 'if-match': '0' } })).body.revision).toBe(1);
    expectError(await admin('PUT', `/v1/flows/${id}`, { body: threeQuestionFlow(id), headers: { 'if-match': '0' } }), 409, 'FLOW_REVISION_CONFLICT');
    expect((await admin('PUT', `/v1/flows/${id}`, { body: threeQuestionFlow(id), headers: { 'if-match': 'W/"1"' } })).body.revision).toBe(2);
    expect((await admin('PUT', `/v1/flows/${id}?revision=2`, { body: threeQuestionFlow(id) })).body.revision).toBe(3);
    expectError(await admin('PUT', `/v1/flows/${id}?revision=2`, { body: threeQuestionFlow(id) }), 409, 'FLOW_REVISION_CONFLICT');
    expect((await admin('PUT', `/v1/flows/${id}`, { body: threeQuestionFlow(id), headers: { 'if-match': '*' } })).body.revision).toBe(4);
    // A precondition that cannot be read must not be ignored, or it would silently overwrite someone else's edit.
    for (const bad of ['abc', '"3', '1, 2', '-1', '1.5', 'W/x']) {
      const response = await expectDbUnchanged(db, () => admin('PUT', `/v1/flows/${id}`, { body: threeQuestionFlow(id), headers: { 'if-match': bad } }));
      expectError(response, 400, 'INVALID_REVISION');
    }
    const badQuery = await expectDbUnchanged(db, () => admin('PUT', `/v1/flows/${id}?revision=latest`, { body: threeQuestionFlow(id) }));
    expectError(badQuery, 400, 'INVALID_REVISION');
    expect((await admin('GET', `/v1/flows/${id}`)).body.revision).toBe(4);
  });

  it('a PUT without If-Match after a concurrent edit still succeeds (last writer wins) and counts up', async () => {
    const id = 'no-if-match';
    expect((await admin('PUT', `/v1/flows/${id}`, { body: threeQuestionFlow(id) })).body.revision).toBe(1);
    const results = await Promise.all([1, 2, 3].map(() => admin('PUT', `/v1/flows/${id}`, { body: threeQuestionFlow(id) })));
    // Concurrent unconditional saves either win or report a conflict; never a 5xx, never the same revision twice.
    for (const result of results) expect([200, 409]).toContain(result.status);
    const revisions = results.filter((r) => r.status === 200).map((r) => r.body.revision);
    expect(new Set(revisions).size).toBe(revisions.length);
    const final = await admin('GET', `/v1/flows/${id}`);
    expect(final.body.revision).toBe(1 + revisions.length);
  });
});
