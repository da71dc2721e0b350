import { describe, expect, it } from 'vitest';
import { reviewEvents } from './reviewEvents.js';

describe('reviewEvents', () => {
  it('counts publishes and rollbacks, and asks the remounted canvas once to show its versions after a rollback', () => {
    const start = reviewEvents.getState().stamp;
    reviewEvents.getState().note({ flowId: 'a', kind: 'published', version: 2 });
    expect(reviewEvents.getState().stamp).toBe(start + 1);
    expect(reviewEvents.getState().takeReopen('a')).toBe(false);

    reviewEvents.getState().note({ flowId: 'a', kind: 'rolledBack', version: 3, from: 1 });
    expect(reviewEvents.getState().last).toEqual({ flowId: 'a', kind: 'rolledBack', version: 3, from: 1 });
    expect(reviewEvents.getState().takeReopen('b')).toBe(false);
    expect(reviewEvents.getState().takeReopen('a')).toBe(true);
    expect(reviewEvents.getState().takeReopen('a')).toBe(false);

    reviewEvents.getState().dismiss();
    expect(reviewEvents.getState().last).toBeNull();
    expect(reviewEvents.getState().stamp).toBe(start + 2);
  });
});
