import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { CliInputError } from './cliCommand.js';

const SPEC_NAME = /\.spec\.ya?ml$/;

/** Every file below `dir`, skipping node_modules and hidden directories (.git) where no spec of ours lives. */
function walk(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) walk(full, out);
    } else if (entry.isFile()) {
      out.push(full);
    }
  }
  return out;
}

/** `**` spans directories, `*` and `?` stay within one; the rest is literal. */
function globToRegExp(glob: string): RegExp {
  const pattern = glob
    .split(/(\*\*\/|\*\*|\*|\?)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return part.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    })
    .join('');
  return new RegExp(`^${pattern}$`);
}

function expandGlob(pattern: string, cwd: string): string[] {
  const absolute = path.resolve(cwd, pattern).split(path.sep).join('/');
  const segments = absolute.split('/');
  const firstGlob = segments.findIndex((segment) => /[*?]/.test(segment));
  const base = segments.slice(0, firstGlob).join('/') || '/';
  const regex = globToRegExp(absolute);
  let files: string[] = [];
  try {
    files = walk(base);
  } catch {
    // A base directory that does not exist simply matches nothing.
  }
  return files.filter((file) => regex.test(file.split(path.sep).join('/')));
}

/**
 * The spec files to run: the default pattern under `cwd`, or each argument as a file, a directory (searched for
 * `*.spec.yaml`) or a glob pattern the shell left alone. Arguments matching nothing are a usage error.
 */
export function findSpecs(args: string[], cwd: string): string[] {
  const found = new Set<string>();
  const fromDir = (dir: string) => walk(dir).filter((file) => SPEC_NAME.test(file)).forEach((file) => found.add(file));
  if (args.length === 0) fromDir(cwd);
  for (const arg of args) {
    const absolute = path.resolve(cwd, arg);
    if (/[*?]/.test(arg)) {
      const matches = expandGlob(arg, cwd);
      if (!matches.length) throw new CliInputError(`no spec files match ${arg}`);
      matches.forEach((file) => found.add(file));
      continue;
    }
    let stats;
    try {
      stats = statSync(absolute);
    } catch {
      throw new CliInputError(`no such spec file or directory: ${arg}`);
    }
    if (stats.isDirectory()) fromDir(absolute);
    else found.add(absolute);
  }
  return [...found].map((file) => path.relative(cwd, file) || file).sort();
}
