#!/usr/bin/env node
// Runs a TypeScript entry file through tsx's loader, so the repository needs no compile step.
import { register } from 'tsx/esm/api';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

register();
const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: run-ts <file.ts> [args...]');
  process.exit(2);
}
process.argv = [process.argv[0], path.resolve(entry), ...args];
await import(pathToFileURL(path.resolve(entry)).href);
