import { describe, expect, it } from 'vitest';
import { portsOf, waitsForInput } from '../../sdk/defineNode.js';
import { runNode, runNodeConversation, type AnswerInput } from '../../testing/index.js';
import { endNode } from './end.node.js';
import { end } from './end.run.js';

const de = { locale: 'de', flowLocales: ['de', 'en'] };
const en = { locale: 'en', flowLocales: ['de', 'en'] };
const ratingButtons = ['1', '2', '3', '4', '5'].map((id) => ({ id, label: id }));
const csatQuestion = {
  de: 'Wie zufrieden waren Sie mit dem Gespräch? (1 = gar nicht, 5 = sehr)',
  en: 'How satisfied were you with this conversation? (1 = not at all, 5 = very)',
};
const csatRetry = { de: 'Bitte geben Sie eine Zahl von 1 bis 5 an.', en: 'Please give a number from 1 to 5.' };

describe('end: plain', () => {
  it('ends silently without a text', async () => {
    const run = await runNode(end, { config: {} });
    expect(run.result).toEqual({ end: true });
    expect(run.ended).toBe(true);
    expect(run.messages).toEqual([]);
    expect(run.records).toEqual([]);
  });

  it('says its text, per locale with templates, then ends', async () => {
    const config = { text: { de: 'Danke, {{name}}. Auf Wiedersehen!', en: 'Thanks, {{name}}. Goodbye!' } };
    const deRun = await runNode(end, { config, vars: { name: 'Ada' }, ...de });
    expect(deRun.messages).toEqual([{ text: 'Danke, Ada. Auf Wiedersehen!' }]);
    expect(deRun.ended).toBe(true);
    expect((await runNode(end, { config, vars: { name: 'Ada' }, ...en })).texts).toEqual(['Thanks, Ada. Goodbye!']);
  });

  it('does not ask for a rating when csat is false', async () => {
    const run = await runNode(end, { config: { text: 'Tschüss', csat: false } });
    expect(run.texts).toEqual(['Tschüss']);
    expect(run.ended).toBe(true);
  });

  it('has no ports and does not wait unless csat is on', () => {
    expect(portsOf(endNode, {})).toEqual([]);
    expect(waitsForInput(endNode, {})).toBe(false);
    expect(waitsForInput(endNode, { csat: true })).toBe(true);
  });
});

describe('end: csat', () => {
  it('asks the rating question first, with buttons 1 to 5, and waits', async () => {
    const run = await runNode(end, { config: { text: 'Tschüss', csat: true }, ...de });
    expect(run.messages).toEqual([{ text: csatQuestion.de, choices: ratingButtons }]);
    expect(run.result).toEqual({ wait: { input: { type: 'choice', choices: ratingButtons }, state: { attempts: 0 } } });
    expect(run.ended).toBe(false);
    expect(run.records).toEqual([]);
  });

  it('asks in English in an English conversation', async () => {
    const run = await runNode(end, { config: { csat: true }, ...en });
    expect(run.texts).toEqual([csatQuestion.en]);
  });

  it.each<[AnswerInput, number]>([
    [{ choice: '5' }, 5],
    [{ choice: '1' }, 1],
    ['4', 4],
    [' 3 ', 3],
    ['2.', 2],
    ['5!', 5],
  ])('records the rating %j as %i, then says the end text and ends', async (answer, rating) => {
    const talk = await runNodeConversation(end, { text: { de: 'Danke und tschüss!', en: 'Thanks, bye!' }, csat: true }, [answer], de);
    expect(talk.ended).toBe(true);
    expect(talk.records).toEqual([{ type: 'csat', data: { rating } }]);
    expect(talk.last.messages).toEqual([{ text: 'Danke und tschüss!' }]);
    expect(talk.transcript.map((entry) => entry.from)).toEqual(['bot', 'user', 'bot']);
  });

  it('ends without a further message after the rating when there is no end text', async () => {
    const talk = await runNodeConversation(end, { csat: true }, [{ choice: '4' }], en);
    expect(talk.ended).toBe(true);
    expect(talk.last.messages).toEqual([]);
    expect(talk.records).toEqual([{ type: 'csat', data: { rating: 4 } }]);
  });

  it.each<AnswerInput>(['6', '0', 'super', '4/5', 'vier', { choice: '7' }, ''])(
    'asks once more after the invalid rating %j',
    async (answer) => {
      const talk = await runNodeConversation(end, { text: 'Tschüss', csat: true }, [answer], de);
      expect(talk.ended).toBe(false);
      expect(talk.last.messages).toEqual([{ text: csatRetry.de, choices: ratingButtons }]);
      expect(talk.waiting).toEqual({ input: { type: 'choice', choices: ratingButtons }, state: { attempts: 1 } });
      expect(talk.records).toEqual([]);
    },
  );

  it('records a valid rating given on the second try', async () => {
    const talk = await runNodeConversation(end, { text: 'Tschüss', csat: true }, ['toll', '5'], en);
    expect(talk.texts).toEqual([csatQuestion.en, csatRetry.en, 'Tschüss']);
    expect(talk.records).toEqual([{ type: 'csat', data: { rating: 5 } }]);
    expect(talk.ended).toBe(true);
  });

  it('ends without a rating after a second invalid answer, still saying the end text', async () => {
    const talk = await runNodeConversation(end, { text: { de: 'Auf Wiedersehen', en: 'Goodbye' }, csat: true }, ['x', 'y'], de);
    expect(talk.ended).toBe(true);
    expect(talk.records).toEqual([]);
    expect(talk.texts).toEqual([csatQuestion.de, csatRetry.de, 'Auf Wiedersehen']);
    expect(talk.transcript).toEqual([
      { from: 'bot', text: csatQuestion.de, choices: ratingButtons },
      { from: 'user', text: 'x' },
      { from: 'bot', text: csatRetry.de, choices: ratingButtons },
      { from: 'user', text: 'y' },
      { from: 'bot', text: 'Auf Wiedersehen' },
    ]);
  });

  it('ends silently without a rating when there is no end text', async () => {
    const talk = await runNodeConversation(end, { csat: true }, ['x', 'y'], de);
    expect(talk.ended).toBe(true);
    expect(talk.last.messages).toEqual([]);
    expect(talk.records).toEqual([]);
  });

  it('rejects a config with a non-boolean csat', async () => {
    await expect(runNode(end, { config: { csat: 'yes' } as never })).rejects.toThrow(/- csat: /);
  });
});
