#!/usr/bin/env node
// `npm start` builds the builder and the runtime bundle only when their sources are newer than the last build, so
// restarts stay fast.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { newestMtime, repositoryRoot as root, runtimeBundleIsFresh } from './runtimeBundle.js';

const output = path.join(root, 'builder/dist/index.html');
const sources = ['builder/src', 'builder/index.html', 'builder/public', 'vite.config.ts', 'package-lock.json'];

const builtAt = existsSync(output) ? statSync(output).mtimeMs : 0;
const changedAt = Math.max(...sources.map((source) => newestMtime(path.join(root, source))));
if (builtAt > changedAt && process.argv[2] !== '--force') {
  console.log('Builder is up to date.');
} else {
  execFileSync(process.execPath, [path.join(root, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'vite.config.ts', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });
}

if (!runtimeBundleIsFresh() || process.argv[2] === '--force') {
  await import('./build-runtime.js');
  console.log('Runtime bundle built.');
}
