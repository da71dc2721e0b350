import { describe, expect, it } from 'vitest';
import { ApiError, HTTP_ERROR, NETWORK_ERROR } from './apiError.js';
import { describeError } from './describeError.js';

const t = (key: string, options?: { status: number }) => (options ? `${key}:${options.status}` : key);

describe('describeError', () => {
  it('shows the server message as it came (already localised)', () => {
    expect(describeError(new ApiError(404, 'FLOW_NOT_FOUND', 'Den Ablauf gibt es nicht.'), t)).toBe('Den Ablauf gibt es nicht.');
  });

  it('uses its own texts when there was no contract error', () => {
    expect(describeError(new ApiError(0, NETWORK_ERROR, 'Failed to fetch'), t)).toBe('errors.network');
    expect(describeError(new ApiError(502, HTTP_ERROR, 'HTTP 502'), t)).toBe('errors.http:502');
    expect(describeError(new TypeError('boom'), t)).toBe('errors.unexpected');
  });
});
