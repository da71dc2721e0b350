import { describe, expect, it } from 'vitest';
import { movedItem, unusedKey, valueAt, withoutItem, withRenamedKey, withValueAt } from './valueAtPath.js';

describe('valueAt', () => {
  it('follows properties and indexes', () => {
    const config = { choices: [{ id: 'a', label: { de: 'Ja' } }] };
    expect(valueAt(config, ['choices', 0, 'label', 'de'])).toBe('Ja');
    expect(valueAt(config, ['choices', 3, 'id'])).toBeUndefined();
    expect(valueAt(config, ['choices', 'x'])).toBeUndefined();
    expect(valueAt(config, [])).toBe(config);
  });
});

describe('withValueAt', () => {
  it('sets nested values without mutating the original', () => {
    const config = { files: { maxFiles: 2 }, text: 'x' };
    const next = withValueAt(config, ['files', 'maxFiles'], 3);
    expect(next).toEqual({ files: { maxFiles: 3 }, text: 'x' });
    expect(config.files.maxFiles).toBe(2);
    expect((next as typeof config).text).toBe('x');
  });

  it('creates missing objects and arrays', () => {
    expect(withValueAt(undefined, ['rules', 0, 'var'], 'name')).toEqual({ rules: [{ var: 'name' }] });
  });

  it('omits a property set to undefined (optional field left empty)', () => {
    expect(withValueAt({ text: 'a', retryText: 'b' }, ['retryText'], undefined)).toEqual({ text: 'a' });
    expect(Object.keys(withValueAt({ a: { b: 1 } }, ['a', 'b'], undefined) as object)).toEqual(['a']);
  });
});

describe('list and record edits', () => {
  it('moves items and clamps the target', () => {
    expect(movedItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(movedItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(movedItem(['a', 'b'], 1, 5)).toEqual(['a', 'b']);
    expect(movedItem(['a', 'b'], 4, 0)).toEqual(['a', 'b']);
  });

  it('removes an item', () => {
    expect(withoutItem(['a', 'b', 'c'], 1)).toEqual(['a', 'c']);
  });

  it('renames a key in place and refuses names already taken', () => {
    expect(Object.keys(withRenamedKey({ a: 1, b: 2, c: 3 }, 'b', 'x'))).toEqual(['a', 'x', 'c']);
    expect(withRenamedKey({ a: 1, b: 2 }, 'a', 'b')).toEqual({ a: 1, b: 2 });
  });

  it('finds an unused key', () => {
    expect(unusedKey({}, 'key')).toBe('key');
    expect(unusedKey({ key: 1, key2: 2 }, 'key')).toBe('key3');
  });
});
