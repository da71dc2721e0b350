import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CliInputError } from './cliCommand.js';
import { findSpecs } from './findSpecs.js';
import { tempDir } from './runCliForTest.js';

describe('findSpecs', () => {
  const root = tempDir();
  beforeAll(() => {
    for (const file of ['a.spec.yaml', 'flows/b.spec.yml', 'flows/deep/c.spec.yaml', 'flows/notes.yaml', 'node_modules/x/d.spec.yaml', '.git/e.spec.yaml']) {
      mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      writeFileSync(path.join(root, file), '');
    }
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('finds every spec below the directory except in node_modules and hidden directories', () => {
    expect(findSpecs([], root)).toEqual(['a.spec.yaml', 'flows/b.spec.yml', 'flows/deep/c.spec.yaml']);
  });

  it('takes files, directories and glob patterns', () => {
    expect(findSpecs(['flows/notes.yaml', 'flows/deep'], root)).toEqual(['flows/deep/c.spec.yaml', 'flows/notes.yaml']);
    expect(findSpecs(['flows/**/*.yaml'], root)).toEqual(['flows/deep/c.spec.yaml', 'flows/notes.yaml']);
    expect(findSpecs(['*.spec.yaml'], root)).toEqual(['a.spec.yaml']);
  });

  it('rejects an argument that matches nothing', () => {
    expect(() => findSpecs(['missing.spec.yaml'], root)).toThrow(CliInputError);
    expect(() => findSpecs(['nothing/**/*.spec.yaml'], root)).toThrow(/no spec files match/);
  });
});
