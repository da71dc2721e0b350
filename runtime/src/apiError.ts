import type { Localized } from '@dialogwerk/nodes';

/**
 * A client-caused failure with a stable code. The API turns it into `{ error: { code, message, details } }`
 * with the message in the caller's language.
 */
export class ApiError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429,
    readonly code: string,
    readonly messages: Localized,
    readonly details?: unknown,
  ) {
    super(messages.en);
  }
}

export const notFound = (code: string, what: Localized, details?: unknown) => new ApiError(404, code, what, details);
