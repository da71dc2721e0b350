import { describe, expect, it } from 'vitest';
import { portsOf } from '../../sdk/defineNode.js';
import { runNode } from '../../testing/index.js';
import { messageNode } from './message.node.js';
import { message } from './message.run.js';

describe('message node', () => {
  it('says a plain text and continues at next', async () => {
    const run = await runNode(message, { config: { text: 'Willkommen bei der Bäckerei Huber!' } });
    expect(run.messages).toEqual([{ text: 'Willkommen bei der Bäckerei Huber!' }]);
    expect(run.result).toEqual({ port: 'next' });
    expect(run.vars).toEqual({});
    expect(run.records).toEqual([]);
  });

  it('says the text of the conversation locale', async () => {
    const text = { de: 'Guten Tag', en: 'Good day' };
    expect((await runNode(message, { config: { text }, locale: 'de', flowLocales: ['de', 'en'] })).texts).toEqual(['Guten Tag']);
    expect((await runNode(message, { config: { text }, locale: 'en', flowLocales: ['de', 'en'] })).texts).toEqual(['Good day']);
  });

  it("falls back to the flow's first locale when the text lacks the conversation's", async () => {
    const run = await runNode(message, { config: { text: { en: 'Hello', fr: 'Bonjour' } }, locale: 'de', flowLocales: ['en', 'de'] });
    expect(run.texts).toEqual(['Hello']);
  });

  it('uses the language of a regional locale', async () => {
    const run = await runNode(message, { config: { text: { de: 'Grüezi', en: 'Hello' } }, locale: 'de-CH', flowLocales: ['de-CH', 'en'] });
    expect(run.texts).toEqual(['Grüezi']);
  });

  it('fills templates from variables, per locale', async () => {
    const config = { text: { de: 'Hallo {{name}}, Ihre Bestellung {{order.id}} ist unterwegs.', en: 'Hi {{name}}, order {{order.id}} is on its way.' } };
    const vars = { name: 'Ada', order: { id: 'A-17' } };
    expect((await runNode(message, { config, vars, locale: 'de', flowLocales: ['de', 'en'] })).texts).toEqual([
      'Hallo Ada, Ihre Bestellung A-17 ist unterwegs.',
    ]);
    expect((await runNode(message, { config, vars, locale: 'en', flowLocales: ['de', 'en'] })).texts).toEqual([
      'Hi Ada, order A-17 is on its way.',
    ]);
  });

  it('renders unknown variables as empty, numbers and booleans as text', async () => {
    const run = await runNode(message, { config: { text: '[{{nobody}}] {{count}} {{ok}}' }, vars: { count: 3, ok: true } });
    expect(run.texts).toEqual(['[] 3 true']);
  });

  it('keeps the text verbatim (no trimming or escaping)', async () => {
    const text = '  <b>Achtung</b>\n& "Zeilen"  ';
    expect((await runNode(message, { config: { text } })).texts).toEqual([text]);
  });

  it('requires a text', async () => {
    await expect(runNode(message, { config: {} as never })).rejects.toThrow(/Invalid config for node type "message":\n {2}- text: /);
  });

  it('declares only the next port', () => {
    expect(portsOf(messageNode, { text: 'x' }).map((port) => port.id)).toEqual(['next']);
  });
});
