import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { llmFlow } from '../llm/llmFlow.testkit.js';
import { publishFlow } from '../testing/publishFlow.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';

type Problem = { code: string; severity: string; path: (string | number)[]; nodeId?: string; messages: { de: string; en: string } };

/** A faq node (second in the document) that answers from the knowledge base `knowledgeBase`. */
function faqFlow(id: string, knowledgeBase: string): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id,
    name: 'FAQ',
    locales: ['de', 'en'],
    start: 'hello',
    variables: {},
    nodes: [
      { id: 'hello', type: 'message', version: 1, position: { x: 0, y: 0 }, config: { text: 'Hallo!' } },
      { id: 'faq', type: 'faq', version: 1, label: 'Häufige Fragen', position: { x: 0, y: 100 }, config: { text: 'Ihre Frage?', knowledgeBase } },
      { id: 'sorry', type: 'end', version: 1, position: { x: 0, y: 200 }, config: { text: 'Leider weiss ich das nicht.' } },
    ],
    edges: [
      { id: 'e1', from: { node: 'hello', port: 'next' }, to: 'faq' },
      { id: 'e2', from: { node: 'faq', port: 'answered' }, to: 'faq' },
      { id: 'e3', from: { node: 'faq', port: 'no_match' }, to: 'sorry' },
    ],
  };
}

describe('FLOW_KNOWLEDGE_BASE_MISSING over the admin API', () => {
  let server: TestServer;
  const validate = async (flow: FlowDocumentInput) => {
    const response = await server.request('POST', '/v1/validate', { token: server.adminToken, body: flow });
    expect(response.status).toBe(200);
    return (response.body.problems as Problem[]).filter((problem) => problem.code === 'FLOW_KNOWLEDGE_BASE_MISSING');
  };

  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server?.stop());

  it('warns at the faq node\'s knowledgeBase field, with the id in German and English', async () => {
    const [warning, ...rest] = await validate(faqFlow('faq-missing', 'velo'));
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ severity: 'warning', nodeId: 'faq', path: ['nodes', 1, 'config', 'knowledgeBase'] });
    expect(warning!.messages.de).toContain('„velo“');
    expect(warning!.messages.de).toContain('Häufige Fragen');
    expect(warning!.messages.en).toContain('"velo"');
    expect(warning!.messages.en).toContain('does not exist');
  });

  it('warns at the llm_answer node\'s faqKnowledgeBase field', async () => {
    const warnings = await validate(llmFlow('llm-missing-kb', { faqKnowledgeBase: 'handbuch' }));
    expect(warnings).toEqual([expect.objectContaining({ nodeId: 'q', path: ['nodes', 0, 'config', 'faqKnowledgeBase'] })]);
    expect(warnings[0]!.messages.en).toContain('"handbuch"');
    expect(await validate(llmFlow('llm-no-kb'))).toEqual([]);
  });

  it('does not block saving or publishing, and a conversation still runs', async () => {
    const { saved, published } = await publishFlow(server, faqFlow('faq-publish', 'later'));
    expect(saved.body.problems.map((problem: Problem) => problem.code)).toContain('FLOW_KNOWLEDGE_BASE_MISSING');
    expect(published.body.problems.map((problem: Problem) => problem.code)).toEqual(['FLOW_KNOWLEDGE_BASE_MISSING']);
    const started = await server.request('POST', '/v1/bots/faq-publish/conversations', { body: { locale: 'de' } });
    expect(started.status).toBe(201);
  });

  it('disappears once the knowledge base exists', async () => {
    const created = await server.request('POST', '/v1/knowledge-bases', {
      token: server.adminToken,
      body: { id: 'velo', name: 'Velo', entries: [{ question: 'Offen?', answer: 'Ja.' }] },
    });
    expect(created.status).toBe(201);
    expect(await validate(faqFlow('faq-found', 'velo'))).toEqual([]);
    const draftCheck = await server.request('POST', '/v1/flows/faq-publish/validate', { token: server.adminToken });
    expect(draftCheck.body.problems.map((problem: Problem) => problem.code)).toContain('FLOW_KNOWLEDGE_BASE_MISSING');
  });
});
