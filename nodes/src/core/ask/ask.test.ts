import { describe, expect, it } from 'vitest';
import { portsOf, waitsForInput } from '../../sdk/defineNode.js';
import { customerText, type CustomerTextKey } from '../../i18n/customerTexts.js';
import { NodeConfigError, runNode, runNodeConversation, type AnswerInput } from '../../testing/index.js';
import { askInputTypes, askNode, type AskConfig } from './ask.node.js';
import { ask } from './ask.run.js';

/** Tuesday, 10 March 2026, 11:00 in Berlin. */
const now = new Date('2026-03-10T10:00:00Z');
const de = { locale: 'de', flowLocales: ['de', 'en'], now };
const en = { locale: 'en', flowLocales: ['de', 'en'], now };

type AskInput = AskConfig['input'];
const question = (input: AskInput, extra: Partial<AskConfig> = {}) => ({ text: 'Frage?', variable: 'answer', input, ...extra });

const colours = [
  { id: 'red', label: { de: 'Rot', en: 'Red' } },
  { id: 'green', label: { de: 'Grün', en: 'Green' } },
  { id: 'blue', label: 'Blau' },
];

describe('ask: asking', () => {
  it('says the question and waits with attempts 0', async () => {
    const run = await runNode(ask, { config: { text: 'Wie heissen Sie?', variable: 'name' }, ...de });
    expect(run.messages).toEqual([{ text: 'Wie heissen Sie?' }]);
    expect(run.result).toEqual({ wait: { input: { type: 'text' }, state: { attempts: 0 } } });
    expect(run.vars).toEqual({});
  });

  it('defaults the input type to text', async () => {
    const run = await runNode(ask, { config: { text: 'q', variable: 'v' } });
    expect(run.config.input).toBe('text');
  });

  it.each(['email', 'phone', 'number', 'date'] as const)('waits for %s input without buttons', async (input) => {
    const run = await runNode(ask, { config: question(input), ...de });
    expect(run.waiting?.input).toEqual({ type: input });
    expect(run.messages[0]!.choices).toBeUndefined();
  });

  it('asks in the conversation locale and fills templates', async () => {
    const config = { text: { de: 'Danke {{name}}! Ihre E-Mail?', en: 'Thanks {{name}}! Your email?' }, variable: 'email', input: 'email' as const };
    expect((await runNode(ask, { config, vars: { name: 'Ada' }, ...de })).texts).toEqual(['Danke Ada! Ihre E-Mail?']);
    expect((await runNode(ask, { config, vars: { name: 'Ada' }, ...en })).texts).toEqual(['Thanks Ada! Your email?']);
  });

  it('shows choices as buttons with labels in the conversation locale', async () => {
    const run = await runNode(ask, { config: question('choice', { choices: colours }), ...en });
    const choices = [
      { id: 'red', label: 'Red' },
      { id: 'green', label: 'Green' },
      { id: 'blue', label: 'Blau' },
    ];
    expect(run.messages).toEqual([{ text: 'Frage?', choices }]);
    expect(run.waiting?.input).toEqual({ type: 'choice', choices });
  });

  it('shows yes/no buttons in the conversation locale', async () => {
    const deRun = await runNode(ask, { config: question('yesno'), ...de });
    expect(deRun.messages[0]!.choices).toEqual([
      { id: 'yes', label: 'Ja' },
      { id: 'no', label: 'Nein' },
    ]);
    expect(deRun.waiting?.input).toEqual({ type: 'yesno', choices: deRun.messages[0]!.choices });
    const enRun = await runNode(ask, { config: question('yesno'), ...en });
    expect(enRun.messages[0]!.choices).toEqual([
      { id: 'yes', label: 'Yes' },
      { id: 'no', label: 'No' },
    ]);
  });
});

describe('ask: valid answers set the variable with the parsed type', () => {
  const cases: [AskInput, AnswerInput, unknown, string?][] = [
    ['text', 'Ada Lovelace', 'Ada Lovelace'],
    ['text', '  zwei\nZeilen  ', '  zwei\nZeilen  '],
    ['email', 'Max.Muster@Firma.DE.', 'Max.Muster@firma.de'],
    ['email', 'mailto:info@müller.de', 'info@müller.de'],
    ['phone', '030 1234567', '+49301234567'],
    ['phone', '+41 44 123 45 67', '+41441234567'],
    ['number', '3', 3],
    ['number', 'ca. 1.000,50 Franken', 1000.5],
    ['number', 'zwölf', 12],
    ['date', 'morgen', '2026-03-11'],
    ['date', '12.3.', '2026-03-12'],
    ['date', '1.2.', '2027-02-01'],
    ['yesno', 'ja, gerne', true, 'yes'],
    ['yesno', 'Nein danke', false, 'no'],
    ['yesno', { choice: 'yes' }, true, 'yes'],
    ['yesno', { choice: 'no' }, false, 'no'],
  ];

  it.each(cases)('%s: %j → %j', async (input, answer, value, port = 'next') => {
    const talk = await runNodeConversation(ask, question(input), [answer], de);
    expect(talk.port).toBe(port);
    expect(talk.vars).toEqual({ answer: value });
    expect(typeof talk.vars.answer).toBe(typeof value);
    expect(talk.last.messages).toEqual([]);
  });

  it('reads English answers in an English conversation', async () => {
    expect((await runNodeConversation(ask, question('number'), ['1,000.50'], en)).vars.answer).toBe(1000.5);
    expect((await runNodeConversation(ask, question('date'), ['tomorrow'], en)).vars.answer).toBe('2026-03-11');
    expect((await runNodeConversation(ask, question('yesno'), ['yes please'], en)).port).toBe('yes');
  });

  it("reads dates in the time zone of the flow's office hours", async () => {
    const lateEvening = new Date('2026-03-10T23:30:00Z');
    const zurich = await runNodeConversation(ask, question('date'), ['heute'], {
      ...de,
      now: lateEvening,
      settings: { officeHours: { timezone: 'Europe/Zurich', weekly: {} } },
    });
    expect(zurich.vars.answer).toBe('2026-03-11');
    const newYork = await runNodeConversation(ask, question('date'), ['heute'], {
      ...de,
      now: lateEvening,
      settings: { officeHours: { timezone: 'America/New_York', weekly: {} } },
    });
    expect(newYork.vars.answer).toBe('2026-03-10');
  });

  it('overwrites an earlier value of the variable', async () => {
    const talk = await runNodeConversation(ask, question('number'), ['7'], { ...de, vars: { answer: 1, other: 'x' } });
    expect(talk.vars).toEqual({ answer: 7, other: 'x' });
  });

  it('keeps the answer of a sensitive question as a secret', async () => {
    const talk = await runNodeConversation(ask, question('text'), ['geheim'], { ...de, sensitive: true });
    expect(talk.secrets).toEqual({ answer: 'geheim' });
  });
});

describe('ask: choices', () => {
  const config = question('choice', { choices: colours });
  const answers: [string, AnswerInput, string][] = [
    ['button (choice id)', { choice: 'green' }, 'green'],
    ['typed id', { text: 'blue' }, 'blue'],
    ['label in the conversation locale', 'Rot', 'red'],
    ['label in another locale', 'Green', 'green'],
    ['label ignoring case and umlaut spelling', 'gruen', 'green'],
    ['single-locale label', 'blau', 'blue'],
    ['position number', '2', 'green'],
    ['position with punctuation', '3.', 'blue'],
  ];

  it.each(answers)('by %s', async (_how, answer, id) => {
    const talk = await runNodeConversation(ask, config, [answer], de);
    expect(talk.port).toBe(id);
    expect(talk.vars).toEqual({ answer: id });
  });

  it.each<[string, AnswerInput]>([
    ['an unknown label', 'Gelb'],
    ['an unknown button id', { choice: 'yellow' }],
    ['a label sent as button id', { choice: 'Rot' }],
    ['a position out of range', '4'],
    ['nothing', '   '],
  ])('rejects %s and asks again with the buttons', async (_what, answer) => {
    const talk = await runNodeConversation(ask, config, [answer], de);
    expect(talk.waiting?.state).toEqual({ attempts: 1 });
    expect(talk.last.messages).toEqual([
      {
        text: 'Bitte wählen Sie eine der Möglichkeiten.',
        choices: [
          { id: 'red', label: 'Rot' },
          { id: 'green', label: 'Grün' },
          { id: 'blue', label: 'Blau' },
        ],
      },
    ]);
    expect(talk.last.waiting?.input.choices).toEqual(talk.last.messages[0]!.choices);
    expect(talk.vars).toEqual({});
  });

  it('lets a label "3" win over the third position', async () => {
    const numbered = question('choice', { choices: [{ id: 'a', label: '3' }, { id: 'b', label: 'B' }, { id: 'c', label: 'C' }] });
    expect((await runNodeConversation(ask, numbered, ['3'], de)).port).toBe('a');
  });

  it('shows yes/no buttons again on retry and accepts ja/nein ids', async () => {
    const talk = await runNodeConversation(ask, question('yesno'), ['vielleicht'], en);
    expect(talk.last.messages).toEqual([
      {
        text: 'Please answer yes or no.',
        choices: [
          { id: 'yes', label: 'Yes' },
          { id: 'no', label: 'No' },
        ],
      },
    ]);
    expect((await talk.last.answer({ choice: 'ja' })).port).toBe('yes');
    expect((await talk.last.answer({ choice: 'nein' })).port).toBe('no');
  });
});

describe('ask: invalid answers and retries', () => {
  // File questions have their own retry texts (askFile.test.ts).
  const invalid: Record<Exclude<AskInput, 'file'>, AnswerInput> = {
    text: '   ',
    email: 'max@',
    phone: '12',
    number: 'zwischen 3 und 5',
    date: 'irgendwann',
    choice: 'Gelb',
    yesno: 'vielleicht',
  };
  const configFor = (input: Exclude<AskInput, 'file'>) => question(input, input === 'choice' ? { choices: colours } : {});

  it.each(askInputTypes.filter((input) => input !== 'file').flatMap((input) => (['de', 'en'] as const).map((locale) => [input, locale] as const)))(
    '%s in %s: the default retry text says what is expected',
    async (input, locale) => {
      const talk = await runNodeConversation(ask, configFor(input), [invalid[input]], { ...(locale === 'de' ? de : en) });
      expect(talk.last.texts).toEqual([customerText(`retry_${input}` as CustomerTextKey, locale)]);
      expect(talk.waiting).toEqual({ input: talk.steps[0]!.waiting!.input, state: { attempts: 1 } });
      expect(talk.vars).toEqual({});
    },
  );

  it('uses the documented default texts', async () => {
    expect((await runNodeConversation(ask, question('email'), ['nope'], de)).last.texts).toEqual([
      'Das sieht nicht nach einer E-Mail-Adresse aus. Bitte geben Sie sie so an: name@beispiel.de',
    ]);
    expect((await runNodeConversation(ask, question('number'), ['nope'], en)).last.texts).toEqual([
      'Please enter a number, e.g. 3 or 1,000.50.',
    ]);
  });

  it('uses retryText instead of the default, per locale and with templates', async () => {
    const config = question('number', { retryText: { de: 'Nur Ziffern, {{name}}.', en: 'Digits only, {{name}}.' } });
    expect((await runNodeConversation(ask, config, ['viele'], { ...de, vars: { name: 'Ada' } })).last.texts).toEqual(['Nur Ziffern, Ada.']);
    expect((await runNodeConversation(ask, config, ['many'], { ...en, vars: { name: 'Ada' } })).last.texts).toEqual(['Digits only, Ada.']);
  });

  it('re-asks twice by default, then takes invalid on the third invalid answer', async () => {
    const talk = await runNodeConversation(ask, question('email', { retryText: 'Nochmal bitte.' }), ['a', 'b', 'c'], de);
    expect(talk.texts).toEqual(['Frage?', 'Nochmal bitte.', 'Nochmal bitte.']);
    expect(talk.steps.map((step) => step.waiting?.state ?? step.port)).toEqual([{ attempts: 0 }, { attempts: 1 }, { attempts: 2 }, 'invalid']);
    expect(talk.result).toEqual({ port: 'invalid' });
    expect(talk.last.messages).toEqual([]);
    expect(talk.vars).toEqual({});
  });

  it('accepts a valid answer after retries', async () => {
    const talk = await runNodeConversation(ask, question('number'), ['x', 'y', '42'], de);
    expect(talk.port).toBe('next');
    expect(talk.vars).toEqual({ answer: 42 });
  });

  it.each([
    [0, 1],
    [1, 2],
    [3, 4],
  ])('maxRetries %i takes invalid on invalid answer number %i', async (maxRetries, takesInvalidAt) => {
    const answers = Array.from({ length: takesInvalidAt }, () => 'kein Datum');
    const talk = await runNodeConversation(ask, question('date', { maxRetries }), answers, de);
    expect(talk.port).toBe('invalid');
    expect(talk.texts).toHaveLength(1 + maxRetries);
    const oneShort = await runNodeConversation(ask, question('date', { maxRetries }), answers.slice(1), de);
    expect(oneShort.waiting?.state).toEqual({ attempts: takesInvalidAt - 1 });
  });

  it('takes invalid for a choice question too, keeping the buttons on every retry', async () => {
    const talk = await runNodeConversation(ask, question('choice', { choices: colours }), ['x', 'y', 'z'], en);
    expect(talk.port).toBe('invalid');
    expect(talk.messages.map((message) => message.choices?.map((choice) => choice.label))).toEqual([
      ['Red', 'Green', 'Blau'],
      ['Red', 'Green', 'Blau'],
      ['Red', 'Green', 'Blau'],
    ]);
  });

  it('continues from the attempts in a saved state', async () => {
    const run = await runNode(ask, { config: question('number'), ...de, resume: { input: 'x', state: { attempts: 2 } } });
    expect(run.port).toBe('invalid');
  });
});

describe('ask: config and ports', () => {
  it('declares next and invalid for simple inputs', () => {
    for (const input of ['text', 'email', 'phone', 'number', 'date'] as const) {
      expect(portsOf(askNode, question(input)).map((port) => port.id)).toEqual(['next', 'invalid']);
    }
  });

  it('declares one port per choice plus invalid, labelled per product language', () => {
    const ports = portsOf(askNode, question('choice', { choices: colours }));
    expect(ports).toEqual([
      { id: 'red', label: { de: 'Rot', en: 'Red' } },
      { id: 'green', label: { de: 'Grün', en: 'Green' } },
      { id: 'blue', label: { de: 'Blau', en: 'Blau' } },
      { id: 'invalid', label: { de: 'Ungültig', en: 'Invalid' }, kind: 'error' },
    ]);
  });

  it('declares yes, no and invalid for yes/no questions', () => {
    expect(portsOf(askNode, question('yesno')).map((port) => port.id)).toEqual(['yes', 'no', 'invalid']);
  });

  it('marks invalid as the error port, and the kit knows it', async () => {
    const run = await runNode(ask, { config: question('yesno') });
    expect(run.ports).toEqual(['yes', 'no', 'invalid']);
    expect(run.errorPort).toBe('invalid');
  });

  it('waits for input and writes its variable', () => {
    expect(waitsForInput(askNode, question('text'))).toBe(true);
    expect(askNode.variables?.(question('text') as AskConfig)).toEqual(['answer']);
  });

  it.each<[string, unknown, string[]]>([
    ['choice without choices', question('choice'), ['choices']],
    ['empty choices', question('choice', { choices: [] }), ['choices']],
    ['duplicate choice ids', question('choice', { choices: [{ id: 'a', label: 'A' }, { id: 'a', label: 'B' }] }), ['choices[1].id']],
    ['reserved choice id', question('choice', { choices: [{ id: 'invalid', label: 'A' }] }), ['choices[0].id']],
    ['unknown input type', question('color' as never), ['input']],
    ['bad variable name', { ...question('text'), variable: 'my var' }, ['variable']],
    ['too many retries', question('text', { maxRetries: 11 }), ['maxRetries']],
    ['negative retries', question('text', { maxRetries: -1 }), ['maxRetries']],
    ['no question text', { variable: 'v' }, ['text']],
  ])('rejects %s', async (_what, config, paths) => {
    const error = await runNode(ask, { config: config as never }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(NodeConfigError);
    expect((error as NodeConfigError).issues.map((issue) => issue.path)).toEqual(paths);
  });
});

describe('ask: the flow country decides how national phone numbers are read', () => {
  it('reads a Swiss national number as Swiss when the flow sets country CH', async () => {
    const first = await runNode(ask, { config: { text: 'Telefon?', variable: 'phone', input: 'phone' }, locale: 'de', settings: { country: 'CH' } });
    const answered = await first.answer('044 123 45 67');
    expect(answered.port).toBe('next');
    expect(answered.vars.phone).toBe('+41441234567');
  });

  it('keeps an explicit region of the locale over the flow country', async () => {
    const first = await runNode(ask, { config: { text: 'Telefon?', variable: 'phone', input: 'phone' }, locale: 'de-AT', settings: { country: 'CH' } });
    expect((await first.answer('0664 1234567')).vars.phone).toBe('+436641234567');
  });
});
