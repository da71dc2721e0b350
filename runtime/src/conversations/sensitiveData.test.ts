import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FlowDocumentInput } from '@dialogwerk/nodes';
import { ADMIN_TOKEN, lines, startHarness, type Harness } from './testRuntime.js';

const SECRET = 'Zebra-4711-Geheim';
const EMAIL = 'ada.lovelace@example.org';
const at = (y: number) => ({ x: 0, y });

/** A sensitive PIN that is echoed and copied, then a pii e-mail that a node logs in the same turn it is answered. */
function privacyFlow(): FlowDocumentInput {
  return {
    format: 'dialogwerk.flow/1',
    id: 'privacy',
    name: 'Privacy',
    locales: ['en', 'de'],
    start: 'pin',
    variables: {
      pin: { type: 'string' },
      copy: { type: 'string' },
      email: { type: 'string', pii: true },
      name: { type: 'string', pii: true },
      ok: { type: 'boolean' },
    },
    nodes: [
      { id: 'pin', type: 'ask', version: 1, position: at(0), sensitive: true, config: { text: 'Your PIN?', variable: 'pin' } },
      { id: 'echo', type: 'message', version: 1, position: at(1), config: { text: 'PIN {{pin}} noted' } },
      { id: 'copy', type: 'set', version: 1, position: at(2), config: { values: { copy: 'copied {{pin}}' } } },
      { id: 'email', type: 'ask', version: 1, position: at(3), config: { text: 'Your email?', variable: 'email', input: 'email' } },
      { id: 'logEmail', type: 'test/log', version: 1, position: at(4), config: { variable: 'email' } },
      { id: 'name', type: 'ask', version: 1, position: at(5), config: { text: 'Your name?', variable: 'name' } },
      { id: 'logName', type: 'test/log', version: 1, position: at(6), config: { variable: 'name' } },
      { id: 'confirm', type: 'ask', version: 1, position: at(7), config: { text: 'Done?', variable: 'ok', input: 'yesno' } },
      { id: 'bye', type: 'end', version: 1, position: at(8), config: { text: 'Bye' } },
    ],
    edges: [
      { id: 'e1', from: { node: 'pin', port: 'next' }, to: 'echo' },
      { id: 'e2', from: { node: 'echo', port: 'next' }, to: 'copy' },
      { id: 'e3', from: { node: 'copy', port: 'next' }, to: 'email' },
      { id: 'e4', from: { node: 'email', port: 'next' }, to: 'logEmail' },
      { id: 'e5', from: { node: 'logEmail', port: 'next' }, to: 'name' },
      { id: 'e6', from: { node: 'name', port: 'next' }, to: 'logName' },
      { id: 'e7', from: { node: 'logName', port: 'next' }, to: 'confirm' },
      { id: 'e8', from: { node: 'confirm', port: 'yes' }, to: 'bye' },
      { id: 'e9', from: { node: 'confirm', port: 'no' }, to: 'bye' },
    ],
  };
}

describe('sensitive answers and pii variables', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
    await h.publish(privacyFlow());
  });
  afterAll(() => h.destroy());

  /** The database file and its WAL as they are on disk right now. */
  function rawDatabaseBytes(): Buffer {
    return Buffer.concat([h.dbFile, `${h.dbFile}-wal`, `${h.dbFile}-shm`].filter((file) => existsSync(file)).map((file) => readFileSync(file)));
  }

  async function storedState(conversationId: string): Promise<string> {
    return String((await h.query('SELECT state FROM conversations WHERE id = ?', [conversationId]))[0]!.state);
  }

  it('never shows or stores the sensitive answer in clear, and drops it when the conversation ends', async () => {
    const c = await h.start('privacy', { locale: 'en' });
    const reply = await h.send(c.conversationId, c.token, { id: '1', text: SECRET });
    expect(reply.status).toBe(200);
    expect(lines(reply.body.messages)).toEqual(['user:•••', 'bot:PIN ••• noted', 'bot:Your email?']);
    expect(reply.text).not.toContain(SECRET);

    // While the conversation needs it, the answer is kept sealed, also the value derived from it.
    const waitingState = JSON.parse(await storedState(c.conversationId));
    expect(typeof waitingState.sealedSecrets).toBe('string');
    expect(waitingState.vars).toEqual({});
    expect(JSON.stringify(waitingState)).not.toContain('4711');
    expect(rawDatabaseBytes().includes(SECRET)).toBe(false);
    expect(rawDatabaseBytes().includes('4711')).toBe(false);

    const transcript = await h.request('GET', `/v1/conversations/${c.conversationId}`, { token: c.token });
    expect(lines(transcript.body.messages)).toEqual(['bot:Your PIN?', 'user:•••', 'bot:PIN ••• noted', 'bot:Your email?']);
    const admin = await h.request('GET', `/v1/conversations/${c.conversationId}/transcript`, { token: ADMIN_TOKEN });
    expect(admin.text).not.toContain('4711');
    expect(admin.body.events.filter((e: { type: string }) => e.type === 'message').map((e: { message?: { text: string }; text?: string }) => e.message?.text ?? e.text))
      .toEqual(['Your PIN?', '•••', 'PIN ••• noted', 'Your email?']);
    // Retrying the sensitive message replays the redacted response.
    expect((await h.send(c.conversationId, c.token, { id: '1', text: SECRET })).text).toBe(reply.text);

    await h.send(c.conversationId, c.token, { id: '2', text: EMAIL });
    await h.send(c.conversationId, c.token, { id: '3', text: 'Ada "The Countess" Lovelace\nLondon' });
    const last = await h.send(c.conversationId, c.token, { id: '4', text: 'yes' });
    expect(last.body.status).toBe('ended');

    const endedState = JSON.parse(await storedState(c.conversationId));
    expect(endedState.sealedSecrets).toBeUndefined();
    expect(Object.keys(endedState.vars).sort()).toEqual(['email', 'name', 'ok']);
    expect(rawDatabaseBytes().includes(SECRET)).toBe(false);
    expect(rawDatabaseBytes().includes('4711')).toBe(false);

    // The test/log nodes logged the pii values in the very turn they were answered.
    const logged = h.logs.filter((line) => line.includes('value of'));
    expect(logged).toHaveLength(2);
    for (const line of logged) expect(line).toContain('[redacted]');
    const allLogs = h.logs.join('\n');
    expect(allLogs).not.toContain(EMAIL);
    expect(allLogs).not.toContain('Countess');
    expect(allLogs).not.toContain('4711');
  });

  it('redacts a pii value that is derived in the same turn after something else was logged', async () => {
    await h.publish({
      format: 'dialogwerk.flow/1',
      id: 'derived',
      name: 'Derived',
      locales: ['en'],
      start: 'first',
      variables: { first: { type: 'string' }, full: { type: 'string', pii: true } },
      nodes: [
        { id: 'first', type: 'ask', version: 1, position: at(0), config: { text: 'First name?', variable: 'first' } },
        { id: 'logFirst', type: 'test/log', version: 1, position: at(1), config: { variable: 'first' } },
        { id: 'derive', type: 'set', version: 1, position: at(2), config: { values: { full: '{{first}} Hopper' } } },
        { id: 'logFull', type: 'test/log', version: 1, position: at(3), config: { variable: 'full' } },
        { id: 'bye', type: 'end', version: 1, position: at(4), config: { text: 'Bye' } },
      ],
      edges: [
        { id: 'e1', from: { node: 'first', port: 'next' }, to: 'logFirst' },
        { id: 'e2', from: { node: 'logFirst', port: 'next' }, to: 'derive' },
        { id: 'e3', from: { node: 'derive', port: 'next' }, to: 'logFull' },
        { id: 'e4', from: { node: 'logFull', port: 'next' }, to: 'bye' },
      ],
    });
    const c = await h.start('derived');
    const logsBefore = h.logs.length;
    await h.send(c.conversationId, c.token, { id: '1', text: 'Grace' });
    const turnLogs = h.logs.slice(logsBefore).filter((line) => line.includes('value of'));
    expect(turnLogs).toHaveLength(2);
    expect(turnLogs[0]).toContain('value of first is Grace');
    expect(turnLogs[1]).toContain('value of full is [redacted]');
    expect(turnLogs[1]).not.toContain('Hopper');
  });

  it('keeps a sensitive answer out of stored error messages of failing nodes', async () => {
    await h.publish({
      format: 'dialogwerk.flow/1',
      id: 'failing-secret',
      name: 'Failing secret',
      locales: ['en'],
      start: 'pin',
      variables: { pin: { type: 'string' } },
      nodes: [
        { id: 'pin', type: 'ask', version: 1, position: at(0), sensitive: true, config: { text: 'PIN?', variable: 'pin' } },
        { id: 'use', type: 'test/throws', version: 1, position: at(1), config: { message: 'cannot use PIN {{pin}}' } },
        { id: 'bye', type: 'end', version: 1, position: at(2), config: { text: 'Bye' } },
      ],
      edges: [{ id: 'e1', from: { node: 'pin', port: 'next' }, to: 'use' }],
    });
    const secret = 'Okapi-9931-Geheim';
    const c = await h.start('failing-secret');
    const reply = await h.send(c.conversationId, c.token, { id: '1', text: secret });
    expect(reply.body.status).toBe('handed_off');
    const admin = await h.request('GET', `/v1/conversations/${c.conversationId}/transcript`, { token: ADMIN_TOKEN });
    const errors = admin.body.events.filter((e: { type: string }) => e.type === 'node_error' || e.type === 'fallback');
    expect(errors.map((e: { data: { message?: string; detail?: string } }) => e.data.message ?? e.data.detail)).toEqual([
      'cannot use PIN •••', 'cannot use PIN •••',
    ]);
    expect(rawDatabaseBytes().includes('9931')).toBe(false);
    expect(h.logs.join('\n')).not.toContain('9931');
  });

  it('stores nothing from which a short sensitive answer can be recovered by hashing guesses', async () => {
    const c = await h.start('privacy', { locale: 'en' });
    await h.send(c.conversationId, c.token, { id: 'pin', text: '4711' });
    const stored = new Set(rawDatabaseBytes().toString('latin1').match(/[0-9a-f]{64}/g) ?? []);
    const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
    const recovered: string[] = [];
    for (let n = 0; n < 10_000; n++) {
      const guess = String(n).padStart(4, '0');
      const encodings = [guess, JSON.stringify([guess, null]), JSON.stringify({ text: guess }), JSON.stringify({ id: 'pin', text: guess })];
      if (encodings.some((encoding) => stored.has(sha256(encoding)))) recovered.push(guess);
    }
    expect(recovered).toEqual([]);
  });

  it('keeps answers that merely follow a question mentioning the sensitive value as ordinary variables', async () => {
    await h.publish({
      format: 'dialogwerk.flow/1',
      id: 'mentions-secret',
      name: 'Mentions secret',
      locales: ['en'],
      start: 'pin',
      variables: { pin: { type: 'string' }, city: { type: 'string' } },
      nodes: [
        { id: 'pin', type: 'ask', version: 1, position: at(0), sensitive: true, config: { text: 'PIN?', variable: 'pin' } },
        { id: 'city', type: 'ask', version: 1, position: at(1), config: { text: 'City for PIN {{pin}}?', variable: 'city' } },
        { id: 'bye', type: 'end', version: 1, position: at(2), config: { text: 'Bye from {{city}}' } },
      ],
      edges: [{ id: 'e1', from: { node: 'pin', port: 'next' }, to: 'city' }, { id: 'e2', from: { node: 'city', port: 'next' }, to: 'bye' }],
    });
    const c = await h.start('mentions-secret');
    expect(lines((await h.send(c.conversationId, c.token, { id: '1', text: 'Gnu-5550' })).body.messages)).toEqual(['user:•••', 'bot:City for PIN •••?']);
    expect(lines((await h.send(c.conversationId, c.token, { id: '2', text: 'Zürich' })).body.messages)).toEqual(['user:Zürich', 'bot:Bye from Zürich']);
    const state = JSON.parse(await storedState(c.conversationId));
    expect(state.vars).toEqual({ city: 'Zürich' });
    expect(state.sealedSecrets).toBeUndefined();
  });

  it('hides a short sensitive answer wherever a bot text is templated with it', async () => {
    const c = await h.start('privacy', { locale: 'en' });
    const reply = await h.send(c.conversationId, c.token, { id: '1', text: '42' });
    expect(lines(reply.body.messages)).toEqual(['user:•••', 'bot:PIN ••• noted', 'bot:Your email?']);
  });

  it('shows staff the redacted transcript in the handoff view too', async () => {
    const c = await h.start('privacy', { locale: 'en' });
    await h.send(c.conversationId, c.token, { id: '1', text: SECRET });
    // Three invalid e-mails: the unconnected `invalid` port hands the conversation to staff.
    for (const id of ['2', '3', '4']) await h.send(c.conversationId, c.token, { id, text: 'not an email' });
    const handoff = await h.request('GET', `/v1/handoffs/${c.conversationId}`, { token: ADMIN_TOKEN });
    expect(handoff.status).toBe(200);
    expect(handoff.body.status).toBe('open');
    expect(handoff.text).not.toContain('4711');
    expect(lines(handoff.body.messages).slice(0, 4)).toEqual(['bot:Your PIN?', 'user:•••', 'bot:PIN ••• noted', 'bot:Your email?']);
  });
});
