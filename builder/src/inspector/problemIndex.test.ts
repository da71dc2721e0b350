import { describe, expect, it } from 'vitest';
import { coreSchema } from './coreSchemas.testing.js';
import { pathKey } from './jsonSchema.js';
import { fieldId, indexProblems, unplacedProblems } from './problemIndex.js';
import { shownPaths } from './shownPaths.js';

describe('indexProblems', () => {
  it('groups caller problems and browser checks by path, without duplicates', () => {
    const index = indexProblems(
      [
        { path: ['text'], message: 'Text fehlt' },
        { path: ['text'], message: 'Text fehlt' },
        { path: ['choices', 0, 'id'], message: 'Doppelte Id' },
      ],
      [{ path: ['text'], code: 'required' }],
      (check) => `check:${check.code}`,
    );
    expect(index.get(pathKey(['text']))).toEqual(['Text fehlt', 'check:required']);
    expect(index.get(pathKey(['choices', 0, 'id']))).toEqual(['Doppelte Id']);
  });
});

describe('shownPaths and unplacedProblems', () => {
  it('knows every field, item, record entry and locale the form shows', () => {
    const value = { text: { de: 'Frage?' }, variable: 'x', choices: [{ id: 'a', label: 'A' }] };
    const shown = shownPaths(coreSchema('ask'), value, ['de', 'en']);
    for (const path of [['text'], ['text', 'de'], ['text', 'en'], ['choices', 0, 'label'], ['files', 'maxFiles']]) expect(shown.has(pathKey(path)), pathKey(path)).toBe(true);
    expect(shown.has(pathKey(['choices', 1]))).toBe(false);
    expect(shown.has(pathKey([])), 'an object config has no field of its own').toBe(false);
    expect(shownPaths(coreSchema('set'), { values: { name: 'x' } }, ['de']).has(pathKey(['values', 'name']))).toBe(true);
  });

  it('lists problems no field shows, so none is hidden', () => {
    const index = indexProblems([{ path: ['choices', 4], message: 'Gibt es nicht' }, { path: ['text'], message: 'Shown' }], [], () => '');
    expect(unplacedProblems(index, shownPaths(coreSchema('ask'), {}, ['de']))).toEqual(['Gibt es nicht']);
  });
});

describe('fieldId', () => {
  it('is a valid, unambiguous id for any path', () => {
    expect(fieldId('f', ['headers', 'X-Api Key'])).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(fieldId('f', ['a-b'])).not.toBe(fieldId('f', ['a', 'b']));
    expect(fieldId('f', [])).toBe('f--root');
  });
});
