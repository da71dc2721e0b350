import { describe, expect, it } from 'vitest';
import { pathKey } from './jsonSchema.js';
import { shownPaths } from './shownPaths.js';

describe('shownPaths', () => {
  it('shows the fields of an object config but not its root, so problems about the node are listed at the top', () => {
    const shown = shownPaths({ type: 'object', properties: { count: { type: 'number' } } }, {}, ['de']);
    expect(shown.has(pathKey(['count']))).toBe(true);
    expect(shown.has(pathKey([]))).toBe(false);
  });

  it('shows the root of a config that is a single field', () => {
    expect(shownPaths({ type: 'number' }, 1, ['de']).has(pathKey([]))).toBe(true);
  });
});
