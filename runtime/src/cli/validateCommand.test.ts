import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleFlowFile, runCli, tempDir, writeFlowVariant } from './runCliForTest.js';

describe('dialogwerk validate', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('accepts a valid flow with exit code 0', async () => {
    const run = await runCli(['validate', exampleFlowFile]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('valid (0 errors, 0 warnings)');
  });

  it('exits 0 when there are only warnings, and lists them', async () => {
    const file = writeFlowVariant(dir, 'warnings.json', (flow) => {
      flow.edges = flow.edges.filter((edge: { id: string }) => edge.id !== 'e5');
    });
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/warning\s+FLOW_PORT_UNCONNECTED\s+.*node "topic"/);
  });

  it('exits 1 on errors and lists every problem with code, place and message', async () => {
    const file = writeFlowVariant(dir, 'broken.json', (flow) => {
      delete flow.variables.rooms;
      flow.edges.push({ id: 'e99', from: { node: 'welcome', port: 'next' }, to: 'nowhere' });
    });
    const run = await runCli(['validate', file]);
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('invalid');
    expect(run.stdout).toMatch(/error\s+FLOW_VARIABLE_UNDECLARED\s+nodes\[2\]\.config\.variable, node "rooms": .*rooms/);
    expect(run.stdout).toMatch(/error\s+FLOW_EDGE_TARGET_MISSING\s+edges\[18\]/);
    expect(run.stdout).toContain('FLOW_PORT_MULTIPLE_EDGES');
  });

  it('prints machine-readable JSON with --json', async () => {
    const file = writeFlowVariant(dir, 'broken-json.json', (flow) => {
      flow.start = 'missing';
    });
    const run = await runCli(['validate', file, '--json']);
    expect(run.code).toBe(1);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ ok: false, errors: 1 });
    expect(result.problems[0]).toMatchObject({ code: 'FLOW_START_MISSING', severity: 'error', path: ['start'] });
    expect(typeof result.problems[0].message).toBe('string');
  });

  it('exits 2 with a clear message for a missing file or broken JSON', async () => {
    const missing = await runCli(['validate', path.join(dir, 'nope.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/cannot read flow file .*nope\.json: no such file/);

    const bad = path.join(dir, 'bad.json');
    writeFileSync(bad, '{ "format": ');
    const broken = await runCli(['validate', bad]);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/bad\.json is not valid JSON/);
  });

  it('shows its help, and exits 2 without a file', async () => {
    const help = await runCli(['validate', '--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: dialogwerk validate');
    const usage = await runCli(['validate']);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('missing argument');
  });
});
