import { describe, expect, it } from 'vitest';
import { NodeTimeoutError, runWithTimeout } from './runWithTimeout.js';

describe('runWithTimeout', () => {
  it('returns synchronous results, and no timer fires for them afterwards', async () => {
    const result = await runWithTimeout(() => 42, 5);
    expect(result).toBe(42);
    await new Promise((resolve) => setTimeout(resolve, 20));
  });

  it('propagates a synchronous throw', async () => {
    await expect(runWithTimeout(() => {
      throw new Error('sync boom');
    }, 1000)).rejects.toThrow('sync boom');
  });

  it('applies the deadline to promise-like results that are not native promises', async () => {
    const neverSettles = { then: () => undefined };
    await expect(runWithTimeout(() => neverSettles as unknown as Promise<number>, 20)).rejects.toBeInstanceOf(NodeTimeoutError);
  });

  it('times out even when the node resolves from its abort listener', async () => {
    const outcome = runWithTimeout(
      (signal) =>
        new Promise<string>((resolve) => {
          signal().addEventListener('abort', () => resolve('answered while aborting'));
        }),
      20,
    );
    await expect(outcome).rejects.toBeInstanceOf(NodeTimeoutError);
  });

  it('passes through a rejection before the deadline', async () => {
    await expect(runWithTimeout(() => Promise.reject(new Error('boom')), 1000)).rejects.toThrow('boom');
  });
});
