import { existsSync } from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const botbuilderDirectory = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../botbuilder');

/**
 * Installs the Bot Framework packages for the comparison on first use. They live outside the workspaces: their
 * postinstall runs `npx rimraf`, which npm only allows with `npm_config_yes=true`, and would fail `npm ci`.
 */
export function ensureBotbuilderInstalled(log: (line: string) => void): void {
  if (existsSync(path.join(botbuilderDirectory, 'node_modules/botbuilder-dialogs/package.json'))) return;
  log('Installing botbuilder-dialogs for the comparison (bench/botbuilder, once)…');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  execFileSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel', 'error'], {
    cwd: botbuilderDirectory,
    stdio: 'inherit',
    env: { ...process.env, npm_config_yes: 'true' },
  });
}
