// Preloaded into benchmark server processes (`node --import bench/turns/serverProbe.mjs …`), touching no server
// code: records event-loop stalls, GC pauses and event-loop utilisation per second with wall-clock timestamps, and
// writes them as JSON to $DIALOGWERK_BENCH_PROBE when the process exits. Cost: one 10 ms timer and a GC observer.
// Plain JavaScript because it loads before tsx is registered.
// SIGUSR2 writes a memory snapshot to $DIALOGWERK_BENCH_PROBE.memory.json (after a full GC when --expose-gc is set).
import { renameSync, writeFileSync } from 'node:fs';
import v8 from 'node:v8';
import { performance, PerformanceObserver } from 'node:perf_hooks';

const file = process.env.DIALOGWERK_BENCH_PROBE;
if (file) {
  const TICK_MS = 10;
  const stalls = []; // [epochMs, ms the 10 ms tick came late]
  const gcs = []; // [epochMs, durationMs, kind] (kind 1 = scavenge, 2 = minor mark-sweep, 4 = mark-sweep-compact)
  const elu = []; // [epochMs, utilisation of the second that ended then]
  let last = performance.now();
  const tick = setInterval(() => {
    const now = performance.now();
    const late = now - last - TICK_MS;
    if (late > 20 && stalls.length < 10_000) stalls.push([Date.now(), Math.round(late)]);
    last = now;
  }, TICK_MS);
  tick.unref();
  let previous = performance.eventLoopUtilization();
  const second = setInterval(() => {
    const current = performance.eventLoopUtilization();
    elu.push([Date.now(), Number(performance.eventLoopUtilization(current, previous).utilization.toFixed(3))]);
    previous = current;
  }, 1000);
  second.unref();
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (gcs.length < 200_000) gcs.push([Math.round(performance.timeOrigin + entry.startTime), Number(entry.duration.toFixed(2)), entry.detail?.kind ?? 0]);
    }
  }).observe({ entryTypes: ['gc'] });
  process.on('SIGUSR2', () => {
    const gc = globalThis.gc;
    if (gc) {
      gc();
      gc(); // a second pass frees what the first one's finalizers released
    }
    const memory = process.memoryUsage();
    const heap = v8.getHeapStatistics();
    const snapshot = { at: Date.now(), gc: Boolean(gc), ...memory, heapLimit: heap.heap_size_limit, mallocedMemory: heap.malloced_memory };
    // Written aside and renamed, so the reader never sees half a file.
    writeFileSync(`${file}.memory.tmp`, JSON.stringify(snapshot));
    renameSync(`${file}.memory.tmp`, `${file}.memory.json`);
  });
  process.on('exit', () => {
    try {
      writeFileSync(file, JSON.stringify({ stalls, gcs, elu }));
    } catch {
      // the benchmark reports the probe as missing
    }
  });
}
