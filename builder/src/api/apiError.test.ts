import { describe, expect, it } from 'vitest';
import { ApiError, HTTP_ERROR, parseApiError, problemsFrom } from './apiError.js';

describe('parseApiError', () => {
  it('reads code, message and details from the contract body', () => {
    const error = parseApiError(404, { error: { code: 'FLOW_NOT_FOUND', message: 'Den Ablauf „x“ gibt es nicht.', details: { flowId: 'x' } } });
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ status: 404, code: 'FLOW_NOT_FOUND', message: 'Den Ablauf „x“ gibt es nicht.', details: { flowId: 'x' } });
  });

  it('falls back to the code when the message is missing', () => {
    expect(parseApiError(400, { error: { code: 'BAD_REQUEST' } }).message).toBe('BAD_REQUEST');
  });

  it.each([undefined, '<html>Bad gateway</html>', { message: 'no error wrapper' }, { error: 'text' }, { error: { message: 'no code' } }])(
    'keeps the status for a body that is not the contract shape (%j)',
    (body) => {
      const error = parseApiError(502, body);
      expect(error.code).toBe(HTTP_ERROR);
      expect(error.status).toBe(502);
    },
  );

  it('exposes the validation problems of a 422', () => {
    const error = parseApiError(422, {
      error: {
        code: 'FLOW_INVALID',
        message: 'The flow has 1 error(s).',
        details: [
          { code: 'FLOW_START_MISSING', severity: 'error', message: 'No start.', path: ['start'], messages: { de: 'x', en: 'y' } },
          { code: 'FLOW_NODE_UNREACHABLE', severity: 'warning', message: 'Unreachable.', path: ['nodes', 1], nodeId: 'b' },
        ],
      },
    });
    expect(error.problems).toEqual([
      { code: 'FLOW_START_MISSING', severity: 'error', message: 'No start.', path: ['start'], messages: { de: 'x', en: 'y' } },
      { code: 'FLOW_NODE_UNREACHABLE', severity: 'warning', message: 'Unreachable.', path: ['nodes', 1], nodeId: 'b' },
    ]);
  });
});

describe('problemsFrom', () => {
  it('is empty for details that are not a list of problems', () => {
    expect(problemsFrom(undefined)).toEqual([]);
    expect(problemsFrom({ urlId: 'a', bodyId: 'b' })).toEqual([]);
    expect(problemsFrom([null, 3, 'x', { code: 1, message: 'bad code' }, { code: 'X' }])).toEqual([]);
  });

  it('treats an unknown severity as an error and drops odd path parts', () => {
    expect(problemsFrom([{ code: 'X', message: 'm', severity: 'fatal', path: ['nodes', 0, { odd: true }] }])).toEqual([
      { code: 'X', severity: 'error', message: 'm', path: ['nodes', 0] },
    ]);
  });

  it('keeps the nodes of a loop and the message in both languages', () => {
    const [problem] = problemsFrom([
      { code: 'FLOW_LOOP', message: 'Schleife', path: [], nodeId: 'a', nodeIds: ['a', 'b', 7], messages: { de: 'Schleife', en: 'Loop', xx: 1 } },
    ]);
    expect(problem).toMatchObject({ nodeId: 'a', nodeIds: ['a', 'b'], messages: { de: 'Schleife', en: 'Loop' } });
    expect(problem!.messages).not.toHaveProperty('xx');
  });
});
