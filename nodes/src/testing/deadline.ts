/** Raised through `ctx.signal` and by the kit when a node's `run` exceeds its time limit. */
export class NodeTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`node did not finish within ${timeoutMs} ms`);
    this.name = 'NodeTimeoutError';
  }
}

/**
 * Runs a node's behaviour with a deadline, like the engine: the signal is aborted with a NodeTimeoutError when the
 * time is up, a synchronous result is returned at once, and a late outcome is ignored.
 */
export function runWithDeadline<T>(
  run: (signal: AbortSignal) => T | Promise<T>,
  timeoutMs: number,
  onTimeout: () => void,
): Promise<T> {
  const controller = new AbortController();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      onTimeout();
      const error = new NodeTimeoutError(timeoutMs);
      // Reject before aborting: a node settling synchronously in its abort listener must not win the race.
      reject(error);
      controller.abort(error);
    }, timeoutMs);
  });
  let result: T | Promise<T>;
  try {
    result = run(controller.signal);
  } catch (error) {
    clearTimeout(timer);
    return Promise.reject(error);
  }
  if (!(result instanceof Promise)) {
    clearTimeout(timer);
    return Promise.resolve(result);
  }
  result.catch(() => {});
  return Promise.race([result, deadline]).finally(() => clearTimeout(timer));
}
