export class NodeTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`node did not finish within ${timeoutMs} ms`);
  }
}

/**
 * Runs a node's behaviour with a deadline. A node that never settles (or rejects after the deadline) cannot block
 * the conversation: the engine moves on and the late outcome is ignored.
 */
export function runWithTimeout<T>(run: (signal: AbortSignal) => T | Promise<T>, timeoutMs: number): Promise<T> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      controller.abort(new NodeTimeoutError(timeoutMs));
      reject(new NodeTimeoutError(timeoutMs));
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
