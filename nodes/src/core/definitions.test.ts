import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { moduleImports } from '../testing/index.js';

const coreDir = dirname(fileURLToPath(import.meta.url));
const nodesSrc = resolve(coreDir, '..');
const repoRoot = resolve(nodesSrc, '../..');
const builtins = new Set(builtinModules);

/** `*.node.ts` files: the browser-safe halves of the core nodes. */
const definitionFiles = readdirSync(coreDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) =>
    readdirSync(join(coreDir, entry.name))
      .filter((file) => file.endsWith('.node.ts'))
      .map((file) => join(coreDir, entry.name, file)),
  )
  .sort();

/** Why a module specifier imported from `fromFile` would break a browser bundle, if it would. */
function problemWith(specifier: string, fromFile: string): string | undefined {
  if (specifier.startsWith('node:')) return 'imports a Node.js module';
  const bare = specifier.split('/')[0]!;
  if (!specifier.startsWith('.') && builtins.has(bare)) return 'imports a Node.js built-in';
  if (/^@dialogwerk\/runtime(\/|$)/.test(specifier)) return 'imports the runtime package';
  if (specifier.startsWith('.')) {
    const target = resolve(dirname(fromFile), specifier);
    const inRepo = relative(repoRoot, target).split(sep);
    if (inRepo[0] === 'runtime') return 'imports from runtime/';
    if (!target.startsWith(nodesSrc + sep)) return 'imports from outside nodes/src';
    if (/\.run(\.js|\.ts)?$/.test(specifier)) return "imports a node's server behaviour (*.run)";
  }
  return undefined;
}

function problemsIn(file: string): string[] {
  return moduleImports(readFileSync(file, 'utf8'))
    .map((found) => ({ found, problem: problemWith(found.specifier, file) }))
    .filter((entry) => entry.problem)
    .map(({ found, problem }) => `${relative(repoRoot, file)}:${found.line} ${problem}: "${found.specifier}"`);
}

/** The TypeScript file a relative `.js` import points to. */
function sourceOf(specifier: string, fromFile: string): string | undefined {
  const target = resolve(dirname(fromFile), specifier);
  for (const candidate of [target.replace(/\.js$/, '.ts'), target, `${target}.ts`, join(target, 'index.ts')]) {
    if (existsSync(candidate) && candidate.endsWith('.ts')) return candidate;
  }
  return undefined;
}

describe('core node definitions stay browser-safe', () => {
  it('finds the definition module of every core node', () => {
    expect(definitionFiles.map((file) => relative(coreDir, file))).toEqual([
      `ask${sep}ask.node.ts`,
      `bookSlot${sep}bookSlot.node.ts`,
      `captureLead${sep}captureLead.node.ts`,
      `checkStock${sep}checkStock.node.ts`,
      `condition${sep}condition.node.ts`,
      `end${sep}end.node.ts`,
      `escalate${sep}escalate.node.ts`,
      `faq${sep}faq.node.ts`,
      `httpRequest${sep}httpRequest.node.ts`,
      `intent${sep}intent.node.ts`,
      `llmAnswer${sep}llmAnswer.node.ts`,
      `message${sep}message.node.ts`,
      `set${sep}set.node.ts`,
    ]);
  });

  it.each(definitionFiles.map((file) => [relative(coreDir, file), file]))('%s imports no node: modules and nothing from runtime/', (_name, file) => {
    const imports = moduleImports(readFileSync(file, 'utf8'));
    expect(imports.length).toBeGreaterThan(0);
    expect(problemsIn(file)).toEqual([]);
  });

  it('holds for everything the definitions import in turn', () => {
    const seen = new Set<string>();
    const queue = [...definitionFiles];
    const problems: string[] = [];
    while (queue.length) {
      const file = queue.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      problems.push(...problemsIn(file));
      for (const { specifier } of moduleImports(readFileSync(file, 'utf8'))) {
        if (!specifier.startsWith('.')) continue;
        const source = sourceOf(specifier, file);
        if (source?.startsWith(nodesSrc + sep)) queue.push(source);
      }
    }
    expect(problems).toEqual([]);
    // sanity: the walk reached the SDK and the flow schema the definitions build on
    const reached = [...seen].map((file) => relative(nodesSrc, file).split(sep).join('/'));
    expect(reached).toEqual(expect.arrayContaining(['sdk/defineNode.ts', 'sdk/text.ts', 'flow/flowDocument.ts']));
  });

  it('the check itself catches the imports it guards against', () => {
    const file = join(coreDir, 'demo', 'demo.node.ts');
    const source = [
      "import { readFileSync } from 'node:fs';",
      "import path from 'path';",
      "import { compileFlow } from '../../../../runtime/src/engine/compileFlow.js';",
      "import type { X } from '@dialogwerk/runtime';",
      "import { demo } from './demo.run.js';",
      "import { z } from 'zod';",
      "import { Text } from '../../sdk/text.js';",
    ].join('\n');
    const found = moduleImports(source).map((entry) => problemWith(entry.specifier, file));
    expect(found).toEqual([
      'imports a Node.js module',
      'imports a Node.js built-in',
      'imports from runtime/',
      'imports the runtime package',
      "imports a node's server behaviour (*.run)",
      undefined,
      undefined,
    ]);
  });
});
