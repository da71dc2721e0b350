import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

/** What the builder's browser tests share: the build check, Debian's Chromium with our flags, pages that record errors. */

export const CHROMIUM = '/usr/bin/chromium';
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
export const distIndex = path.join(repoRoot, 'builder/dist/index.html');
export const distAssets = path.join(repoRoot, 'builder/dist/assets');
const artifacts = path.join(repoRoot, 'test-artifacts');

function newestSourceChange(): number {
  let newest = Math.max(statSync(path.join(repoRoot, 'builder/index.html')).mtimeMs, statSync(path.join(repoRoot, 'vite.config.ts')).mtimeMs);
  for (const dir of [path.join(repoRoot, 'builder/src'), path.join(repoRoot, 'builder/public')]) {
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
      const stats = statSync(path.join(dir, file));
      if (stats.isFile() && !file.endsWith('.test.ts')) newest = Math.max(newest, stats.mtimeMs);
    }
  }
  return newest;
}

/** Builds when there is no build, or when it is older than the sources (so a test never checks a stale bundle). */
export function ensureBuilt(): void {
  if (existsSync(distIndex) && statSync(distIndex).mtimeMs >= newestSourceChange()) return;
  // Test files in parallel forks may both find the build stale: flock makes them build one after the other instead of
  // one emptying builder/dist while the other serves from it. vitest runs with NODE_ENV=test; the build must not
  // inherit it (vite.config.ts pins it too).
  execFileSync('flock', [path.join(repoRoot, 'builder/.build.lock'), 'npx', 'vite', 'build', '--config', 'vite.config.ts'], {
    cwd: repoRoot,
    stdio: 'pipe',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (!existsSync(distIndex)) throw new Error('vite build finished without builder/dist/index.html');
}

/** Builds if needed and starts Debian's Chromium; without it the test fails on purpose, saying how to install it. */
export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM}; install it with: apt-get update && apt-get install -y chromium`);
  }
  ensureBuilt();
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A 1280x720 page that records every console error, uncaught exception and failed request. */
export async function openPage(browser: Browser, locale: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale, viewport: { width: 1280, height: 720 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  // Aborts are normal (a reload, a superseded load); anything else means the server could not be reached.
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    if (reason !== 'net::ERR_ABORTED') errors.push(`requestfailed: ${request.url()} ${reason}`);
  });
  page.setDefaultTimeout(10_000);
  return { context, page, errors };
}

/** Saves a screenshot under the git-ignored test-artifacts folder. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: path.join(artifacts, name) });
}

/** The scripts index.html loads up front (the login page's initial JavaScript). */
export function initialScripts(): string {
  const html = readFileSync(distIndex, 'utf8');
  return [...html.matchAll(/(?:src|href)="\/assets\/([^"]+\.js)"/g)].map((match) => readFileSync(path.join(distAssets, match[1]!), 'utf8')).join('\n');
}

/** Every bundled script, e.g. to prove the production build of React is used. */
export function bundledScripts(): string {
  return readdirSync(distAssets)
    .filter((file) => file.endsWith('.js'))
    .map((file) => readFileSync(path.join(distAssets, file), 'utf8'))
    .join('\n');
}
