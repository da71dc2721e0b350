import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from './runCliForTest.js';

describe('dialogwerk token', () => {
  const dataDir = tempDir();
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));
  const token = (...args: string[]) => runCli(['token', ...args], { env: { DATA_DIR: dataDir } });

  it('prints the same stored token every time until it is rotated', async () => {
    const first = await token();
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('generated');
    expect(first.stdout).toMatch(/^[\w-]{20,}\n$/);
    const second = await token();
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe('');

    const rotated = await token('--rotate');
    expect(rotated.code).toBe(0);
    expect(rotated.stdout).toMatch(/^[\w-]{20,}\n$/);
    expect(rotated.stdout).not.toBe(first.stdout);
    expect(rotated.stderr).toContain('within 10 seconds');
    expect((await token()).stdout).toBe(rotated.stdout);
  });

  it('says that DIALOGWERK_ADMIN_TOKEN wins when it is set', async () => {
    const run = await runCli(['token'], { env: { DATA_DIR: dataDir, DIALOGWERK_ADMIN_TOKEN: 'from-env' } });
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('DIALOGWERK_ADMIN_TOKEN is set and wins');
    expect(run.stdout).not.toContain('from-env');
  });
});
