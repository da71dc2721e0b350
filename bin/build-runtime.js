#!/usr/bin/env node
// Bundles the runtime and CLI into runtime/dist/cli/dialogwerk.mjs for `npm start`. Running from source through tsx
// works everywhere, but tsx keeps every function's name with a wrapper call per closure created, which cost about a
// quarter of the CPU per chat turn (docs/PERFORMANCE.md). Dependencies stay external, resolved from node_modules.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
// The bundle sits two levels below runtime/, like runtime/src/<folder>/, so paths derived from import.meta.url
// (migrations, repository root, the checkpoint worker) resolve the same way as from source.
const outdir = path.join(root, 'runtime/dist/cli');

/** Third-party packages load from node_modules at run time; our workspace packages are TypeScript and get bundled. */
const externalThirdPartyPackages = {
  name: 'external-third-party-packages',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('@dialogwerk/') ? undefined : { path: args.path, external: true },
    );
  },
};
mkdirSync(outdir, { recursive: true });
await build({
  entryPoints: { dialogwerk: path.join(root, 'runtime/src/cli/main.ts'), runtime: path.join(root, 'runtime/src/index.ts') },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  plugins: [externalThirdPartyPackages],
  sourcemap: true,
  keepNames: false,
  logLevel: 'warning',
});
copyFileSync(path.join(root, 'runtime/src/db/walCheckpointWorker.js'), path.join(outdir, 'walCheckpointWorker.js'));
