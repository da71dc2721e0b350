import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { threeQuestionFlow } from '../testing/flowFixtures.js';
import { ADMIN_TOKEN, lines, startHarness, type Harness } from './testRuntime.js';

/** Version 2: other question texts, and the newsletter question removed (e-mail leads straight to the end). */
function versionTwo(): FlowDocumentInput {
  const flow = threeQuestionFlow('pinned');
  flow.nodes = flow.nodes
    .filter((node) => node.id !== 'news')
    .map((node) => {
      if (node.id === 'name') return { ...node, config: { ...node.config, text: { de: 'Ihr Name bitte?', en: 'Your name, please?' } } };
      if (node.id === 'email') return { ...node, config: { ...node.config, text: { de: 'E-Mail von {{name}}?', en: 'Email of {{name}}?' } } };
      if (node.id === 'bye') return { ...node, config: { text: { de: 'Vielen Dank (v2)', en: 'Thank you (v2)' } } };
      return node;
    });
  flow.edges = flow.edges!.filter((edge) => edge.from.node !== 'news').map((edge) => (edge.to === 'news' ? { ...edge, to: 'bye' } : edge));
  return flow;
}

describe('conversations stay on the flow version they started on', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await startHarness();
  });
  afterEach(() => h.destroy());

  it('an old conversation keeps version 1 texts and structure after version 2 is published; a new one gets version 2', async () => {
    expect(await h.publish(threeQuestionFlow('pinned'))).toBe(1);
    const old = await h.start('pinned', { locale: 'en' });
    expect(lines(old.messages)).toEqual(['bot:What is your name?']);

    expect(await h.publish(versionTwo())).toBe(2);
    const fresh = await h.start('pinned', { locale: 'en' });
    expect(lines(fresh.messages)).toEqual(['bot:Your name, please?']);

    expect(lines((await h.send(old.conversationId, old.token, { id: '1', text: 'Ada' })).body.messages)).toEqual(['user:Ada', 'bot:Your email, Ada?']);
    expect(lines((await h.send(fresh.conversationId, fresh.token, { id: '1', text: 'Bea' })).body.messages)).toEqual(['user:Bea', 'bot:Email of Bea?']);

    // A restart empties every cache: the pin lives in the database.
    h = await h.restart();
    // Version 1 still has the newsletter question that version 2 removed.
    expect(lines((await h.send(old.conversationId, old.token, { id: '2', text: 'ada@example.com' })).body.messages)).toEqual([
      'user:ada@example.com', 'bot:Newsletter?',
    ]);
    expect(lines((await h.send(fresh.conversationId, fresh.token, { id: '2', text: 'bea@example.com' })).body.messages)).toEqual([
      'user:bea@example.com', 'bot:Thank you (v2)',
    ]);
    expect(lines((await h.send(old.conversationId, old.token, { id: '3', text: 'no' })).body.messages)).toEqual(['user:no', 'bot:Thanks!']);

    const listed = await h.request('GET', '/v1/conversations?flowId=pinned', { token: ADMIN_TOKEN });
    const versions = Object.fromEntries(listed.body.items.map((item: { conversationId: string; flowVersion: number }) => [item.conversationId, item.flowVersion]));
    expect(versions).toEqual({ [old.conversationId]: 1, [fresh.conversationId]: 2 });
  });

  it('saving a draft without publishing changes nothing for customers', async () => {
    await h.publish(threeQuestionFlow('pinned'));
    const put = await h.request('PUT', '/v1/flows/pinned', { body: versionTwo(), token: ADMIN_TOKEN });
    expect(put.status).toBe(200);
    const started = await h.start('pinned', { locale: 'de' });
    expect(lines(started.messages)).toEqual(['bot:Wie heissen Sie?']);
    expect((await h.query('SELECT flow_version FROM conversations WHERE id = ?', [started.conversationId]))[0]!.flow_version).toBe(1);
  });
});
