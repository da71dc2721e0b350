import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

/** Sizes of the builder's JavaScript as built in builder/dist: what the login page loads up front and what comes later. */

export interface ScriptSize {
  file: string;
  bytes: number;
  gzipBytes: number;
}

export interface BundleSizes {
  /** module scripts and modulepreload links of index.html: the login page's initial JavaScript */
  initial: ScriptSize[];
  initialGzipBytes: number;
  initialBytes: number;
  /** the lazily loaded canvas screen chunk and the chunks it imports that the initial page does not load */
  canvas: ScriptSize[];
  canvasGzipBytes: number;
  /** every other chunk (e.g. the layout library, loaded on "arrange automatically") */
  other: ScriptSize[];
}

/** gzip at zlib's default level 6, what a typical server or CDN applies on the fly. */
function sizeOf(assetsDir: string, file: string): ScriptSize {
  const content = readFileSync(path.join(assetsDir, file));
  return { file, bytes: content.length, gzipBytes: gzipSync(content).length };
}

/** Relative chunk files a chunk imports statically (`from"./x.js"`, `import"./x.js"`). */
function staticImports(assetsDir: string, file: string): string[] {
  const code = readFileSync(path.join(assetsDir, file), 'utf8');
  return [...code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)].map((match) => match[1]!);
}

export function measureBundle(distDir: string): BundleSizes {
  const assetsDir = path.join(distDir, 'assets');
  const html = readFileSync(path.join(distDir, 'index.html'), 'utf8');
  const tags = [...html.matchAll(/<script[^>]*type="module"[^>]*src="\/assets\/([^"]+\.js)"|<link[^>]*rel="modulepreload"[^>]*href="\/assets\/([^"]+\.js)"/g)];
  const initialFiles = new Set(tags.map((match) => (match[1] ?? match[2])!));
  // the initial scripts' own static imports load up front as well
  for (const file of [...initialFiles]) for (const imported of staticImports(assetsDir, file)) initialFiles.add(imported);

  const all = readdirSync(assetsDir).filter((file) => file.endsWith('.js'));
  const canvasFiles = new Set<string>();
  const queue = all.filter((file) => file.startsWith('CanvasScreen-'));
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (initialFiles.has(file) || canvasFiles.has(file)) continue;
    canvasFiles.add(file);
    queue.push(...staticImports(assetsDir, file));
  }
  const initial = [...initialFiles].map((file) => sizeOf(assetsDir, file));
  const canvas = [...canvasFiles].map((file) => sizeOf(assetsDir, file));
  const other = all.filter((file) => !initialFiles.has(file) && !canvasFiles.has(file)).map((file) => sizeOf(assetsDir, file));
  const sum = (sizes: ScriptSize[], key: 'bytes' | 'gzipBytes') => sizes.reduce((total, size) => total + size[key], 0);
  return {
    initial,
    initialGzipBytes: sum(initial, 'gzipBytes'),
    initialBytes: sum(initial, 'bytes'),
    canvas,
    canvasGzipBytes: sum(canvas, 'gzipBytes'),
    other,
  };
}
