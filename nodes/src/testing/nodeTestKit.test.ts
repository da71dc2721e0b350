import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineNode, withRun, type Json } from '../sdk/defineNode.js';
import { Text } from '../sdk/text.js';
import { askNode } from '../core/ask/ask.node.js';
import { message } from '../core/message/message.run.js';
import {
  coerceToVariableType,
  findNonJson,
  moduleImports,
  NodeConfigError,
  NodeRunError,
  NodeTimeoutError,
  pickFlowLocale,
  runNode,
  runNodeConversation,
  type NodeRunErrorKind,
} from './index.js';

/** Awaits a rejection and returns the NodeRunError (failing the test when something else happened). */
async function failure(promise: Promise<unknown>, kind?: NodeRunErrorKind): Promise<NodeRunError> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(NodeRunError);
  if (kind) expect((error as NodeRunError).kind).toBe(kind);
  return error as NodeRunError;
}

const echoDefinition = defineNode({
  type: 'kit/echo',
  version: 1,
  category: 'actions',
  label: { de: 'Echo', en: 'Echo' },
  description: { de: 'Test', en: 'Test' },
  config: z.object({ text: Text, port: z.string().default('done'), repeat: z.number().int().default(1) }),
  ports: [
    { id: 'done', label: { de: 'Fertig', en: 'Done' } },
    { id: 'error', label: { de: 'Fehler', en: 'Error' }, kind: 'error' },
  ],
});

const echo = withRun(echoDefinition, (ctx) => {
  for (let i = 0; i < ctx.config.repeat; i++) ctx.say(ctx.text(ctx.config.text));
  return ctx.next(ctx.config.port);
});

/** Asks until it has two answers, counting in its state; records and logs on the way. */
const collector = withRun(
  defineNode({
    type: 'kit/collector',
    version: 1,
    category: 'input',
    label: { de: 'Sammler', en: 'Collector' },
    description: { de: 'Test', en: 'Test' },
    config: z.object({ prompt: Text }),
    ports: [{ id: 'next', label: { de: 'Weiter', en: 'Next' } }],
    waitsForInput: true,
  }),
  (ctx) => {
    const got = Array.isArray((ctx.state as { got?: Json[] } | undefined)?.got) ? [...(ctx.state as { got: Json[] }).got] : [];
    if (ctx.input) got.push(ctx.input.text ?? ctx.input.choice ?? null);
    ctx.log.info('collecting', { count: got.length });
    if (got.length < 2) {
      ctx.say(ctx.text(ctx.config.prompt));
      return ctx.wait({ type: 'text' }, { got });
    }
    ctx.vars.set('collected', got);
    ctx.record('collected', { count: got.length });
    return ctx.next('next');
  },
);

/** A plugin-style node whose behaviour is chosen by the test. */
function behaving(run: Parameters<typeof withRun<typeof probeConfig>>[1], extra: { timeoutMs?: number; ports?: string[] } = {}) {
  return withRun(
    defineNode({
      type: 'kit/probe',
      version: 1,
      category: 'actions',
      label: { de: 'Sonde', en: 'Probe' },
      description: { de: 'Test', en: 'Test' },
      config: probeConfig,
      ports: (extra.ports ?? ['ok']).map((id) => ({ id, label: { de: id, en: id }, ...(id === 'failed' ? { kind: 'error' as const } : {}) })),
      timeoutMs: extra.timeoutMs,
    }),
    run,
  );
}
const probeConfig = z.object({ value: z.string().optional(), list: z.array(z.string()).optional() });

describe('runNode: config', () => {
  it('validates the config with the node schema and lists every issue readably', async () => {
    const error = await failure(runNode(echo, { config: { text: 42, repeat: 1.5 } as never }), 'invalid_config');
    expect(error).toBeInstanceOf(NodeConfigError);
    expect(error.message).toMatch(/^Invalid config for node type "kit\/echo":\n {2}- text: /);
    expect(error.message).toContain('  - repeat: ');
    expect((error as NodeConfigError).issues.map((issue) => issue.path)).toEqual(['text', 'repeat']);
  });

  it('names nested paths like choices[0].id', async () => {
    const error = (await failure(
      runNode(withRun(askNode, (ctx) => ctx.next('next')), {
        config: { text: 'q', variable: 'v', input: 'choice', choices: [{ id: 'invalid', label: 'x' }] },
      }),
    )) as NodeConfigError;
    expect(error.issues).toEqual([{ path: 'choices[0].id', message: '"invalid" is reserved' }]);
  });

  it('applies schema defaults before the node runs', async () => {
    const run = await runNode(echo, { config: { text: 'hi' } });
    expect(run.config).toEqual({ text: 'hi', port: 'done', repeat: 1 });
    expect(run.port).toBe('done');
    expect(run.ports).toEqual(['done', 'error']);
    expect(run.errorPort).toBe('error');
  });

  it('runs migrations for older config versions', async () => {
    const migrating = withRun(
      defineNode({
        ...echoDefinition,
        version: 2,
        migrations: [{ from: 1, migrate: (config) => ({ text: config.message }) }],
      }),
      (ctx) => {
        ctx.say(ctx.text(ctx.config.text));
        return ctx.next('done');
      },
    );
    const run = await runNode(migrating, { config: { message: 'old' } as never, configVersion: 1 });
    expect(run.texts).toEqual(['old']);
    const error = await failure(runNode(migrating, { config: { text: 'x' }, configVersion: 3 }), 'migration_failed');
    expect(error.message).toContain('newer_than_runtime');
  });

  it('fills {{templates}} from the variables, missing ones empty, dotted paths into objects', async () => {
    const run = await runNode(echo, {
      config: { text: 'Hi {{ name }} from {{address.city}}{{missing}}!' },
      vars: { name: 'Ada', address: { city: 'Bern' } },
    });
    expect(run.texts).toEqual(['Hi Ada from Bern!']);
    expect(run.config.text).toBe('Hi Ada from Bern!');
  });

  it('hands the node a frozen config, so mutating it (which would corrupt the compiled flow) fails', async () => {
    const mutating = behaving((ctx) => {
      (ctx.config.list as string[]).push('x');
      return ctx.next('ok');
    });
    const error = await failure(runNode(mutating, { config: { list: ['a'] } }), 'threw');
    expect(error.message).toMatch(/not extensible|read only|frozen/i);
  });

  it('says clearly when the definition has no run()', async () => {
    const error = await failure(runNode(askNode, { config: { text: 'q', variable: 'v' } }), 'no_run');
    expect(error.message).toContain('has no run()');
  });
});

describe('runNode: locales and texts', () => {
  const text = { de: 'Hallo', en: 'Hello' };

  it('resolves Text for the conversation locale', async () => {
    expect((await runNode(echo, { config: { text }, locale: 'en', flowLocales: ['de', 'en'] })).texts).toEqual(['Hello']);
    expect((await runNode(echo, { config: { text }, locale: 'de', flowLocales: ['de', 'en'] })).texts).toEqual(['Hallo']);
  });

  it("falls back to the flow's first locale, not to any other", async () => {
    const run = await runNode(echo, { config: { text: { fr: 'Salut', en: 'Hello' } }, locale: 'de', flowLocales: ['en', 'de'] });
    expect(run.texts).toEqual(['Hello']);
  });

  it('picks the locale like the engine: exact, same language, else the first locale', () => {
    expect(pickFlowLocale(['de', 'en'], 'en')).toBe('en');
    expect(pickFlowLocale(['de', 'en'], 'en-GB')).toBe('en');
    expect(pickFlowLocale(['de-CH', 'en'], 'de')).toBe('de-CH');
    expect(pickFlowLocale(['de', 'en'], 'fr')).toBe('de');
    expect(pickFlowLocale(['de', 'en'], undefined)).toBe('de');
  });

  it('defaults flowLocales to [locale], or de/en', async () => {
    const run = await runNode(echo, { config: { text }, locale: 'en' });
    expect(run.locale).toBe('en');
    expect((await runNode(echo, { config: { text } })).locale).toBe('de');
    const unsupported = await runNode(echo, { config: { text }, locale: 'fr', flowLocales: ['de', 'en'] });
    expect(unsupported.locale).toBe('de');
    expect(unsupported.texts).toEqual(['Hallo']);
  });
});

describe('runNode: results the engine refuses', () => {
  it('reports an undeclared port with the declared ones and where the engine would go', async () => {
    const error = await failure(runNode(echo, { config: { text: 'x', port: 'nope' } }), 'undeclared_port');
    expect(error.message).toBe(
      'Node type "kit/echo" returned undeclared port "nope" (declared for this config: "done", "error"); ' +
        'the engine would continue at its error port "error"',
    );
    expect(error.errorPort).toBe('error');
    expect(error.messages).toEqual([{ text: 'x' }]);
  });

  it('mentions the fallback when the node has no error port', async () => {
    const error = await failure(runNode(behaving((ctx) => ctx.next('nope')), { config: {} }), 'undeclared_port');
    expect(error.errorPort).toBeNull();
    expect(error.message).toContain("the flow's fallback");
  });

  it('rejects results that are not made by ctx', async () => {
    const error = await failure(runNode(behaving(() => ({ go: 'ok' }) as never), { config: {} }), 'bad_result');
    expect(error.message).toContain('must return ctx.next(port), ctx.wait(...), ctx.end() or ctx.handoff(...), got {"go":"ok"}');
  });

  it('reports a thrown error with its cause', async () => {
    const boom = new Error('service down');
    const error = await failure(
      runNode(
        behaving(() => {
          throw boom;
        }, { ports: ['ok', 'failed'] }),
        { config: {} },
      ),
      'threw',
    );
    expect(error.message).toBe('Node type "kit/probe" threw: service down; the engine would continue at its error port "failed"');
    expect(error.cause).toBe(boom);
  });

  it('reports a handoff whose resume port is not declared', async () => {
    const error = await failure(runNode(behaving((ctx) => ctx.handoff('help', 'later')), { config: {} }), 'undeclared_port');
    expect(error.message).toContain('undeclared resume port "later"');
    const ok = await runNode(behaving((ctx) => ctx.handoff('help', 'ok', { callbackRequested: true })), { config: {} });
    expect(ok.handoff).toEqual({ reason: 'help', resumePort: 'ok', callbackRequested: true });
  });

  it('rejects wait specs with untranslated choice labels and non-JSON state', async () => {
    const labels = behaving((ctx) => ctx.wait({ type: 'choice', choices: [{ id: 'a', label: { de: 'A' } as never }] }));
    expect((await failure(runNode(labels, { config: {} }), 'bad_result')).message).toContain('choices[0].label must be a string');
    const dated = behaving((ctx) => ctx.wait({ type: 'text' }, { asked: new Date() as never }));
    expect((await failure(runNode(dated, { config: {} }), 'not_json')).message).toContain('state.asked is a Date');
  });
});

describe('runNode: time limit and signal', () => {
  const hanging = (seen: { signal?: AbortSignal }) =>
    (ctx: { signal: AbortSignal; next(port: string): never }) =>
      new Promise<never>(() => {
        seen.signal = ctx.signal;
      });

  it('times out with the given timeoutMs and aborts ctx.signal', async () => {
    const seen: { signal?: AbortSignal } = {};
    const error = await failure(runNode(behaving(hanging(seen) as never), { config: {}, timeoutMs: 20 }), 'timeout');
    expect(error.message).toBe('Node type "kit/probe" did not finish within 20 ms (ctx.signal was aborted); the engine would use the flow\'s fallback (apology and escalation)');
    expect(seen.signal?.aborted).toBe(true);
    expect(seen.signal?.reason).toBeInstanceOf(NodeTimeoutError);
  });

  it("uses the definition's timeoutMs, then the flow setting", async () => {
    const started = Date.now();
    await failure(runNode(behaving(hanging({}) as never, { timeoutMs: 30 }), { config: {} }), 'timeout');
    await failure(runNode(behaving(hanging({}) as never), { config: {}, settings: { nodeTimeoutMs: 30 } }), 'timeout');
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('lets a node that listens to the signal stop early, and ignores what it does after the deadline', async () => {
    const late = behaving(
      (ctx) =>
        new Promise((resolve) => {
          ctx.signal.addEventListener('abort', () => {
            ctx.say('too late');
            ctx.vars.set('late', true);
            resolve(ctx.next('ok'));
          });
        }),
    );
    const error = await failure(runNode(late, { config: {}, timeoutMs: 10 }), 'timeout');
    expect(error.messages).toEqual([]);
    expect(error.vars).toEqual({});
  });

  it('passes a live, unaborted signal to nodes that finish in time', async () => {
    const run = await runNode(echo, { config: { text: 'x' } });
    expect(run.signal).toBeInstanceOf(AbortSignal);
    expect(run.signal.aborted).toBe(false);
  });
});

describe('runNode: captured effects', () => {
  it('captures messages, records, logs and variables; answer() resumes with the saved state', async () => {
    const first = await runNode(collector, { config: { prompt: 'More?' }, vars: { before: 1 } });
    expect(first.messages).toEqual([{ text: 'More?' }]);
    expect(first.waiting).toEqual({ input: { type: 'text' }, state: { got: [] } });
    expect(first.result).toEqual({ wait: { input: { type: 'text' }, state: { got: [] } } });
    expect(first.logs).toEqual([{ level: 'info', message: 'collecting', data: { count: 0 } }]);

    const second = await first.answer('a');
    expect(second.step).toBe(2);
    expect(second.answered).toEqual({ text: 'a' });
    expect(second.resumedState).toEqual({ got: [] });
    expect(second.waiting?.state).toEqual({ got: ['a'] });

    const third = await second.answer({ choice: 'b' });
    expect(third.port).toBe('next');
    expect(third.messages).toEqual([]);
    expect(third.vars).toEqual({ before: 1, collected: ['a', 'b'] });
    expect(third.records).toEqual([{ type: 'collected', data: { count: 2 } }]);
    expect(third.steps.map((step) => step.step)).toEqual([1, 2, 3]);
    expect(third.transcript).toEqual([
      { from: 'bot', text: 'More?' },
      { from: 'user', text: 'a' },
      { from: 'bot', text: 'More?' },
      { from: 'user', choice: 'b' },
    ]);
  });

  it('branches: answering the same step twice gives independent conversations', async () => {
    const first = await runNode(collector, { config: { prompt: 'More?' } });
    const viaA = await (await first.answer('a')).answer('x');
    const viaB = await (await first.answer('b')).answer('y');
    expect(viaA.vars.collected).toEqual(['a', 'x']);
    expect(viaB.vars.collected).toEqual(['b', 'y']);
    expect(first.vars).toEqual({});
  });

  it('refuses to answer a node that did not wait', async () => {
    const run = await runNode(echo, { config: { text: 'x' } });
    const error = await failure(run.answer('hello'), 'not_waiting');
    expect(error.message).toBe('Cannot answer {"text":"hello"}: node type "kit/echo" did not wait (it took port "done")');
  });

  it('checks answers like the chat API: exactly one of text and choice', async () => {
    const run = await runNode(collector, { config: { prompt: 'p' } });
    await failure(run.answer({ text: 'a', choice: 'b' }), 'invalid_options');
    await failure(run.answer({}), 'invalid_options');
    await failure(run.answer({ choice: '' }), 'invalid_options');
  });

  it('round-trips state through JSON between turns, as the engine persists it', async () => {
    const seen: Json[] = [];
    const node = behaving((ctx) => {
      if (ctx.input) {
        seen.push(ctx.state ?? null);
        return ctx.next('ok');
      }
      return ctx.wait({ type: 'text' }, { skip: undefined as never, n: 1 });
    });
    await (await runNode(node, { config: {} })).answer('x');
    expect(seen).toEqual([{ n: 1 }]);
    expect(Object.keys(seen[0] as object)).toEqual(['n']);
  });

  it('reports variables that are not JSON, even when the node swallows the error', async () => {
    const node = behaving((ctx) => {
      try {
        ctx.vars.set('when', new Date() as never);
      } catch {
        // a careless node
      }
      return ctx.next('ok');
    });
    const error = await failure(runNode(node, { config: {} }), 'not_json');
    expect(error.message).toContain('ctx.vars.set("when", …) in node type "kit/probe": the value is a Date');
  });

  it('rejects ctx.say with a Text object instead of a string', async () => {
    const node = behaving((ctx) => {
      ctx.say({ de: 'Hallo' } as never);
      return ctx.next('ok');
    });
    expect((await failure(runNode(node, { config: {} }), 'invalid_call')).message).toContain('needs a string text');
  });

  it('gives the node its services, clock and flow/conversation facts', async () => {
    const calendar = {
      freeSlots: async () => [{ start: '2026-05-04T09:00:00Z', end: '2026-05-04T09:30:00Z' }],
      book: async () => ({ ok: false as const, reason: 'slot_taken' as const }),
      cancel: async () => false,
      get: async () => undefined,
    };
    const node = behaving(async (ctx) => {
      const slots = await ctx.services.calendar!.freeSlots({ calendar: 'c', from: 'a', to: 'b', durationMinutes: 30, openingHours: { timezone: 'UTC', weekly: {} } });
      ctx.vars.set('slot', slots[0]!.start);
      ctx.vars.set('now', ctx.now().toISOString());
      ctx.vars.set('facts', [ctx.node.id, ctx.node.type, ctx.flow.id, ctx.conversation.id, ctx.conversation.startedAt, ctx.locale]);
      return ctx.next('ok');
    });
    const now = new Date('2026-05-01T08:00:00Z');
    const run = await runNode(node, { config: {}, services: { calendar }, now, nodeId: 'n7', flow: { id: 'shop' }, locale: 'en' });
    expect(run.vars).toEqual({
      slot: '2026-05-04T09:00:00Z',
      now: '2026-05-01T08:00:00.000Z',
      facts: ['n7', 'kit/probe', 'shop', 'test-conversation', '2026-05-01T08:00:00.000Z', 'en'],
    });
  });

  it('lets time pass between answers', async () => {
    const node = behaving((ctx) => (ctx.input ? (ctx.vars.set('at', ctx.now().toISOString()), ctx.next('ok')) : ctx.wait({ type: 'text' })));
    const first = await runNode(node, { config: {}, now: new Date('2026-01-01T00:00:00Z') });
    const later = await first.answer('x', { now: () => new Date('2026-01-02T00:00:00Z') });
    expect(later.vars.at).toBe('2026-01-02T00:00:00.000Z');
  });

  it('keeps what a sensitive node writes as secrets', async () => {
    const node = behaving((ctx) => {
      ctx.vars.set('iban', 'CH93 0076 2011 6238 5295 7');
      return ctx.next('ok');
    });
    const run = await runNode(node, { config: {}, sensitive: true, vars: { name: 'Ada' } });
    expect(run.secrets).toEqual({ iban: 'CH93 0076 2011 6238 5295 7' });
    expect(run.vars).toEqual({ name: 'Ada', iban: 'CH93 0076 2011 6238 5295 7' });
  });

  it('converts writes to declared variable types like the engine', async () => {
    const node = behaving((ctx) => {
      ctx.vars.set('count', '3');
      ctx.vars.set('agreed', 'ja');
      ctx.vars.set('zip', 8001);
      return ctx.next('ok');
    });
    const run = await runNode(node, { config: {}, variableTypes: { count: 'number', agreed: 'boolean', zip: 'string' } });
    expect(run.vars).toEqual({ count: 3, agreed: true, zip: '8001' });
    expect(coerceToVariableType('number', 'drei')).toBe('drei');
  });

  it('offers a pending input and tells whether the node consumed it', async () => {
    const consuming = behaving((ctx) => {
      ctx.vars.set('pending', ctx.pendingInput?.text ?? null);
      ctx.consumePendingInput();
      return ctx.next('ok');
    });
    const run = await runNode(consuming, { config: {}, pendingInput: 'Öffnungszeiten?' });
    expect(run.vars.pending).toBe('Öffnungszeiten?');
    expect(run.pendingInputConsumed).toBe(true);
    const silent = await runNode(behaving((ctx) => ctx.next('ok')), { config: {}, pendingInput: 'x' });
    expect(silent.pendingInputConsumed).toBe(false);
    const talking = await runNode(echo, { config: { text: 'hi' }, pendingInput: 'x' });
    expect(talking.pendingInputConsumed).toBe(true);
  });

  it('can start a node resumed with a given state', async () => {
    const run = await runNode(collector, { config: { prompt: 'p' }, resume: { input: 'second', state: { got: ['first'] } } });
    expect(run.port).toBe('next');
    expect(run.vars.collected).toEqual(['first', 'second']);
  });

  it('works with core nodes out of the box', async () => {
    const run = await runNode(message, { config: { text: 'Willkommen' } });
    expect(run.messages).toEqual([{ text: 'Willkommen' }]);
  });
});

describe('runNodeConversation', () => {
  it('feeds answers until the node leaves', async () => {
    const talk = await runNodeConversation(collector, { prompt: 'More?' }, ['a', 'b']);
    expect(talk.port).toBe('next');
    expect(talk.steps).toHaveLength(3);
    expect(talk.texts).toEqual(['More?', 'More?']);
    expect(talk.records).toEqual([{ type: 'collected', data: { count: 2 } }]);
    expect(talk.logs).toHaveLength(3);
    expect(talk.vars.collected).toEqual(['a', 'b']);
  });

  it('returns a node that still waits when the answers run out', async () => {
    const talk = await runNodeConversation(collector, { prompt: 'More?' }, ['a']);
    expect(talk.waiting?.state).toEqual({ got: ['a'] });
    expect(talk.port).toBeUndefined();
  });

  it('reports answers left over after the node left', async () => {
    const error = await failure(runNodeConversation(collector, { prompt: 'p' }, ['a', 'b', 'c', 'd']), 'unused_inputs');
    expect(error.message).toBe('Node type "kit/collector" took port "next" after 2 of 4 answers; unused: ["c","d"]');
  });

  it('passes options such as locale and vars', async () => {
    const talk = await runNodeConversation(echo, { text: { de: 'Hallo {{n}}', en: 'Hello {{n}}' } }, [], { locale: 'en', vars: { n: 'Ada' } });
    expect(talk.texts).toEqual(['Hello Ada']);
  });
});

describe('helpers', () => {
  it('findNonJson names the first value JSON would change', () => {
    expect(findNonJson({ a: [1, 'x', null, { b: true }] })).toBeUndefined();
    expect(findNonJson({ a: [1, new Map()] })).toBe('a[1] is a Map (store plain JSON, e.g. an ISO string instead of a Date)');
    expect(findNonJson({ n: Number.NaN })).toBe('n is NaN (JSON has no such number)');
    expect(findNonJson([undefined])).toBe('[0] is undefined');
    expect(findNonJson({ f: () => 1 })).toBe('f is a function');
  });

  it('moduleImports reads every kind of import and skips comments', () => {
    const source = [
      "import { z } from 'zod';",
      "import type { A } from './a.js';",
      'import {',
      '  b,',
      "} from '../b.js';",
      "import 'side-effect';",
      "export * from './c.js';",
      "export { d } from \"./d.js\";",
      "// import fs from 'node:fs';",
      "/* import os from 'node:os'; */",
      "const lazy = await import('node:path');",
      "const url = 'https://example.com'; // not an import",
    ].join('\n');
    expect(moduleImports(source).map((found) => [found.specifier, found.line, found.typeOnly])).toEqual([
      ['zod', 1, false],
      ['./a.js', 2, true],
      ['../b.js', 3, false],
      ['side-effect', 6, false],
      ['./c.js', 7, false],
      ['./d.js', 8, false],
      ['node:path', 11, false],
    ]);
  });
});
