/**
 * Test-only node types for engine tests: nodes that fail in every way a plugin node can (throw, hang, reject late,
 * return an undeclared port, keep running after their deadline), plus gates that let a test hold a turn open without
 * relying on timing. Never registered by the real runtime.
 */
import { z } from 'zod';
import { coreNodes, defineNode, NodeRegistry, type NodeDefinition, type PortSpec } from '@dialogwerk/nodes';

export class Deferred<T = void> {
  resolve!: (value: T) => void;
  reject!: (error: unknown) => void;
  readonly promise = new Promise<T>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });
}

/** A barrier a node waits at until the test opens it; counts how many runs reached it. */
export class Gate {
  entered = 0;
  readonly #open = new Deferred();
  /** Resolves whenever a run reaches the gate (the latest arrival). */
  arrived = new Deferred<number>();
  /** Resolved by nodes that do something after passing the gate, once they have done it. */
  readonly done = new Deferred();

  reach(): Promise<void> {
    this.entered++;
    const arrived = this.arrived;
    this.arrived = new Deferred<number>();
    arrived.resolve(this.entered);
    return this.#open.promise;
  }

  open(): void {
    this.#open.resolve();
  }
}

const gates = new Map<string, Gate>();

export function gate(name: string): Gate {
  let found = gates.get(name);
  if (!found) {
    found = new Gate();
    gates.set(name, found);
  }
  return found;
}

/** Signals from nodes that keep running after the engine gave up on them. */
export const lateSignals = {
  rejected: new Deferred(),
};

const label = (text: string) => ({ de: text, en: text });
const withError: PortSpec[] = [
  { id: 'next', label: label('Next') },
  { id: 'error', label: label('Error'), kind: 'error' },
];
const common = { version: 1, category: 'actions' as const, label: label('Test'), description: label('Test node') };

export const throwingNode = defineNode({
  ...common,
  type: 'test/throws',
  config: z.object({ kind: z.enum(['error', 'string', 'undefined']).default('error'), message: z.string().optional() }),
  ports: withError,
  run: (ctx) => {
    if (ctx.config.kind === 'string') throw 'a plain string was thrown';
    if (ctx.config.kind === 'undefined') return Promise.reject(undefined);
    throw new Error(ctx.config.message ?? 'kaputt');
  },
});

export const hangingNode = defineNode({
  ...common,
  type: 'test/hangs',
  timeoutMs: 50,
  config: z.object({}),
  ports: withError,
  run: () => new Promise(() => {}),
});

export const lateRejectingNode = defineNode({
  ...common,
  type: 'test/rejects_late',
  timeoutMs: 50,
  config: z.object({}),
  ports: withError,
  run: () =>
    new Promise((_, reject) => {
      setTimeout(() => {
        reject(new Error('rejected after the deadline'));
        setImmediate(() => lateSignals.rejected.resolve());
      }, 150);
    }),
});

/** Waits past its deadline at a gate, then tries to change the conversation it no longer belongs to. */
export const zombieNode = defineNode({
  ...common,
  type: 'test/zombie',
  timeoutMs: 50,
  config: z.object({ gate: z.string(), variable: z.string() }),
  ports: withError,
  variables: (config) => [config.variable],
  run: async (ctx) => {
    await gate(ctx.config.gate).reach();
    ctx.vars.set(ctx.config.variable, 'zombie');
    ctx.say('zombie says hi');
    ctx.record('zombie_event');
    gate(ctx.config.gate).done.resolve();
    return ctx.next('next');
  },
});

export const badPortNode = defineNode({
  ...common,
  type: 'test/bad_port',
  config: z.object({}),
  ports: withError,
  run: (ctx) => ctx.next('nowhere'),
});

/** A node that never waits: a self-loop of it spins until the loop guard stops the turn. */
export const noopNode = defineNode({
  ...common,
  type: 'test/noop',
  config: z.object({}),
  ports: [{ id: 'next', label: label('Next') }],
  run: (ctx) => ctx.next('next'),
});

/** Holds the turn at a gate until the test opens it. */
export const gateNode = defineNode({
  ...common,
  type: 'test/gate',
  timeoutMs: 20_000,
  config: z.object({ gate: z.string() }),
  ports: [{ id: 'next', label: label('Next') }],
  run: async (ctx) => {
    await gate(ctx.config.gate).reach();
    return ctx.next('next');
  },
});

/** Logs a variable's value in the message and in the structured data. */
export const logNode = defineNode({
  ...common,
  type: 'test/log',
  config: z.object({ variable: z.string() }),
  ports: [{ id: 'next', label: label('Next') }],
  variables: (config) => [config.variable],
  run: (ctx) => {
    const value = ctx.vars.get(ctx.config.variable);
    ctx.log.info(`value of ${ctx.config.variable} is ${String(value)}`, { value });
    return ctx.next('next');
  },
});

export const testNodes: NodeDefinition[] = [
  throwingNode, hangingNode, lateRejectingNode, zombieNode, badPortNode, noopNode, gateNode, logNode,
] as NodeDefinition[];

/** Core nodes plus the test nodes above, as a runtime would build its registry. */
export function testRegistry(): NodeRegistry {
  const registry = new NodeRegistry(coreNodes, 'core');
  for (const node of testNodes) registry.register(node, 'test');
  return registry;
}
