/**
 * The `canvas` benchmark: the builder's canvas with a generated 500-node flow in Debian's Chromium (software rendering,
 * --disable-gpu), against `dialogwerk serve` in its own process on 127.0.0.1 with a fresh data directory.
 *   - time until the nodes are drawn and fitted, and until interactive (see canvasMetrics.ts), fresh context per run
 *   - a click on a node: input delay and time until the selection is painted
 *   - frame rate while panning by mouse drag, at "fit view" and at 100 % zoom
 *   - gzip size of the login page's initial JavaScript and of the lazily loaded canvas chunk
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { ensureBuilt, launchChromium } from '../../builder/e2e/browserTestkit.js';
import { admin, ADMIN_TOKEN, startDialogwerkServer } from '../turns/servers.js';
import { repositoryRoot } from '../turns/spawnProcess.js';
import { waitForQuiet, watchMachineLoad, type MachineLoad } from '../turns/machineLoad.js';
import type { Row } from '../turns/index.js';
import { measureBundle, type BundleSizes } from './bundleSize.js';
import { median, worst } from './canvasMetrics.js';
import { generateFlow } from './generateFlow.js';
import { measureCanvasRun, type CanvasRun, type PanResult } from './measureCanvas.js';

export const CANVAS_FLOW_ID = 'canvas-bench';
export const CANVAS_GOALS = { interactiveMs: 2_000, fps: 50, initialGzipBytes: 250 * 1000 } as const;

export interface CanvasOptions {
  quick: boolean;
  nodes?: number;
  /** fresh-context runs per viewport (default 5, quick 2) */
  runs?: number;
  quietWaitMs: number;
}

export interface CanvasResults {
  nodes: number;
  edges: number;
  bundle: BundleSizes;
  viewports: Record<string, { runs: CanvasRun[]; summary: ViewportSummary }>;
  machine: MachineLoad & { quietBefore: Awaited<ReturnType<typeof waitForQuiet>> };
  chromium: string;
}

export interface ViewportSummary {
  renderedMs: { median: number; worst: number };
  interactiveMs: { median: number; worst: number };
  clickToPaintMs: { median: number; worst: number };
  fitFps: { median: number; worst: number };
  actualSizeFps: { median: number; worst: number };
  fitVisibleNodes: number;
}

/** Our process and everything it started (the server, Chromium and its helpers), for the machine-load figures. */
function ownProcessTree(): number[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // the process ended meanwhile
    }
  }
  const own = new Set([process.pid]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if (!own.has(pid) && own.has(parent)) {
        own.add(pid);
        grew = true;
      }
    }
  }
  return [...own];
}

const pick = (runs: CanvasRun[], value: (run: CanvasRun) => number, higherIsWorse = true) => {
  const values = runs.map(value);
  return { median: median(values), worst: worst(values, higherIsWorse) };
};

function summarise(runs: CanvasRun[]): ViewportSummary {
  return {
    renderedMs: pick(runs, (run) => run.paintedMs),
    interactiveMs: pick(runs, (run) => run.interactiveMs),
    clickToPaintMs: pick(runs, (run) => run.click.toPaintMs),
    fitFps: pick(runs, (run) => run.fit.movingFps, false),
    actualSizeFps: pick(runs, (run) => run.actualSize.movingFps, false),
    fitVisibleNodes: Math.min(...runs.map((run) => run.fit.visibleNodes)),
  };
}

/** Logs in once through the login link, so every run's fresh context starts with the stored token. */
async function loggedInState(browser: Browser, url: string) {
  const context = await browser.newContext({ locale: 'de-DE' });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/#token=${ADMIN_TOKEN}`);
    await page.getByRole('heading', { level: 1, name: 'Abläufe' }).waitFor({ timeout: 30_000 });
    return await context.storageState();
  } finally {
    await context.close();
  }
}

const ms = (value: number) => `${Math.round(value).toLocaleString('en-US')} ms`;
const fps = (value: number) => `${value.toFixed(1)} fps`;
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} KB`;

function rowsOf(results: CanvasResults): Row[] {
  const rows: Row[] = [];
  for (const [viewport, { runs, summary }] of Object.entries(results.viewports)) {
    const scenario = `canvas ${viewport}`;
    const frames = (pan: (run: CanvasRun) => PanResult) =>
      `${fps(median(runs.map((run) => pan(run).fps)))}; ${ms(median(runs.map((run) => pan(run).medianFrameMs)))} median, ${ms(median(runs.map((run) => pan(run).p95FrameMs)))} p95, ` +
      `${median(runs.map((run) => pan(run).longFrames))} of ${median(runs.map((run) => pan(run).frames))} over 20 ms`;
    rows.push(
      { scenario, metric: `nodes drawn and fitted (median, worst of ${runs.length})`, value: `${ms(summary.renderedMs.median)}, ${ms(summary.renderedMs.worst)}`, goal: '', met: null },
      { scenario, metric: 'time until interactive (median, worst)', value: `${ms(summary.interactiveMs.median)}, ${ms(summary.interactiveMs.worst)}`, goal: '< 2,000 ms', met: summary.interactiveMs.worst < CANVAS_GOALS.interactiveMs },
      { scenario, metric: 'click on a node → selection painted (median, worst)', value: `${ms(summary.clickToPaintMs.median)}, ${ms(summary.clickToPaintMs.worst)}`, goal: '', met: null },
      { scenario, metric: `pan at fit view, ${summary.fitVisibleNodes} nodes visible: moving frames/s (median, worst)`, value: `${fps(summary.fitFps.median)}, ${fps(summary.fitFps.worst)}`, goal: '≥ 50 fps', met: summary.fitFps.worst >= CANVAS_GOALS.fps },
      { scenario, metric: 'pan at fit view: animation frames/s; frame times', value: frames((run) => run.fit), goal: '', met: null },
      { scenario, metric: 'pan at 100 % zoom: moving frames/s (median, worst)', value: `${fps(summary.actualSizeFps.median)}, ${fps(summary.actualSizeFps.worst)}`, goal: '≥ 50 fps', met: summary.actualSizeFps.worst >= CANVAS_GOALS.fps },
      { scenario, metric: 'pan at 100 % zoom: animation frames/s; frame times', value: frames((run) => run.actualSize), goal: '', met: null },
    );
  }
  rows.push(
    { scenario: 'builder', metric: 'login page initial JavaScript (gzip)', value: `${kb(results.bundle.initialGzipBytes)} (${kb(results.bundle.initialBytes)} raw)`, goal: '< 250 KB', met: results.bundle.initialGzipBytes < CANVAS_GOALS.initialGzipBytes },
    { scenario: 'builder', metric: 'canvas chunk, loaded lazily (gzip)', value: kb(results.bundle.canvasGzipBytes), goal: '', met: null },
  );
  return rows;
}

export async function runCanvasBenchmark(options: CanvasOptions, log: (line: string) => void): Promise<{ results: CanvasResults; rows: Row[] }> {
  const runs = options.runs ?? (options.quick ? 2 : 5);
  const panMs = options.quick ? 1_500 : 3_000;
  const viewports = options.quick ? [{ width: 1280, height: 720 }] : [{ width: 1280, height: 720 }, { width: 1920, height: 1080 }];
  ensureBuilt();
  const bundle = measureBundle(path.join(repositoryRoot, 'builder/dist'));
  const flow = generateFlow({ id: CANVAS_FLOW_ID, nodes: options.nodes ?? 500 });
  log(`(canvas) ${flow.nodes.length} nodes, ${flow.edges.length} edges; ${runs} fresh-context runs per viewport, ${panMs / 1000} s per pan …`);

  const server = await startDialogwerkServer({ probe: false });
  let browser: Browser | undefined;
  try {
    const saved = (await admin(server.url, 'PUT', `/v1/flows/${CANVAS_FLOW_ID}`, flow)) as { problems?: { severity: string; code: string }[] };
    const problems = saved.problems ?? [];
    if (problems.length > 0) throw new Error(`the generated flow has problems: ${problems.map((problem) => problem.code).join(', ')}`);
    browser = await launchChromium();
    const storageState = await loggedInState(browser, server.url);
    const quietBefore = await waitForQuiet(ownProcessTree, { maxWaitMs: options.quietWaitMs });
    if (!quietBefore.quiet) log(`  other processes still use ${quietBefore.foreignCores?.toFixed(2)} cores after waiting ${Math.round(quietBefore.waitedMs / 1000)} s; running anyway`);
    const watch = watchMachineLoad(ownProcessTree, 500);
    const byViewport: CanvasResults['viewports'] = {};
    for (const viewport of viewports) {
      const measured: CanvasRun[] = [];
      for (let run = 0; run < runs; run++) {
        const result = await measureCanvasRun(browser, { url: server.url, storageState, flowId: CANVAS_FLOW_ID, nodeCount: flow.nodes.length, viewport, panMs, quietMs: 1_000 });
        if (result.errors.length > 0) throw new Error(`the canvas page reported errors: ${result.errors.slice(0, 3).join('; ')}`);
        log(
          `  ${viewport.width}x${viewport.height} run ${run + 1}/${runs}: drawn ${Math.round(result.paintedMs)} ms, interactive ${Math.round(result.interactiveMs)} ms, ` +
            `click → paint ${Math.round(result.click.toPaintMs)} ms, pan at fit (zoom ${result.fit.zoom.toFixed(2)}, ${result.fit.visibleNodes} visible) ${result.fit.movingFps.toFixed(1)} moving fps ` +
            `(${result.fit.fps.toFixed(1)} animation fps), at 100 % ${result.actualSize.movingFps.toFixed(1)} (${result.actualSize.fps.toFixed(1)})`,
        );
        measured.push(result);
      }
      byViewport[`${viewport.width}x${viewport.height}`] = { runs: measured, summary: summarise(measured) };
    }
    const results: CanvasResults = {
      nodes: flow.nodes.length,
      edges: flow.edges.length,
      bundle,
      viewports: byViewport,
      machine: { ...watch.stop(), quietBefore },
      chromium: browser.version(),
    };
    return { results, rows: rowsOf(results) };
  } finally {
    await browser?.close();
    await server.dispose();
  }
}
