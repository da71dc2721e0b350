import type { Browser, BrowserContext, Page } from 'playwright-core';
import { frameStats, timeToInteractive, type FrameStats } from './canvasMetrics.js';
import { currentZoom, emptyPanePoint, installProbe, startFrameRecording, stopFrameRecording, visibleNodeCount, type ProbeState } from './pageProbe.js';

/** One fresh browser context opening the canvas of the benchmark flow: load, first input, panning at two zoom levels. */

export interface CanvasRunOptions {
  url: string;
  /** localStorage of a logged-in builder (the admin token), taken from a real login */
  storageState: Awaited<ReturnType<BrowserContext['storageState']>>;
  flowId: string;
  nodeCount: number;
  viewport: { width: number; height: number };
  /** how long each pan lasts */
  panMs: number;
  /** the long-task-free window that ends "time until interactive" */
  quietMs: number;
  /** called on each fresh context before the page opens, e.g. to route the builder's files to an experimental build */
  prepareContext?: (context: BrowserContext) => Promise<void>;
}

export interface PanResult extends FrameStats {
  zoom: number;
  visibleNodes: number;
  /** frames in which the viewport showed a new position */
  movedFrames: number;
  /** movedFrames per second: how often the picture actually moved, the pan's effective frame rate */
  movingFps: number;
  /** mouse moves sent during the pan */
  mouseMoves: number;
}

export interface CanvasRun {
  viewport: string;
  /** navigation start → all nodes in the DOM, measured and the viewport fitted (the frame after: painted) */
  renderedMs: number;
  paintedMs: number;
  /** navigation start → end of the last long task before a quiet window (see canvasMetrics.ts) */
  interactiveMs: number;
  longTasks: { count: number; totalMs: number; longestMs: number };
  /** a click on a node after the page became interactive: event → handler, and event → selection painted */
  click: { inputDelayMs: number; toPaintMs: number };
  nodesInDom: number;
  fit: PanResult;
  actualSize: PanResult;
  errors: string[];
}

// tsx compiles functions with esbuild's keepNames, which wraps inner functions in `__name(...)`; functions handed to the
// page need that helper there too.
const NAME_SHIM = 'globalThis.__name = globalThis.__name || ((target) => target);';

const probe = (page: Page) => page.evaluate(() => window.__canvasBench) as Promise<ProbeState>;

async function newCanvasPage(browser: Browser, options: CanvasRunOptions): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await browser.newContext({ locale: 'de-DE', viewport: options.viewport, storageState: options.storageState });
  await context.addInitScript({ content: NAME_SHIM });
  await context.addInitScript(installProbe, options.nodeCount);
  await options.prepareContext?.(context);
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  const errors: string[] = [];
  page.on('console', (message) => message.type() === 'error' && errors.push(`console: ${message.text()}`));
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  return { context, page, errors };
}

async function waitForInteractive(page: Page, quietMs: number): Promise<{ renderedAt: number; paintedAt: number; interactive: number; state: ProbeState }> {
  await page.waitForFunction(() => window.__canvasBench?.paintedAt !== null, undefined, { polling: 50, timeout: 60_000 });
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; ) {
    const [state, now] = await Promise.all([probe(page), page.evaluate(() => performance.now())]);
    const interactive = timeToInteractive(state.paintedAt!, state.longTasks, quietMs, now);
    if (interactive !== null) return { renderedAt: state.renderedAt!, paintedAt: state.paintedAt!, interactive, state };
    await page.waitForTimeout(100);
  }
  throw new Error('the canvas did not become quiet within 60 s');
}

/** Clicks a node in the pane and times the event → handler and event → painted selection. */
async function clickNode(page: Page): Promise<CanvasRun['click']> {
  const target = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const node = [...document.querySelectorAll<HTMLElement>('.react-flow__node')].find((candidate) => {
      const box = candidate.getBoundingClientRect();
      return box.left > pane.left + 20 && box.right < pane.right - 200 && box.top > pane.top + 20 && box.bottom < pane.bottom - 20;
    });
    if (!node) return null;
    const box = node.querySelector('.flow-node-head')!.getBoundingClientRect();
    return { id: node.dataset.id!, x: box.left + box.width / 2, y: box.top + box.height / 2 };
  });
  if (!target) throw new Error('no node fully inside the pane to click');
  const before = (await probe(page)).inputs.length;
  await page.evaluate((id) => {
    const node = document.querySelector(`.react-flow__node[data-id="${CSS.escape(id)}"]`)!;
    const state = window.__canvasBench;
    const check = () => (node.querySelector('.flow-node.is-selected') ? requestAnimationFrame(() => (state.selectedPaintedAt = performance.now())) : requestAnimationFrame(check));
    requestAnimationFrame(check);
  }, target.id);
  await page.mouse.click(target.x, target.y);
  await page.waitForFunction(() => window.__canvasBench.selectedPaintedAt !== undefined, undefined, { polling: 50 });
  const state = await probe(page);
  const input = state.inputs[before];
  if (!input) throw new Error('the click reached no pointerdown listener');
  return { inputDelayMs: input.handledAt - input.timeStamp, toPaintMs: state.selectedPaintedAt! - input.timeStamp };
}

/**
 * Drags the empty pane in circles for `durationMs` while the page records its frames. The moves go straight to the
 * browser's input pipeline every 8 ms (a 125 Hz mouse) without waiting for each to be handled, as a real mouse's do;
 * moves the page cannot keep up with queue up in Chromium (which coalesces some of them), as they would there.
 */
export async function pan(page: Page, durationMs: number): Promise<PanResult> {
  const start = await page.evaluate(emptyPanePoint);
  if (!start) throw new Error('no empty spot on the pane to start a pan');
  const zoom = await page.evaluate(currentZoom);
  const visibleNodes = await page.evaluate(visibleNodeCount);
  const cdp = await page.context().newCDPSession(page);
  const mouse = (type: 'mouseMoved' | 'mousePressed' | 'mouseReleased', x: number, y: number) =>
    cdp.send('Input.dispatchMouseEvent', { type, x, y, button: 'left', buttons: type === 'mouseReleased' ? 0 : 1, clickCount: type === 'mouseMoved' ? 0 : 1 });
  try {
    await cdp.send('Input.dispatchMouseEvent', { type: 'mouseMoved', x: start.x, y: start.y });
    await mouse('mousePressed', start.x, start.y);
    await page.evaluate(startFrameRecording);
    const sent: Promise<unknown>[] = [];
    const began = Date.now();
    let last = start;
    // circles of 120 px radius, one turn per second, so the content stays in view and keeps moving
    await new Promise<void>((resolve) => {
      const timer = setInterval(() => {
        const elapsed = Date.now() - began;
        if (elapsed >= durationMs) {
          clearInterval(timer);
          resolve();
          return;
        }
        const angle = (elapsed / 1000) * 2 * Math.PI;
        last = { x: start.x + 120 * Math.sin(angle), y: start.y - 120 + 120 * Math.cos(angle) };
        sent.push(mouse('mouseMoved', last.x, last.y));
      }, 8);
    });
    await Promise.all(sent);
    const frames = await page.evaluate(stopFrameRecording);
    await mouse('mouseReleased', last.x, last.y);
    const stats = frameStats(frames.times, frames.stoppedAt - frames.startedAt);
    const movingFps = stats.durationMs > 0 ? (frames.transforms * 1000) / stats.durationMs : Number.NaN;
    return { ...stats, zoom, visibleNodes, movedFrames: frames.transforms, movingFps, mouseMoves: sent.length };
  } finally {
    await cdp.detach();
  }
}

/** Zooms with the mouse wheel over the pane's empty centre until the zoom is within 3 % of 1 (100 %). */
export async function zoomToActualSize(page: Page): Promise<void> {
  for (let attempt = 0; attempt < 8; attempt++) {
    const zoom = await page.evaluate(currentZoom);
    if (Math.abs(zoom - 1) < 0.03) return;
    const point = (await page.evaluate(emptyPanePoint)) ?? { x: 0, y: 0 };
    await page.mouse.move(point.x, point.y);
    // React Flow zooms by 2^(-deltaY · 0.002) per wheel event with pixel deltas
    await page.mouse.wheel(0, -Math.log2(1 / zoom) / 0.002);
    await page.waitForTimeout(300);
  }
  throw new Error(`could not zoom to 100 % (zoom ${await page.evaluate(currentZoom)})`);
}

export async function measureCanvasRun(browser: Browser, options: CanvasRunOptions): Promise<CanvasRun> {
  const { context, page, errors } = await newCanvasPage(browser, options);
  try {
    await page.goto(`${options.url}/flows/${encodeURIComponent(options.flowId)}/canvas`, { waitUntil: 'commit' });
    const { renderedAt, paintedAt, interactive, state } = await waitForInteractive(page, options.quietMs);
    const before = state.longTasks.filter(([start]) => start < interactive);
    const longTasks = {
      count: before.length,
      totalMs: before.reduce((sum, [, duration]) => sum + duration, 0),
      longestMs: Math.max(0, ...before.map(([, duration]) => duration)),
    };
    const click = await clickNode(page);
    await page.keyboard.press('Escape');
    await page.waitForTimeout(500);
    const fit = await pan(page, options.panMs);
    await zoomToActualSize(page);
    await page.waitForTimeout(500);
    const actualSize = await pan(page, options.panMs);
    return {
      viewport: `${options.viewport.width}x${options.viewport.height}`,
      renderedMs: renderedAt,
      paintedMs: paintedAt,
      interactiveMs: interactive,
      longTasks,
      click,
      nodesInDom: state.renderedNodes,
      fit,
      actualSize,
      errors,
    };
  } finally {
    await context.close();
  }
}
