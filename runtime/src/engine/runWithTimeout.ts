export class NodeTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`node did not finish within ${timeoutMs} ms`);
  }
}

/**
 * Runs a node's behaviour with a deadline. A node that never settles (or rejects after the deadline) cannot block
 * the conversation: the engine moves on and the late outcome is ignored. The AbortSignal and the timer are created
 * only when needed: most nodes answer synchronously, and a timer cannot interrupt synchronous code anyway.
 */
export function runWithTimeout<T>(run: (signal: () => AbortSignal) => T | Promise<T>, timeoutMs: number): Promise<T> {
  let controller: AbortController | undefined;
  const signal = () => (controller ??= new AbortController()).signal;
  let result: T | Promise<T>;
  try {
    result = run(signal);
  } catch (error) {
    return Promise.reject(error);
  }
  // Any thenable counts: a plugin may return a promise from another realm or library.
  if (!isThenable(result)) return Promise.resolve(result);
  const pending = Promise.resolve(result);
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new NodeTimeoutError(timeoutMs);
      // Give up first, then abort: a node answering from its abort listener must not win the race.
      reject(error);
      controller?.abort(error);
    }, timeoutMs);
  });
  pending.catch(() => {});
  return Promise.race([pending, deadline]).finally(() => clearTimeout(timer));
}

function isThenable<T>(value: T | PromiseLike<T>): value is PromiseLike<T> {
  return typeof value === 'object' && value !== null && typeof (value as PromiseLike<T>).then === 'function';
}
