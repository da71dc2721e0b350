import { Worker } from 'node:worker_threads';

export interface CheckpointReport {
  busy: number;
  log: number;
  done: number;
}

export interface WalCheckpointer {
  /** Resolves after the worker closed its connection. */
  stop(): Promise<void>;
  lastReport(): CheckpointReport | undefined;
  /** Waits for the next completed checkpoint (for tests and shutdown). */
  nextCheckpoint(): Promise<CheckpointReport>;
}

/**
 * Moves WAL checkpoints off the event loop. SQLite's automatic checkpoint runs inside whichever commit crosses the
 * threshold, which stalled the group commit for 20–35 ms at a time (measured); here a worker thread checkpoints
 * every `intervalMs` on its own connection (PASSIVE: it never blocks writers), and the server's connection has
 * `wal_autocheckpoint=0`.
 */
export async function startWalCheckpointer(url: string, intervalMs = 500, onError?: (message: string) => void): Promise<WalCheckpointer> {
  const worker = new Worker(new URL('./walCheckpointWorker.js', import.meta.url), { workerData: { url, intervalMs } });
  let last: CheckpointReport | undefined;
  let waiters: ((report: CheckpointReport) => void)[] = [];
  await new Promise<void>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: { type: string } & Partial<CheckpointReport> & { message?: string }) => {
      if (message.type === 'ready') resolve();
      if (message.type === 'checkpointed') {
        last = { busy: message.busy!, log: message.log!, done: message.done! };
        const pending = waiters;
        waiters = [];
        for (const waiter of pending) waiter(last);
      }
      if (message.type === 'error') onError?.(message.message ?? 'checkpoint failed');
    });
  });
  // After the listeners: attaching a 'message' listener refs the port again, and the checkpointer must never be the
  // reason a process stays alive.
  worker.unref();
  return {
    lastReport: () => last,
    nextCheckpoint: () => new Promise((resolve) => waiters.push(resolve)),
    stop: async () => {
      const stopped = new Promise<void>((resolve) => {
        worker.on('message', (message: { type: string }) => {
          if (message.type === 'stopped') resolve();
        });
        worker.once('exit', () => resolve());
      });
      // Waiting for the worker must keep the process alive, or a shutdown would end mid-close.
      worker.ref();
      worker.postMessage('stop');
      await stopped;
      await worker.terminate();
    },
  };
}
