import { describe, expect, it } from 'vitest';
import { portsOf, type Json } from '../../sdk/defineNode.js';
import { NodeConfigError, runNode } from '../../testing/index.js';
import { conditionNode, conditionOperators, type ConditionConfig, type ConditionOperator } from './condition.node.js';
import { condition } from './condition.run.js';

type Value = string | number | boolean;

/** The port a single rule `x <op> value` takes for the variable value `actual` (undefined: variable not set). */
async function branch(op: ConditionOperator, actual: Json | undefined, value?: Value): Promise<string | undefined> {
  const rule = value === undefined ? { port: 'match', var: 'x', op } : { port: 'match', var: 'x', op, value };
  const run = await runNode(condition, { config: { rules: [rule] }, vars: actual === undefined ? {} : { x: actual } });
  expect(run.messages).toEqual([]);
  return run.port;
}

const matches = async (op: ConditionOperator, actual: Json | undefined, value?: Value) => (await branch(op, actual, value)) === 'match';

describe('condition: operators', () => {
  const table: [ConditionOperator, Json | undefined, Value | undefined, boolean][] = [
    // eq / neq: numbers when both sides are numbers, else case-insensitive text
    ['eq', 5, 5, true],
    ['eq', 5, '5', true],
    ['eq', '5.0', 5, true],
    ['eq', ' 42 ', '42', true],
    ['eq', 'Zürich', 'zürich', true],
    ['eq', 'ZÜRICH', 'zürich', true],
    ['eq', 'Basel', 'Bern', false],
    ['eq', true, true, true],
    ['eq', true, 'true', true],
    ['eq', false, true, false],
    ['eq', 'premium', 'Premium', true],
    ['neq', 5, 6, true],
    ['neq', 5, '5', false],
    ['neq', 'Gold', 'gold', false],
    ['neq', 'Gold', 'Silber', true],
    // gt / gte / lt / lte on numbers, including numeric text
    ['gt', 10, 9, true],
    ['gt', '10', '9', true],
    ['gt', 9, 10, false],
    ['gt', 10, 10, false],
    ['gte', 10, 10, true],
    ['gte', '10', 10, true],
    ['gte', 9.5, 10, false],
    ['lt', -1, 0, true],
    ['lt', 2, 10, true],
    ['lt', 10, 10, false],
    ['lte', 10, '10', true],
    ['lte', 11, 10, false],
    ['gt', 1000.5, '1000.25', true],
    // ordering text compares case-insensitively (as text, "10" < "9" would hold; as numbers it does not)
    ['lt', 'apple', 'Banana', true],
    ['gt', 'b', 'A', true],
    ['gte', 'abc', 'ABC', true],
    ['lte', 'Zebra', 'apfel', false],
    ['gt', 'ten', 9, true],
    // contains: substring, case-insensitive; list items compare by the same rule
    ['contains', 'Ich möchte stornieren', 'STORNO', false],
    ['contains', 'Ich möchte STORNIEREN', 'storn', true],
    ['contains', 'abc', 'd', false],
    ['contains', 12345, 234, true],
    ['contains', ['Rot', 'Grün'], 'grün', true],
    ['contains', [1, 2, 3], '2', true],
    ['contains', ['Rot'], 'Ro', false],
    ['contains', [], 'x', false],
  ];

  it.each(table)('%s: %j vs %j → %s', async (op, actual, value, expected) => {
    expect(await matches(op, actual, value)).toBe(expected);
  });

  it.each<[Json | undefined, boolean]>([
    [undefined, true],
    [null, true],
    ['', true],
    ['   ', true],
    [[], true],
    ['x', false],
    [0, false],
    [false, false],
    [['x'], false],
    [{}, false],
  ])('empty / not_empty: %j → empty %s', async (actual, empty) => {
    expect(await matches('empty', actual)).toBe(empty);
    expect(await matches('not_empty', actual)).toBe(!empty);
  });

  it('compares only plain decimal numbers numerically (no hex, binary or octal)', async () => {
    expect(await matches('eq', '0x10', 16)).toBe(false);
    expect(await matches('eq', '0b11', '3')).toBe(false);
    expect(await matches('eq', '1e3', 1000)).toBe(true);
    expect(await matches('eq', '.5', 0.5)).toBe(true);
    expect(await matches('eq', '+7', 7)).toBe(true);
  });

  it('does not read a list as a number', async () => {
    expect(await matches('eq', [5], 5)).toBe(false);
    expect(await matches('neq', [5], 5)).toBe(true);
  });

  it('treats a missing variable as empty: no ordering holds, eq and neq stay opposites', async () => {
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
      expect(await matches(op, undefined, 0)).toBe(false);
      expect(await matches(op, null, 0)).toBe(false);
    }
    expect(await matches('eq', undefined, 'x')).toBe(false);
    expect(await matches('neq', undefined, 'x')).toBe(true);
    expect(await matches('eq', undefined, '')).toBe(true);
    expect(await matches('neq', undefined, '')).toBe(false);
    expect(await matches('contains', undefined, 'x')).toBe(false);
  });

  it('keeps eq and neq opposites for every kind of value', async () => {
    for (const [actual, value] of [
      [5, 5],
      ['a', 'B'],
      [null, 'x'],
      [undefined, ''],
      [true, 'TRUE'],
      ['0x10', 16],
      [[5], 5],
      [{ a: 1 }, '{"a":1}'],
    ] as [Json | undefined, Value][]) {
      expect(await matches('neq', actual, value)).toBe(!(await matches('eq', actual, value)));
    }
  });
});

describe('condition: routing', () => {
  const tiers: ConditionConfig = {
    rules: [
      { port: 'vip', var: 'total', op: 'gte', value: 1000 },
      { port: 'regular', var: 'total', op: 'gte', value: 100 },
      { port: 'known', var: 'email', op: 'not_empty' },
    ],
  };

  it('takes the first matching rule', async () => {
    expect((await runNode(condition, { config: tiers, vars: { total: 5000, email: 'a@b.de' } })).port).toBe('vip');
    expect((await runNode(condition, { config: tiers, vars: { total: 500, email: 'a@b.de' } })).port).toBe('regular');
    expect((await runNode(condition, { config: tiers, vars: { total: 5, email: 'a@b.de' } })).port).toBe('known');
  });

  it('takes else when no rule matches', async () => {
    const run = await runNode(condition, { config: tiers, vars: { total: 5 } });
    expect(run.result).toEqual({ port: 'else' });
    expect(run.vars).toEqual({ total: 5 });
  });

  it('lets several rules share a port', async () => {
    const config = {
      rules: [
        { port: 'weekend', var: 'day', op: 'eq' as const, value: 'sa' },
        { port: 'weekend', var: 'day', op: 'eq' as const, value: 'so' },
      ],
    };
    expect((await runNode(condition, { config, vars: { day: 'SO' } })).port).toBe('weekend');
    expect((await runNode(condition, { config, vars: { day: 'mo' } })).port).toBe('else');
  });

  it('fills templates in rule values from the variables', async () => {
    const config = { rules: [{ port: 'over', var: 'amount', op: 'gt' as const, value: '{{limit}}' }] };
    expect((await runNode(condition, { config, vars: { amount: 120, limit: 100 } })).port).toBe('over');
    expect((await runNode(condition, { config, vars: { amount: 80, limit: 100 } })).port).toBe('else');
  });

  it('compares what ask stores: numbers, booleans and choice ids', async () => {
    const config = {
      rules: [
        { port: 'adult', var: 'age', op: 'gte' as const, value: 18 },
        { port: 'agreed', var: 'consent', op: 'eq' as const, value: true },
        { port: 'red', var: 'colour', op: 'eq' as const, value: 'red' },
      ],
    };
    expect((await runNode(condition, { config, vars: { age: 18 } })).port).toBe('adult');
    expect((await runNode(condition, { config, vars: { age: 17, consent: true } })).port).toBe('agreed');
    expect((await runNode(condition, { config, vars: { consent: false, colour: 'red' } })).port).toBe('red');
  });
});

describe('condition: config and ports', () => {
  it('declares one port per distinct rule port, in order, then else', () => {
    const ports = portsOf(conditionNode, {
      rules: [
        { port: 'b', var: 'x', op: 'empty' },
        { port: 'a', var: 'x', op: 'eq', value: 1 },
        { port: 'b', var: 'y', op: 'not_empty' },
      ],
    });
    expect(ports).toEqual([
      { id: 'b', label: { de: 'b', en: 'b' } },
      { id: 'a', label: { de: 'a', en: 'a' } },
      { id: 'else', label: { de: 'Sonst', en: 'Else' } },
    ]);
  });

  it('knows every operator of the contract', () => {
    expect([...conditionOperators]).toEqual(['eq', 'neq', 'gt', 'gte', 'lt', 'lte', 'contains', 'empty', 'not_empty']);
  });

  it('has no error port and never waits', async () => {
    const run = await runNode(condition, { config: { rules: [{ port: 'p', var: 'x', op: 'empty' }] } });
    expect(run.ports).toEqual(['p', 'else']);
    expect(run.errorPort).toBeNull();
    expect(conditionNode.waitsForInput).toBeFalsy();
  });

  it('reads the variables of its rules', () => {
    expect(conditionNode.variables?.({ rules: [{ port: 'p', var: 'a', op: 'empty' }, { port: 'q', var: 'b', op: 'empty' }] })).toEqual(['a', 'b']);
  });

  it.each<[string, unknown, string[]]>([
    ['no rules', { rules: [] }, ['rules']],
    ['a rule on the reserved else port', { rules: [{ port: 'else', var: 'x', op: 'empty' }] }, ['rules[0].port']],
    ['an unknown operator', { rules: [{ port: 'p', var: 'x', op: 'like', value: 'a' }] }, ['rules[0].op']],
    ['a comparison without value', { rules: [{ port: 'p', var: 'x', op: 'empty' }, { port: 'q', var: 'x', op: 'lt' }] }, ['rules[1].value']],
    ['an invalid variable name', { rules: [{ port: 'p', var: 'a-b', op: 'empty' }] }, ['rules[0].var']],
  ])('rejects %s', async (_what, config, paths) => {
    const error = await runNode(condition, { config: config as never }).catch((reason: unknown) => reason);
    expect(error).toBeInstanceOf(NodeConfigError);
    expect((error as NodeConfigError).issues.map((issue) => issue.path)).toEqual(paths);
  });

  it('allows empty and not_empty without a value', async () => {
    await expect(runNode(condition, { config: { rules: [{ port: 'p', var: 'x', op: 'not_empty' }] } })).resolves.toBeDefined();
  });
});
