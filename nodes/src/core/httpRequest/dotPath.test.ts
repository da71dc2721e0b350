import { describe, expect, it } from 'vitest';
import { getDotPath } from './dotPath.js';

const data = { data: { items: [{ name: 'Ada', tags: ['x'] }], count: 0, empty: null, flag: false } };

describe('getDotPath', () => {
  it('walks objects and array indexes', () => {
    expect(getDotPath(data, 'data.items.0.name')).toBe('Ada');
    expect(getDotPath(data, 'data.items.0.tags.0')).toBe('x');
    expect(getDotPath(data, 'data.items')).toEqual([{ name: 'Ada', tags: ['x'] }]);
    expect(getDotPath(data, 'data.count')).toBe(0);
    expect(getDotPath(data, 'data.empty')).toBeNull();
    expect(getDotPath(data, 'data.flag')).toBe(false);
    expect(getDotPath([1, 2], '1')).toBe(2);
  });

  it('is undefined for missing steps', () => {
    expect(getDotPath(data, 'data.items.1.name')).toBeUndefined();
    expect(getDotPath(data, 'data.items.first')).toBeUndefined();
    expect(getDotPath(data, 'data.count.x')).toBeUndefined();
    expect(getDotPath(data, 'data.empty.x')).toBeUndefined();
    expect(getDotPath('text', 'length')).toBeUndefined();
  });

  it('never reads inherited properties', () => {
    expect(getDotPath(data, 'data.__proto__')).toBeUndefined();
    expect(getDotPath(data, 'data.constructor')).toBeUndefined();
    expect(getDotPath(data, 'data.items.length')).toBeUndefined();
  });
});
