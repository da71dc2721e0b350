import { validateFlow } from '@dialogwerk/nodes';
import { cliCommand } from './cliCommand.js';
import { coreRegistry } from './coreRegistry.js';
import { formatProblem } from './formatProblem.js';
import { readFlowFile } from './readFlowFile.js';

const help = `Usage: dialogwerk validate <flow.json> [--json]

Checks a flow document with the core node registry, the same checks the server runs on save and publish.
Prints every problem: severity, code, path (and node) and message.

Options:
  --json      print the result as JSON: { file, ok, errors, warnings, problems }
  -h, --help  show this help

Exit codes: 0 valid (warnings allowed), 1 the flow has errors, 2 unreadable file or invalid JSON.`;

const plural = (count: number, word: string) => `${count} ${word}${count === 1 ? '' : 's'}`;

export const validateCommand = cliCommand({
  summary: 'validate <flow.json>   check a flow file and list its problems (--json)',
  help,
  options: { json: { type: 'boolean' } },
  positionals: { min: 1, max: 1 },
  run: async ({ values, positionals }) => {
    const file = positionals[0]!;
    const result = validateFlow(readFlowFile(file), coreRegistry());
    const errors = result.problems.filter((problem) => problem.severity === 'error').length;
    const warnings = result.problems.length - errors;
    if (values.json) {
      const problems = result.problems.map((problem) => ({ ...problem, message: problem.message.en, messages: problem.message }));
      process.stdout.write(`${JSON.stringify({ file, ok: result.ok, errors, warnings, problems }, null, 2)}\n`);
    } else {
      const verdict = result.ok ? 'valid' : 'invalid';
      const lines = [`${file}: ${verdict} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`];
      lines.push(...result.problems.map((problem) => `  ${formatProblem(problem)}`));
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    return result.ok ? 0 : 1;
  },
});
