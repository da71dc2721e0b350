import { ApiError, HTTP_ERROR, NETWORK_ERROR } from './apiError.js';

type Translate = (key: 'errors.network' | 'errors.http' | 'errors.unexpected', options?: { status: number }) => string;

/** The sentence to show for a failure: the server's own (localised) message when it sent one. */
export function describeError(error: unknown, t: Translate): string {
  if (error instanceof ApiError) {
    if (error.code === NETWORK_ERROR) return t('errors.network');
    if (error.code === HTTP_ERROR) return t('errors.http', { status: error.status });
    return error.message;
  }
  return t('errors.unexpected');
}
