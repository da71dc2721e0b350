import { readdirSync, rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { exampleFlowFile, runCli, tempDir, writeFlowVariant } from './runCliForTest.js';

const lines = (...input: string[]) => `${input.join('\n')}\n`;

describe('dialogwerk chat', () => {
  const tmp = tempDir();
  afterAll(() => rmSync(tmp, { recursive: true, force: true }));

  it('holds a conversation over piped stdin and removes its temporary database', async () => {
    const input = lines('1', 'drei', '/vars', 'Termin', '', 'anna@example.ch', 'morgen', 'Nein', '5', 'noch etwas', '/restart', '/quit', 'never read');
    const run = await runCli(['chat', exampleFlowFile], { input, env: { TMPDIR: tmp } });
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain('bot> Grüezi und willkommen bei Malerei Huber!');
    expect(out).toContain('bot> Worum geht es?\n     1. Angebot\n     2. Termin\n     3. Etwas anderes\n     (type a number, a label or your own text)');
    // "1" picked the first choice, so the bot asks the offer branch's question.
    expect(out).toContain('you> 1\nbot> Wie viele Räume sollen gestrichen werden?\n     (expects: number)');
    expect(out).toContain('you> /vars\n  topic = "offer"\n  rooms = 3\n');
    // A label is free text to the engine: "Termin" here is just a name.
    expect(out).toContain('bot> Danke, Termin. Unter welcher E-Mail-Adresse erreichen wir Sie?\n     (expects: email)');
    expect(out).toContain('     1. Ja\n     2. Nein');
    expect(out).toContain('you> 5\nbot> Vielen Dank! Wir melden uns innert zwei Arbeitstagen.\n-- status: ended');
    expect(run.stderr).toContain('error: This conversation has ended.');
    expect(out).toContain('you> /restart\n-- new conversation --\nbot> Grüezi');
    expect(out.trimEnd().endsWith('you> /quit')).toBe(true);
    // tsx keeps its compile cache in TMPDIR too; only our database directory must be gone.
    expect(readdirSync(tmp).filter((name) => name.startsWith('dialogwerk-cli-'))).toEqual([]);
  });

  it('speaks the requested locale and sets declared variables from --context', async () => {
    const context = JSON.stringify({ name: 'Zoe', unknown: 'ignored' });
    const run = await runCli(['chat', exampleFlowFile, '--locale', 'en', '--context', context], { input: lines('Something else', '/vars') });
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('bot> What is it about?\n     1. Quote');
    expect(run.stdout).toContain('you> Something else\nbot> What is your name?');
    expect(run.stdout).toContain('  name = "Zoe"\n  topic = "other"');
    expect(run.stdout).not.toContain('unknown');
  });

  it('refuses an invalid flow with exit 1 and bad options with exit 2', async () => {
    const broken = writeFlowVariant(tmp, 'broken.json', (flow) => {
      flow.start = 'nope';
    });
    const invalid = await runCli(['chat', broken]);
    expect(invalid.code).toBe(1);
    expect(invalid.stdout).toContain('FLOW_START_MISSING');
    const badContext = await runCli(['chat', exampleFlowFile, '--context', '[1]']);
    expect(badContext.code).toBe(2);
    expect(badContext.stderr).toContain('--context must be a JSON object');
  });
});
