import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import de from './de.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };

import { flattenTranslations as flatten, placeholdersOf as placeholders } from './translationTree.js';

describe('translations', () => {
  const german = flatten(de);
  const english = flatten(en);

  it('have the same keys in German and English', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('have no empty texts', () => {
    for (const [key, text] of [...german, ...english]) expect(text.trim(), key).not.toBe('');
  });

  it('use the same placeholders in both languages', () => {
    for (const [key, text] of english) expect(placeholders(german.get(key) ?? ''), key).toEqual(placeholders(text));
  });

  it('contain every key the source code uses', () => {
    const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
    const files = readdirSync(root, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.tsx'));
    const used = new Set<string>();
    for (const file of files) {
      const source = readFileSync(path.join(root, file), 'utf8');
      for (const match of source.matchAll(/\bt\('([\w.]+)'/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const known = (key: string) => english.has(key) || english.has(`${key}_one`);
    expect([...used].filter((key) => !known(key))).toEqual([]);
  });
});
