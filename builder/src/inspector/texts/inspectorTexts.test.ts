import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inspectorTexts } from './inspectorTexts.js';

import { flattenTranslations as flatten, placeholdersOf as placeholders } from '../../i18n/translationTree.js';

describe('inspector translations', () => {
  const german = flatten(inspectorTexts.de);
  const english = flatten(inspectorTexts.en);

  it('have the same keys and placeholders in German and English, none empty', () => {
    expect([...german.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      expect(text.trim(), key).not.toBe('');
      expect(placeholders(german.get(key) ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('contain every inspector: key the components use, and every check code', () => {
    const folder = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
    const used = new Set<string>();
    for (const file of readdirSync(folder).filter((name) => name.endsWith('.tsx'))) {
      for (const match of readFileSync(path.join(folder, file), 'utf8').matchAll(/\bt\('inspector:([\w.]+)'/g)) used.add(match[1]!);
    }
    const codes = readFileSync(path.join(folder, 'checkValue.ts'), 'utf8').match(/code: ([^;]+);/)![1]!.match(/'(\w+)'/g)!;
    for (const code of codes) used.add(`check.${code.replaceAll("'", '')}`);
    expect(used.size).toBeGreaterThan(25);
    expect([...used].filter((key) => !english.has(key))).toEqual([]);
  });
});
