import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { threeQuestionFlow } from '../testing/flowFixtures.js';
import { ADMIN_TOKEN, lines, startHarness, type Harness } from './testRuntime.js';

function withTexts(id: string, name: string, email: string): FlowDocumentInput {
  const flow = threeQuestionFlow(id);
  flow.nodes = flow.nodes.map((node) => {
    if (node.id === 'name') return { ...node, config: { ...node.config, text: name } };
    if (node.id === 'email') return { ...node, config: { ...node.config, text: email } };
    return node;
  });
  return flow;
}

describe('test conversations from the builder', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.destroy());

  const startTest = (flowId: string, body: Record<string, unknown> = {}, token: string | null = ADMIN_TOKEN) =>
    h.request('POST', `/v1/flows/${flowId}/test-conversations`, { body, token: token ?? undefined });

  it('run the current draft, are marked as tests and continue over the public message route', async () => {
    await h.publish(withTexts('tq', 'Published name?', 'Published email, {{name}}?'));
    expect((await h.request('PUT', '/v1/flows/tq', { body: withTexts('tq', 'Draft name?', 'Draft email, {{name}}?'), token: ADMIN_TOKEN })).status).toBe(200);

    const test = await startTest('tq', { locale: 'en' });
    expect(test.status).toBe(201);
    expect(test.body).toMatchObject({ status: 'awaiting_input', input: { type: 'text' } });
    expect(typeof test.body.conversationId).toBe('string');
    expect(typeof test.body.token).toBe('string');
    expect(lines(test.body.messages)).toEqual(['bot:Draft name?']);
    const customer = await h.start('tq', { locale: 'en' });
    expect(lines(customer.messages)).toEqual(['bot:Published name?']);

    const reply = await h.send(test.body.conversationId, test.body.token, { id: '1', text: 'Tess' });
    expect(reply.status).toBe(200);
    expect(lines(reply.body.messages)).toEqual(['user:Tess', 'bot:Draft email, Tess?']);
    const transcript = await h.request('GET', `/v1/conversations/${test.body.conversationId}`, { token: test.body.token });
    expect(lines(transcript.body.messages)).toEqual(['bot:Draft name?', 'user:Tess', 'bot:Draft email, Tess?']);

    const rows = await h.query('SELECT id, is_test, flow_version FROM conversations ORDER BY created_at, id');
    expect(Object.fromEntries(rows.map((row) => [row.id, [Number(row.is_test), row.flow_version]]))).toEqual({
      [test.body.conversationId]: [1, null],
      [customer.conversationId]: [0, 1],
    });
    expect((await h.adminTranscript(test.body.conversationId)).isTest).toBe(true);
    expect((await h.adminTranscript(customer.conversationId)).isTest).toBe(false);
    const onlyTests = await h.request('GET', '/v1/conversations?test=true', { token: ADMIN_TOKEN });
    expect(onlyTests.body.items.map((item: { conversationId: string }) => item.conversationId)).toEqual([test.body.conversationId]);
  });

  it('keep running the draft they started on when the draft changes again', async () => {
    await h.request('PUT', '/v1/flows/tq', { body: withTexts('tq', 'First draft?', 'First email?'), token: ADMIN_TOKEN });
    const first = (await startTest('tq')).body;
    await h.request('PUT', '/v1/flows/tq', { body: withTexts('tq', 'Second draft?', 'Second email?'), token: ADMIN_TOKEN });
    const second = (await startTest('tq')).body;
    expect(lines(second.messages)).toEqual(['bot:Second draft?']);
    expect(lines((await h.send(first.conversationId, first.token, { id: '1', text: 'A' })).body.messages)).toEqual(['user:A', 'bot:First email?']);
    expect(lines((await h.send(second.conversationId, second.token, { id: '1', text: 'B' })).body.messages)).toEqual(['user:B', 'bot:Second email?']);
  });

  it('work for a flow that was never published, which customers cannot start', async () => {
    await h.request('PUT', '/v1/flows/unpublished', { body: threeQuestionFlow('unpublished'), token: ADMIN_TOKEN });
    const publicStart = await h.request('POST', '/v1/bots/unpublished/conversations', { body: {} });
    expect(publicStart.status).toBe(404);
    expect(publicStart.body.error.code).toBe('FLOW_NOT_PUBLISHED');
    const test = await startTest('unpublished', { locale: 'de' });
    expect(test.status).toBe(201);
    expect(lines(test.body.messages)).toEqual(['bot:Wie heissen Sie?']);
  });

  it('need the admin token', async () => {
    await h.request('PUT', '/v1/flows/tq', { body: threeQuestionFlow('tq'), token: ADMIN_TOKEN });
    const before = await h.dbSnapshot();
    expect((await startTest('tq', {}, null)).status).toBe(401);
    expect((await startTest('tq', {}, 'wrong')).status).toBe(401);
    expect(await h.dbSnapshot()).toEqual(before);
  });
});
