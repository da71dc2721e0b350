#!/usr/bin/env node
// The `dialogwerk` command. Uses the prebuilt bundle that `npm start` makes when it is up to date with the sources,
// else loads the TypeScript sources through tsx, so `npx dialogwerk` works on a fresh clone without a build step.
import { pathToFileURL } from 'node:url';
import { runtimeBundle, runtimeBundleIsFresh } from './runtimeBundle.js';

let main;
if (process.env.DIALOGWERK_FROM_SOURCE !== '1' && runtimeBundleIsFresh()) {
  ({ main } = await import(pathToFileURL(runtimeBundle).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../runtime/src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
