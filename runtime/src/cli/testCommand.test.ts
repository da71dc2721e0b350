import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleFlowFile, runCli, tempDir } from './runCliForTest.js';

const flowLine = `flow: ${JSON.stringify(exampleFlowFile)}`;

describe('dialogwerk test', () => {
  const dir = tempDir();
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  };

  it('passes the example suite with exit 0 and the summary line', async () => {
    const run = await runCli(['test', 'examples/specs']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('examples/specs/kontaktanfrage.spec.yaml\n  ✓ Angebot für drei Räume');
    expect(run.stdout).toContain('✓ Quote in English');
    // The four example templates of issue 3 run too, with their setup (products) and fixed clocks.
    for (const spec of ['arztpraxis', 'handwerk-offerte', 'online-shop', 'steuerberatung']) expect(run.stdout).toContain(`examples/specs/${spec}.spec.yaml\n  ✓`);
    expect(run.stdout).toContain('✓ Knapper Bestand mit Tippfehler');
    expect(run.stdout).toContain('✓ Erstgespräch buchen');
    expect(run.stdout).not.toContain('✗');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toMatch(/^2\d passed, 0 failed$/);
  });

  it('fails with exit 1 and shows expected and actual of the failing step', async () => {
    write('suite/failing.spec.yaml', [
      flowLine,
      'tests:',
      '  - name: greets',
      '    steps: [{ bot: "Grüezi*" }]',
      '  - name: wrong question',
      '    steps:',
      '      - user: { choice: offer }',
      '      - bot: Wie heissen Sie?',
      '  - name: wrong vars',
      '    steps: [{ user: Angebot }, { user: "2" }]',
      '    expect: { vars: { rooms: 3 }, status: ended }',
    ].join('\n'));
    write('suite/node_modules/ignored.spec.yaml', 'not: a spec');
    const run = await runCli(['test'], { cwd: path.join(dir, 'suite') });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  ✓ greets');
    expect(run.stdout).toContain('  ✗ wrong question');
    expect(run.stdout).toMatch(/failing\.spec\.yaml:8:9 {2}tests\[1\]\.steps\[1\]\n\s+bot message 3 does not match\n\s+- expected: "Wie heissen Sie\?"\n\s+\+ actual: {3}"Wie viele Räume sollen gestrichen werden\?"/);
    expect(run.stdout).toMatch(/tests\[2\]\.expect\.status\n.*\n\s+- expected: ended\n\s+\+ actual: {3}awaiting_input/);
    expect(run.stdout).toMatch(/tests\[2\]\.expect\.vars\.rooms\n.*\n\s+- expected: 3\n\s+\+ actual: {3}2/);
    expect(run.stdout).not.toContain('ignored');
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('1 passed, 2 failed');
  });

  it('runs the bot clock from the spec\'s `now`, a test\'s own `now` winning', async () => {
    const steps = ['      - user: Termin', '      - user: Anna', '      - user: anna@example.ch', '      - user: morgen'];
    const file = write('clock.spec.yaml', [
      flowLine,
      'now: 2026-12-01T09:00:00+01:00',
      'tests:',
      '  - name: file clock',
      '    steps:',
      ...steps,
      '    expect: { vars: { preferredDate: "2026-12-02" } }',
      '  - name: own clock',
      '    now: 2027-02-28T23:30:00+01:00',
      '    steps:',
      ...steps,
      '    expect: { vars: { preferredDate: "2027-03-01" } }',
    ].join('\n'));
    const run = await runCli(['test', file], { cwd: dir });
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('2 passed, 0 failed');
    expect(run.code).toBe(0);
  });

  it('counts an invalid spec as failed, naming file, line and path', async () => {
    const bad = write('invalid.spec.yaml', [flowLine, 'tests:', '  - name: typo', '    steps:', '      - usr: hallo'].join('\n'));
    const yaml = write('broken.spec.yaml', 'flow: [\n');
    const run = await runCli(['test', bad, yaml], { cwd: dir });
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ invalid spec');
    expect(run.stdout).toMatch(/invalid\.spec\.yaml:5:\d+ {2}tests\[0\]\.steps\[0\]\.usr\n\s+Unrecognized key: "usr"/);
    expect(run.stdout).toMatch(/broken\.spec\.yaml:\d+:\d+\n\s+invalid YAML/);
    expect(run.stdout.trimEnd().split('\n').at(-1)).toBe('0 passed, 2 failed');
  });

  it('reports JSON with --reporter json', async () => {
    const spec = write('json.spec.yaml', [flowLine, 'locale: en', 'tests:', '  - name: english', '    steps: [{ bot: /welcome/ }, { bot: /^Wie/ }]'].join('\n'));
    const run = await runCli(['test', spec, '--reporter', 'json']);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report).toMatchObject({ passed: 0, failed: 1 });
    expect(report.results[0]).toMatchObject({ name: 'english', passed: false });
    expect(report.results[0].failures[0]).toMatchObject({ path: 'tests[0].steps[1]', actual: '"What is it about?"' });
  });
});
