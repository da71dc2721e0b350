#!/usr/bin/env node
// The `dialogwerk` command. TypeScript sources are loaded through tsx so `npx dialogwerk` works on a fresh clone.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../runtime/src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
