// Decides whether the prebuilt runtime bundle may be used: only when it is newer than every source it was built from.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repositoryRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const runtimeBundle = path.join(repositoryRoot, 'runtime/dist/cli/dialogwerk.mjs');
/** The runtime's library entry (`runtime/src/index.ts`) from the same build. */
export const runtimeLibraryBundle = path.join(repositoryRoot, 'runtime/dist/cli/runtime.mjs');
const sources = ['runtime/src', 'nodes/src', 'runtime/drizzle', 'package-lock.json'];

export function newestMtime(entry) {
  if (!existsSync(entry)) return 0;
  const stat = statSync(entry);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(entry).reduce((newest, name) => Math.max(newest, newestMtime(path.join(entry, name))), stat.mtimeMs);
}

export function runtimeBundleIsFresh() {
  if (!existsSync(runtimeBundle)) return false;
  const builtAt = statSync(runtimeBundle).mtimeMs;
  return sources.every((source) => newestMtime(path.join(repositoryRoot, source)) < builtAt);
}
