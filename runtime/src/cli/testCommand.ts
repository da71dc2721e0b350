import path from 'node:path';
import { CliInputError, CliUsageError, cliCommand } from './cliCommand.js';
import { findSpecs } from './findSpecs.js';
import { formatProblem } from './formatProblem.js';
import { SetupError, loadSetupSteps, runSetupSteps } from '../examples/setupSteps.js';
import { FlowInvalidError, createInProcessBot, type InProcessBot } from './inProcessBot.js';
import { loadSpec } from './loadSpec.js';
import { readFlowFile } from './readFlowFile.js';
import { runSpecTest } from './runSpecTest.js';
import type { SpecTestResult } from './specResult.js';
import { jsonReporter, textReporter, type TestReporter } from './testReporters.js';

const help = `Usage: dialogwerk test [specs...] [--reporter text|json]

Runs conversation specs (YAML) against their flows, each test in a fresh conversation on the same engine as the
server, without a server. Arguments are spec files, directories or glob patterns; without any, every
**/*.spec.yaml below the current directory (node_modules and hidden directories excluded). The format is
described in docs/CLI.md.

Options:
  --reporter <name>  text (default; ends with the line "N passed, N failed") or json
  -h, --help         show this help

Exit codes: 0 all passed, 1 a test failed or a spec or its flow is invalid, 2 bad options or no specs found.`;

const failedFile = (file: string, name: string, failures: SpecTestResult['failures']): SpecTestResult =>
  ({ file, name, passed: false, durationMs: 0, failures });

/** Opens the spec's flow once for all its tests; a missing or invalid flow fails the spec as a whole. */
async function openFlow(flowFile: string): Promise<InProcessBot | string> {
  try {
    return await createInProcessBot(readFlowFile(flowFile));
  } catch (error) {
    if (error instanceof CliInputError) return error.message;
    if (error instanceof FlowInvalidError) return [`${error.message}:`, ...error.problems.map(formatProblem)].join('\n');
    throw error;
  }
}

async function runSpecFile(file: string, report: (result: SpecTestResult) => void): Promise<void> {
  const loaded = loadSpec(file);
  if (!loaded.ok) return report(failedFile(file, 'invalid spec', loaded.errors));
  const bot = await openFlow(loaded.flowFile);
  if (typeof bot === 'string') {
    return report(failedFile(file, `flow ${loaded.spec.flow}`, [{ path: 'flow', location: loaded.locate(['flow']), message: bot }]));
  }
  try {
    const setup = loaded.spec.setup;
    if (setup !== undefined) {
      const specDir = path.dirname(file);
      const baseDir = typeof setup === 'string' ? path.dirname(path.resolve(specDir, setup)) : specDir;
      try {
        const steps = typeof setup === 'string' ? loadSetupSteps(path.resolve(specDir, setup)) : setup;
        await runSetupSteps(steps, baseDir, bot.admin);
      } catch (error) {
        if (!(error instanceof SetupError)) throw error;
        return report(failedFile(file, 'setup', [{ path: 'setup', location: loaded.locate(['setup']), message: error.message }]));
      }
    }
    for (const index of loaded.spec.tests.keys()) report(await runSpecTest(bot, loaded, index));
  } finally {
    bot.close();
  }
}

export const testCommand = cliCommand({
  summary: 'test [specs...]        run conversation specs (*.spec.yaml) against their flows (--reporter json)',
  help,
  options: { reporter: { type: 'string', default: 'text' } },
  positionals: { min: 0, max: undefined },
  run: async ({ values, positionals }) => {
    const write = (text: string) => process.stdout.write(text);
    const reporters: Record<string, () => TestReporter> = { text: () => textReporter(write), json: () => jsonReporter(write) };
    const makeReporter = reporters[String(values.reporter)];
    if (!makeReporter) throw new CliUsageError(`unknown reporter "${values.reporter}" (use text or json)`);
    const files = findSpecs(positionals, process.cwd());
    if (!files.length) throw new CliInputError('no spec files found (looked for **/*.spec.yaml)');
    const reporter = makeReporter();
    const totals = { passed: 0, failed: 0 };
    for (const file of files) {
      reporter.file(file);
      await runSpecFile(file, (result) => {
        totals[result.passed ? 'passed' : 'failed']++;
        reporter.result(result);
      });
    }
    reporter.end(totals);
    return totals.failed ? 1 : 0;
  },
});
