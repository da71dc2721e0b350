import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { repositoryRoot } from '../server/createRuntime.js';

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs `node bin/dialogwerk.js` as a real child process, the way users and CI call it. The environment is stripped
 * of settings a developer may have exported (a token, a data directory) so tests never touch real data.
 */
export function runCli(args: string[], options: { input?: string; env?: Record<string, string>; cwd?: string } = {}): Promise<CliRun> {
  const env: NodeJS.ProcessEnv = { ...process.env, DIALOGWERK_LOG_LEVEL: 'error', ...options.env };
  for (const name of ['DIALOGWERK_ADMIN_TOKEN', 'DATABASE_URL', 'DATA_DIR']) if (!options.env?.[name]) delete env[name];
  const child = spawn(process.execPath, [path.join(repositoryRoot, 'bin/dialogwerk.js'), ...args], {
    cwd: options.cwd ?? repositoryRoot,
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  child.stdin.end(options.input ?? '');
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, stdout, stderr }));
  });
}

export const exampleFlowFile = path.join(repositoryRoot, 'examples/flows/kontaktanfrage.json');

export function tempDir(prefix = 'dialogwerk-cli-test-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The example flow, changed by `edit`, written to a temp file: invalid or warning-only variants for the tests. */
export function writeFlowVariant(dir: string, name: string, edit: (flow: any) => void): string {
  const flow = JSON.parse(readFileSync(exampleFlowFile, 'utf8'));
  edit(flow);
  const file = path.join(dir, name);
  writeFileSync(file, JSON.stringify(flow));
  return file;
}
