/**
 * What the canvas benchmark records inside the page. `installProbe` runs as an init script before any of the page's
 * own scripts (so it sees every long task from navigation start); the other functions run through `page.evaluate`.
 * All times are `performance.now()` milliseconds, i.e. since the navigation started.
 */

export interface ProbeState {
  expectedNodes: number;
  /** [startTime, duration] of every long task (main-thread task over 50 ms) */
  longTasks: [number, number][];
  /** first animation frame in which the nodes were in the DOM, measured (not hidden) and the viewport fitted (see below) */
  renderedAt: number | null;
  /** the frame after that one: the rendered state has been painted */
  paintedAt: number | null;
  renderedNodes: number;
  /** pointerdown events as the page saw them: the event's own time stamp and when the first listener ran */
  inputs: { timeStamp: number; handledAt: number }[];
  frames: FrameRecording | null;
  /** set by the click measurement: the frame after the clicked node showed as selected */
  selectedPaintedAt?: number;
}

/** Animation frames of a recording window; the window is what the page saw, from start to stop. */
export interface FrameRecording {
  times: number[];
  transforms: number;
  startedAt: number;
  stoppedAt: number;
}

declare global {
  interface Window {
    __canvasBench: ProbeState;
  }
}

/** Init script: long-task observer, pointerdown timing, and a per-frame check for the drawn and fitted canvas. */
export function installProbe(expectedNodes: number): void {
  const state: ProbeState = { expectedNodes, longTasks: [], renderedAt: null, paintedAt: null, renderedNodes: 0, inputs: [], frames: null };
  window.__canvasBench = state;
  try {
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) state.longTasks.push([entry.startTime, entry.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    // no Long Tasks API: the benchmark reports the missing entries as an error
  }
  addEventListener('pointerdown', (event) => state.inputs.push({ timeStamp: event.timeStamp, handledAt: performance.now() }), { capture: true });
  if (!location.pathname.endsWith('/canvas')) return;
  const deadline = performance.now() + 60_000;
  let previous = '';
  // Drawn: React Flow has measured every node it put in the DOM (it hides a node until then), the viewport is fitted
  // (no longer the initial scale 1), and neither changed since the frame before. With all nodes in the DOM this is the
  // frame after all `expectedNodes` appeared; with `onlyRenderVisibleElements` it is when the visible ones are there.
  const check = () => {
    if (performance.now() > deadline) return;
    const nodes = document.querySelectorAll<HTMLElement>('.react-flow__node');
    const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
    const measured = nodes.length > 0 && [...nodes].every((node) => node.style.visibility !== 'hidden');
    const fitted = transform !== '' && !/scale\(1\)$/.test(transform);
    const snapshot = `${nodes.length} ${transform}`;
    if (measured && fitted && snapshot === previous) {
      state.renderedAt = performance.now();
      state.renderedNodes = nodes.length;
      requestAnimationFrame(() => (state.paintedAt = performance.now()));
      return;
    }
    previous = measured && fitted ? snapshot : '';
    requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
}

/** Starts recording every animation frame's time and how many frames showed a new viewport transform. */
export function startFrameRecording(): void {
  const frames: FrameRecording = { times: [], transforms: 0, startedAt: performance.now(), stoppedAt: Number.NaN };
  window.__canvasBench.frames = frames;
  const viewport = document.querySelector<HTMLElement>('.react-flow__viewport');
  let last = viewport?.style.transform;
  const tick = (time: number) => {
    if (window.__canvasBench.frames !== frames) return;
    frames.times.push(time);
    const now = viewport?.style.transform;
    if (now !== last) frames.transforms += 1;
    last = now;
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Stops the recording; runs once the page has handled what was queued before it, so the window covers all of that. */
export function stopFrameRecording(): FrameRecording {
  const frames = window.__canvasBench.frames ?? { times: [], transforms: 0, startedAt: performance.now(), stoppedAt: Number.NaN };
  window.__canvasBench.frames = null;
  return { ...frames, stoppedAt: performance.now() };
}

/** The viewport's zoom (React Flow's transform `translate(x, y) scale(k)`). */
export function currentZoom(): number {
  const transform = document.querySelector<HTMLElement>('.react-flow__viewport')?.style.transform ?? '';
  return Number(/scale\(([\d.e-]+)\)/.exec(transform)?.[1] ?? NaN);
}

/** How many nodes lie (at least partly) inside the pane right now. */
export function visibleNodeCount(): number {
  const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
  return [...document.querySelectorAll('.react-flow__node')].filter((node) => {
    const box = node.getBoundingClientRect();
    return box.right > pane.left && box.left < pane.right && box.bottom > pane.top && box.top < pane.bottom;
  }).length;
}

/**
 * A point on the empty pane (not on a node, edge, handle, the minimap or the controls) near the pane's centre, where a
 * drag pans the canvas; null when there is none.
 */
export function emptyPanePoint(): { x: number; y: number } | null {
  const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
  const cx = pane.left + pane.width / 2;
  const cy = pane.top + pane.height / 2;
  for (let radius = 0; radius < Math.min(pane.width, pane.height) / 2; radius += 8) {
    for (let step = 0; step < 16; step++) {
      const angle = (step / 16) * 2 * Math.PI;
      const x = Math.round(cx + radius * Math.cos(angle));
      const y = Math.round(cy + radius * Math.sin(angle));
      if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    }
  }
  return null;
}
