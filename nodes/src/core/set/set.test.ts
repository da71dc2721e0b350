import { describe, expect, it } from 'vitest';
import { portsOf } from '../../sdk/defineNode.js';
import { runNode } from '../../testing/index.js';
import { setNode } from './set.node.js';
import { set } from './set.run.js';

describe('set node', () => {
  it('sets a fixed value and continues at next', async () => {
    const run = await runNode(set, { config: { values: { topic: 'Reklamation' } } });
    expect(run.vars).toEqual({ topic: 'Reklamation' });
    expect(run.result).toEqual({ port: 'next' });
    expect(run.messages).toEqual([]);
  });

  it('sets several values at once and keeps other variables', async () => {
    const run = await runNode(set, {
      config: { values: { first: 'Ada', last: 'Lovelace', team: 'Support' } },
      vars: { other: 1, team: 'Sales' },
    });
    expect(run.vars).toEqual({ other: 1, first: 'Ada', last: 'Lovelace', team: 'Support' });
  });

  it('fills templates from the variables', async () => {
    const run = await runNode(set, {
      config: { values: { fullName: '{{first}} {{ last }}', greeting: 'Hallo {{first}}!', city: '{{address.city}}' } },
      vars: { first: 'Ada', last: 'Lovelace', address: { city: 'London' } },
    });
    expect(run.vars).toMatchObject({ fullName: 'Ada Lovelace', greeting: 'Hallo Ada!', city: 'London' });
  });

  it('fills templates with the values from before the node ran, not with ones it sets itself', async () => {
    const run = await runNode(set, { config: { values: { a: 'new', b: 'was {{a}}' } }, vars: { a: 'old' } });
    expect(run.vars).toEqual({ a: 'new', b: 'was old' });
  });

  it('turns unknown variables into empty text', async () => {
    const run = await runNode(set, { config: { values: { copy: '{{missing}}' } } });
    expect(run.vars).toEqual({ copy: '' });
  });

  it('stores text, which the engine converts to a declared number or boolean type', async () => {
    const plain = await runNode(set, { config: { values: { total: '{{count}}', agreed: 'ja' } }, vars: { count: 3 } });
    expect(plain.vars).toMatchObject({ total: '3', agreed: 'ja' });
    const typed = await runNode(set, {
      config: { values: { total: '{{count}}', agreed: 'ja' } },
      vars: { count: 3 },
      variableTypes: { total: 'number', agreed: 'boolean' },
    });
    expect(typed.vars).toMatchObject({ total: 3, agreed: true });
  });

  it('resolves per-locale values for the conversation locale, falling back to the first locale', async () => {
    const config = { values: { label: { de: 'Rechnung', en: 'Invoice' }, only: { de: 'Nur Deutsch' } } };
    const en = await runNode(set, { config, locale: 'en', flowLocales: ['de', 'en'] });
    expect(en.vars).toEqual({ label: 'Invoice', only: 'Nur Deutsch' });
    const de = await runNode(set, { config, locale: 'de', flowLocales: ['de', 'en'] });
    expect(de.vars).toEqual({ label: 'Rechnung', only: 'Nur Deutsch' });
  });

  it('overwrites with an empty value', async () => {
    expect((await runNode(set, { config: { values: { note: '' } }, vars: { note: 'alt' } })).vars).toEqual({ note: '' });
  });

  it('writes secrets when the node is sensitive', async () => {
    const run = await runNode(set, { config: { values: { pin: '{{code}}' } }, vars: { code: '4711' }, sensitive: true });
    expect(run.secrets).toEqual({ pin: '4711' });
  });

  it('rejects invalid variable names', async () => {
    const error = await runNode(set, { config: { values: { '1st': 'x' } } }).catch((reason: Error) => reason);
    expect((error as Error).message).toMatch(/^Invalid config for node type "set":\n {2}- values\[?/);
  });

  it('declares only the next port and the variables it writes', () => {
    expect(portsOf(setNode, { values: { a: 'x' } }).map((port) => port.id)).toEqual(['next']);
    expect(setNode.variables?.({ values: { a: 'x', b: 'y' } })).toEqual(['a', 'b']);
  });
});
