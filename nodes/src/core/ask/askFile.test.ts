import { describe, expect, it } from 'vitest';
import { portsOf } from '../../sdk/defineNode.js';
import type { FileStore, StoredFile } from '../../sdk/services/files.js';
import { NodeConfigError, runNode, runNodeConversation } from '../../testing/index.js';
import { askNode, type AskConfig } from './ask.node.js';
import { ask } from './ask.run.js';
import { meansSkip } from './askFile.js';

const conversation = { id: 'conv-1' };

/** An in-memory file store: what the runtime's embedded store answers, without disk or database. */
function memoryFiles(files: Omit<StoredFile, 'url'>[]): FileStore {
  const byId = new Map(files.map((file) => [file.id, { ...file, url: `/v1/conversations/${file.conversationId}/files/${file.id}` }]));
  return {
    get: async (conversationId, fileId) => {
      const file = byId.get(fileId);
      return file && file.conversationId === conversationId ? file : undefined;
    },
  };
}

const MB = 1024 * 1024;
const services = {
  files: memoryFiles([
    { id: 'photo', name: 'foto.jpg', contentType: 'image/jpeg', size: 200_000, conversationId: 'conv-1' },
    { id: 'scan', name: 'scan.pdf', contentType: 'application/pdf', size: 1_000_000, conversationId: 'conv-1' },
    { id: 'big', name: 'gross.png', contentType: 'image/png', size: 11 * MB, conversationId: 'conv-1' },
    { id: 'other', name: 'fremd.jpg', contentType: 'image/jpeg', size: 1000, conversationId: 'conv-2' },
  ]),
};
const photoRef = { id: 'photo', name: 'foto.jpg', contentType: 'image/jpeg', size: 200_000, url: '/v1/conversations/conv-1/files/photo' };
const scanRef = { id: 'scan', name: 'scan.pdf', contentType: 'application/pdf', size: 1_000_000, url: '/v1/conversations/conv-1/files/scan' };

const question = (files?: Partial<NonNullable<AskConfig['files']>>, extra: Partial<AskConfig> = {}) =>
  ({ text: 'Bitte ein Foto vom Schaden.', variable: 'photo', input: 'file' as const, ...(files ? { files } : {}), ...extra }) as AskConfig;
const de = { locale: 'de', flowLocales: ['de', 'en'], services, conversation };
const en = { ...de, locale: 'en' };

describe('ask with input file: asking', () => {
  it('waits with the upload rules (defaults: images and PDF, 10 MB, 5 files)', async () => {
    const run = await runNode(ask, { config: question(), ...de });
    expect(run.messages).toEqual([{ text: 'Bitte ein Foto vom Schaden.' }]);
    expect(run.waiting).toEqual({
      input: { type: 'file', accept: ['image/*', 'application/pdf'], maxSizeMb: 10, maxFiles: 5 },
      state: { attempts: 0 },
    });
  });

  it('offers a skip button when the question is optional', async () => {
    const run = await runNode(ask, { config: question({ optional: true, accept: ['image/jpeg'], maxFiles: 1, maxSizeMb: 2 }), ...en });
    expect(run.messages).toEqual([{ text: 'Bitte ein Foto vom Schaden.', choices: [{ id: 'skip', label: 'Skip' }] }]);
    expect(run.waiting?.input).toEqual({ type: 'file', accept: ['image/jpeg'], maxSizeMb: 2, maxFiles: 1, choices: [{ id: 'skip', label: 'Skip' }] });
  });

  it('declares next, invalid and, when optional, skip', () => {
    expect(portsOf(askNode, question()).map((port) => port.id)).toEqual(['next', 'invalid']);
    expect(portsOf(askNode, question({ optional: true })).map((port) => port.id)).toEqual(['next', 'skip', 'invalid']);
  });

  it.each<[string, unknown, string[]]>([
    ['an unsupported type', question({ accept: ['text/html' as never] }), ['files.accept[0]']],
    ['no accepted type', question({ accept: [] }), ['files.accept']],
    ['a size over 25 MB', question({ maxSizeMb: 30 }), ['files.maxSizeMb']],
    ['more than 10 files', question({ maxFiles: 11 }), ['files.maxFiles']],
  ])('rejects %s', async (_what, config, paths) => {
    const error = await runNode(ask, { config: config as never }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(NodeConfigError);
    expect((error as NodeConfigError).issues.map((issue) => issue.path)).toEqual(paths);
  });
});

describe('ask with input file: answers', () => {
  it('stores a list of references when several files are allowed', async () => {
    const talk = await runNodeConversation(ask, question(), [{ files: ['photo', 'scan'] }], de);
    expect(talk.port).toBe('next');
    expect(talk.vars).toEqual({ photo: [photoRef, scanRef] });
  });

  it('stores one reference when a single file is allowed', async () => {
    const talk = await runNodeConversation(ask, question({ maxFiles: 1 }), [{ files: ['photo'] }], de);
    expect(talk.vars).toEqual({ photo: photoRef });
  });

  it('keeps the reference secret at a sensitive node', async () => {
    const talk = await runNodeConversation(ask, question({ maxFiles: 1 }), [{ files: ['photo'] }], { ...de, sensitive: true });
    expect(talk.secrets).toEqual({ photo: photoRef });
  });

  it.each<[string, Partial<NonNullable<AskConfig['files']>>, { files: string[] } | string, string]>([
    ['an unknown id', {}, { files: ['nope'] }, 'Diese Datei habe ich nicht erhalten. Bitte laden Sie sie noch einmal hoch.'],
    ["another conversation's file", {}, { files: ['other'] }, 'Diese Datei habe ich nicht erhalten. Bitte laden Sie sie noch einmal hoch.'],
    ['a PDF where only images are accepted', { accept: ['image/*'] }, { files: ['scan'] }, 'Diese Dateiart kann ich nicht annehmen. Erlaubt: Bilder.'],
    ['a file over the size limit', {}, { files: ['big'] }, 'Die Datei ist zu groß (höchstens 10 MB).'],
    ['too many files', { maxFiles: 1 }, { files: ['photo', 'scan'] }, 'Bitte senden Sie höchstens 1 Datei(en).'],
    ['an empty list', {}, { files: [] }, 'Bitte laden Sie eine Datei hoch (Bilder, PDF, höchstens 10 MB).'],
    ['a text', {}, 'hier ist es', 'Bitte laden Sie eine Datei hoch (Bilder, PDF, höchstens 10 MB).'],
  ])('re-asks for %s, saying what is wrong', async (_what, rules, answer, retry) => {
    const talk = await runNodeConversation(ask, question(rules), [answer], de);
    expect(talk.last.texts).toEqual([retry]);
    expect(talk.waiting?.state).toEqual({ attempts: 1 });
    expect(talk.vars).toEqual({});
  });

  it('accepts a valid upload after a wrong one and takes invalid after the retries', async () => {
    const fixed = await runNodeConversation(ask, question(), [{ files: ['nope'] }, { files: ['photo'] }], en);
    expect(fixed.port).toBe('next');
    expect(fixed.texts).toEqual(['Bitte ein Foto vom Schaden.', 'I did not receive that file. Please upload it again.']);
    const failed = await runNodeConversation(ask, question({}, { retryText: { de: 'Nochmal.', en: 'Again.' } }), ['a', 'b', 'c'], en);
    expect(failed.texts).toEqual(['Bitte ein Foto vom Schaden.', 'Again.', 'Again.']);
    expect(failed.port).toBe('invalid');
  });

  it('does not skip a question that is not optional', async () => {
    const talk = await runNodeConversation(ask, question(), ['kein Foto'], de);
    expect(talk.waiting?.state).toEqual({ attempts: 1 });
  });

  it.each<[string | { choice: string }]>([[{ choice: 'skip' }], ['kein Foto'], ['Überspringen'], ['skip'], ["I don't have a picture"], ['nein danke']])(
    'an optional question takes skip for %j',
    async (answer) => {
      const talk = await runNodeConversation(ask, question({ optional: true }), [answer], de);
      expect(talk.port).toBe('skip');
      expect(talk.vars).toEqual({});
    },
  );

  it('fails (taking invalid, its error port) when no file store is configured', async () => {
    const error = await runNodeConversation(ask, question(), [{ files: ['photo'] }], { ...de, services: {} }).catch((reason: unknown) => reason);
    expect((error as Error).message).toMatch(/no file store/);
    expect((error as { errorPort?: string }).errorPort).toBe('invalid');
  });
});

describe('meansSkip', () => {
  it.each(['kein Bild', 'habe keine Fotos', 'später', 'no photo', 'None.'])('reads %j as skipping', (text) => {
    expect(meansSkip({ text })).toBe(true);
  });
  it.each(['Foto folgt', 'hier', 'ja'])('does not read %j as skipping', (text) => {
    expect(meansSkip({ text })).toBe(false);
  });
});
