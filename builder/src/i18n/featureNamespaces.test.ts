import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { featureNamespaces } from './namespaces.js';
import { flattenTranslations as flatten, placeholdersOf as placeholders } from './translationTree.js';

const sourceRoot = path.dirname(path.dirname(fileURLToPath(import.meta.url)));

/** Every `t('<namespace>:<key>')` in the builder's components, by namespace. */
function usedKeys(): Map<string, Set<string>> {
  const used = new Map<string, Set<string>>();
  const files = readdirSync(sourceRoot, { recursive: true, encoding: 'utf8' }).filter((file) => /\.tsx?$/.test(file) && !file.includes('.test.'));
  for (const file of files) {
    for (const match of readFileSync(path.join(sourceRoot, file), 'utf8').matchAll(/\bt\('(\w+):([\w.]+)'/g)) {
      const keys = used.get(match[1]!) ?? new Set<string>();
      keys.add(match[2]!);
      used.set(match[1]!, keys);
    }
  }
  return used;
}

describe('feature translation namespaces', () => {
  const used = usedKeys();

  it.each(Object.entries(featureNamespaces))('%s has the same keys and placeholders in German and English, none empty', (_name, texts) => {
    const german = flatten(texts.de);
    const english = flatten(texts.en);
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(german.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('only namespaces that are registered are used', () => {
    expect([...used.keys()].filter((name) => name !== 'translation' && !(name in featureNamespaces))).toEqual([]);
  });

  it.each(Object.entries(featureNamespaces))('%s contains every key the code uses', (name, texts) => {
    const english = flatten(texts.en);
    const known = (key: string) => english.has(key) || english.has(`${key}_one`);
    expect([...(used.get(name) ?? [])].filter((key) => !known(key))).toEqual([]);
  });
});
