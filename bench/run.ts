/**
 * Runs every benchmark (`turns`: a, b, c; `nodes`: intent-faq, stock, booking, memory; `canvas`: the builder's canvas
 * with a 500-node flow in Chromium), prints a table and writes bench/results/turns-<date>.json.
 *
 *   npm run bench                     full run (about 7 minutes, plus up to a minute per scenario if the machine is busy)
 *   npm run bench -- --quick          short smoke run
 *   npm run bench -- --only=a,c       only some scenarios (a, b, c, intent-faq, stock, booking, memory, canvas)
 *   npm run bench -- --only=nodes     only the node scenarios (intent-faq, stock, booking, memory)
 *   npm run bench -- --only=canvas    only the canvas benchmark (about 2.5 minutes; needs /usr/bin/chromium)
 *   npm run bench -- --rounds=5       rounds of the in-process comparison (default 3)
 *   npm run bench -- --profile        CPU-profile the Dialogwerk server processes (bench/results/profiles/)
 *   npm run bench -- --quiet-wait=S   wait up to S seconds per scenario for other processes to go quiet (default 60, quick 5)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { installExitHandlers, repositoryRoot } from './turns/spawnProcess.js';
import { runTurnsBenchmark, withLoad, type Row } from './turns/index.js';
import { NODE_SCENARIOS, runNodesBenchmark, type NodeScenario } from './nodes/index.js';
import { runCanvasBenchmark, type CanvasResults } from './canvas/index.js';

installExitHandlers();

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string) => args.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const known = /^--(quick|profile|only=.+|rounds=\d+|quiet-wait=\d+)$/;
const unknown = args.filter((arg) => !known.test(arg));
if (unknown.length > 0) {
  console.error(`unknown option(s): ${unknown.join(' ')}\nusage: npm run bench [-- --quick] [--only=a,b,c,intent-faq,stock,booking,memory,canvas|turns|nodes] [--rounds=N] [--profile] [--quiet-wait=S]`);
  process.exit(2);
}

const quick = flag('quick');
const turnScenarios = ['a', 'b', 'c'] as const;
const selected = (option('only') ?? [...turnScenarios, ...NODE_SCENARIOS, 'canvas'].join(','))
  .split(',')
  .map((s) => s.trim())
  .flatMap((s) => (s === 'nodes' ? [...NODE_SCENARIOS] : s === 'turns' ? [...turnScenarios] : [s]));
const allScenarios: string[] = [...turnScenarios, ...NODE_SCENARIOS, 'canvas'];
if (selected.some((scenario) => !allScenarios.includes(scenario))) {
  console.error(`--only takes a comma-separated list of ${allScenarios.join(', ')} (or turns, nodes)`);
  process.exit(2);
}
const only = new Set(selected.filter((s) => (turnScenarios as readonly string[]).includes(s))) as Set<'a' | 'b' | 'c'>;
const onlyNodes = new Set(selected.filter((s) => (NODE_SCENARIOS as readonly string[]).includes(s))) as Set<NodeScenario>;
const resultsDir = path.join(repositoryRoot, 'bench/results');
const stamp = new Date().toISOString().replace(/:/g, '-').replace(/\..+$/, '');
const profileDir = path.join(resultsDir, 'profiles', stamp);
if (flag('profile')) mkdirSync(profileDir, { recursive: true });

function git(...command: string[]): string | undefined {
  try {
    return execFileSync('git', command, { cwd: repositoryRoot, encoding: 'utf8', timeout: 5_000 }).trim();
  } catch {
    return undefined;
  }
}
const revision = {
  commit: git('rev-parse', '--short', 'HEAD'),
  uncommittedFiles: git('status', '--porcelain', '--', 'runtime', 'nodes')?.split('\n').filter(Boolean).length,
  ...(selected.includes('canvas') ? { uncommittedBuilderFiles: git('status', '--porcelain', '--', 'builder')?.split('\n').filter(Boolean).length } : {}),
};

const log = (line: string) => process.stderr.write(`${line}\n`);
log(
  `Dialogwerk benchmarks${quick ? ' (quick)' : ''}: Node ${process.version}, ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), ` +
    `commit ${revision.commit ?? '?'}${revision.uncommittedFiles ? ` + ${revision.uncommittedFiles} uncommitted file(s) in runtime/ and nodes/` : ''}`,
);

const started = Date.now();
const turns = await runTurnsBenchmark(
  {
    quick,
    only,
    engineRounds: Number(option('rounds') ?? 3),
    profileDir: flag('profile') ? profileDir : undefined,
    quietWaitMs: Number(option('quiet-wait') ?? (quick ? 5 : 60)) * 1000,
  },
  log,
);
const quietWaitMs = Number(option('quiet-wait') ?? (quick ? 5 : 60)) * 1000;
const nodeMachine: Record<string, unknown> = {};
const nodes = await runNodesBenchmark({ quick, only: onlyNodes, profileDir: flag('profile') ? profileDir : undefined }, log, async (run) => {
  const measured = await withLoad(quietWaitMs, log, run);
  nodeMachine[Object.keys(nodeMachine).length] = measured.machine;
  return measured;
});
const nodeScenarioNames = [...onlyNodes];
let canvas: { results: CanvasResults; rows: Row[] } | undefined;
if (selected.includes('canvas')) canvas = await runCanvasBenchmark({ quick, quietWaitMs }, log);

function table(rows: Row[]): string {
  const header: Row = { scenario: 'Scenario', metric: 'Metric', value: 'Value', goal: 'Goal', met: null };
  const cells = [header, ...rows].map((row, i) => [row.scenario, row.metric, row.value, row.goal, i === 0 ? 'Met' : row.met === null ? '' : row.met ? 'yes' : 'NO']);
  const widths = cells[0]!.map((_, column) => Math.max(...cells.map((row) => row[column]!.length)));
  const line = (row: string[]) => `| ${row.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ')} |`;
  return [line(cells[0]!), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...cells.slice(1).map(line)].join('\n');
}

const loads: [string, unknown][] = [
  ...Object.entries(turns.results).map(([scenario, result]) => [scenario, (result as { machine: unknown }).machine] as [string, unknown]),
  ...nodeScenarioNames.map((scenario, i) => [scenario, nodeMachine[i]] as [string, unknown]),
  ...(canvas ? [['canvas', canvas.results.machine] as [string, unknown]] : []),
];
const machine = loads.map(([scenario, machineLoad]) => {
  const load = machineLoad as { busyCores?: number; ownCores?: number; foreignCores?: number };
  return `(${scenario}) busy ${load.busyCores?.toFixed(2) ?? '?'} cores, ours ${load.ownCores?.toFixed(2) ?? '?'}, other processes ${load.foreignCores?.toFixed(2) ?? '?'}`;
});

process.stdout.write(`\n${table([...turns.rows, ...nodes.rows, ...(canvas?.rows ?? [])])}\n\nMachine load during the scenarios: ${machine.join('; ')}\n`);
if (quick) process.stdout.write('Quick smoke run: short windows with a cold JIT; judge the goals on a full run only.\n');
if (loads.some(([, load]) => ((load as { foreignCores?: number } | undefined)?.foreignCores ?? 0) > 0.25)) {
  process.stdout.write('WARNING: other processes used more than a quarter core during a scenario; numbers are disturbed.\n');
}

mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `turns-${stamp}.json`);
writeFileSync(
  file,
  `${JSON.stringify(
    {
      benchmark: 'turns',
      quick,
      date: new Date().toISOString(),
      durationS: Math.round((Date.now() - started) / 1000),
      revision,
      machine: { node: process.version, platform: `${os.platform()} ${os.release()}`, cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memoryMiB: Math.round(os.totalmem() / 2 ** 20) },
      rows: [...turns.rows, ...nodes.rows, ...(canvas?.rows ?? [])],
      results: turns.results,
      nodes: { results: nodes.results, machine: Object.fromEntries(nodeScenarioNames.map((scenario, i) => [scenario, nodeMachine[i]])) },
      ...(canvas ? { canvas: canvas.results } : {}),
      ...(flag('profile') ? { profiles: profileDir } : {}),
    },
    null,
    2,
  )}\n`,
);
process.stdout.write(`Results written to ${path.relative(process.cwd(), file)}${flag('profile') ? `; CPU profiles in ${path.relative(process.cwd(), profileDir)}` : ''}\n`);
process.exit(0);
