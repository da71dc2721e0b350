import type { FlowProblem } from './types.js';

/** Codes the client itself assigns when the server gave no contract error body. */
export const NETWORK_ERROR = 'NETWORK_ERROR';
export const HTTP_ERROR = 'HTTP_ERROR';

/**
 * A failed API call. `code` and `message` come from the runtime's `{ error: { code, message, details } }` body
 * (the message already in the requested language); `status` is 0 when the server could not be reached.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  /** The validation problems a 422 answer carries in `details`; empty for every other error. */
  get problems(): FlowProblem[] {
    return problemsFrom(this.details);
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Turns any error response into an ApiError; bodies that are not the contract's shape (a proxy's HTML page) keep the status. */
export function parseApiError(status: number, body: unknown): ApiError {
  const error = isRecord(body) ? body.error : undefined;
  if (isRecord(error) && typeof error.code === 'string') {
    const message = typeof error.message === 'string' ? error.message : error.code;
    return new ApiError(status, error.code, message, error.details);
  }
  return new ApiError(status, HTTP_ERROR, `HTTP ${status}`);
}

/** The well-formed problems in a 422 `details` array; anything else yields none. */
export function problemsFrom(details: unknown): FlowProblem[] {
  if (!Array.isArray(details)) return [];
  return details.filter(isRecord).flatMap((item): FlowProblem[] => {
    if (typeof item.code !== 'string' || typeof item.message !== 'string') return [];
    const problem: FlowProblem = {
      code: item.code,
      severity: item.severity === 'warning' ? 'warning' : 'error',
      message: item.message,
      path: Array.isArray(item.path) ? item.path.filter((part): part is string | number => typeof part === 'string' || typeof part === 'number') : [],
    };
    if (typeof item.nodeId === 'string') problem.nodeId = item.nodeId;
    if (typeof item.edgeId === 'string') problem.edgeId = item.edgeId;
    // A loop names all its nodes, and the texts in both UI languages let a language switch re-word the problem.
    if (Array.isArray(item.nodeIds)) problem.nodeIds = item.nodeIds.filter((id): id is string => typeof id === 'string');
    if (isRecord(item.messages)) {
      problem.messages = Object.fromEntries(Object.entries(item.messages).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    }
    return [problem];
  });
}
