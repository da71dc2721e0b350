import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/apiError.js';
import type { FlowDocument } from '../api/types.js';
import { Autosave, type SaveStatus } from './autosave.js';

const doc = (name: string): FlowDocument => ({ format: 'dialogwerk.flow/1', id: 'f', name, locales: ['de'], start: 'a', nodes: [] });

function setup(save: (document: FlowDocument, revision: number) => Promise<{ revision: number; problems: []; warnings: 0 }>) {
  const statuses: SaveStatus['state'][] = [];
  const autosave = new Autosave({ revision: 3, save, onStatus: (status) => statuses.push(status.state), delayMs: 100 });
  return { autosave, statuses };
}

describe('Autosave', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('debounces: many edits become one save of the newest document over the loaded revision', async () => {
    const save = vi.fn(async (_document: FlowDocument, revision: number) => ({ revision: revision + 1, problems: [] as [], warnings: 0 as const }));
    const { autosave, statuses } = setup(save);
    autosave.schedule(() => doc('one'));
    await vi.advanceTimersByTimeAsync(50);
    autosave.schedule(() => doc('two'));
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledWith(doc('two'), 3);
    expect(statuses.at(-1)).toBe('saved');
    autosave.schedule(() => doc('three'));
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenLastCalledWith(doc('three'), 4);
    expect(autosave.revision).toBe(5);
  });

  it('sends an edit made during a save after it, over the new revision', async () => {
    let finish!: () => void;
    const save = vi.fn((_document: FlowDocument, revision: number) => new Promise<{ revision: number; problems: []; warnings: 0 }>((resolve) => (finish = () => resolve({ revision: revision + 1, problems: [], warnings: 0 }))));
    const { autosave } = setup(save);
    autosave.schedule(() => doc('one'));
    await vi.advanceTimersByTimeAsync(100);
    autosave.schedule(() => doc('two'));
    await vi.advanceTimersByTimeAsync(100);
    expect(save).toHaveBeenCalledTimes(1);
    finish();
    await vi.advanceTimersByTimeAsync(0);
    expect(save).toHaveBeenCalledTimes(2);
    expect(save).toHaveBeenLastCalledWith(doc('two'), 4);
  });

  it('stops on a revision conflict and never saves again', async () => {
    const save = vi.fn(async () => {
      throw new ApiError(409, 'FLOW_REVISION_CONFLICT', 'stale');
    });
    const { autosave, statuses } = setup(save);
    autosave.schedule(() => doc('one'));
    await vi.advanceTimersByTimeAsync(100);
    expect(statuses.at(-1)).toBe('conflict');
    autosave.schedule(() => doc('two'));
    await vi.advanceTimersByTimeAsync(1000);
    expect(save).toHaveBeenCalledTimes(1);
    expect(statuses.at(-1)).toBe('conflict');
  });

  it('reports other failures and tries again on the next edit', async () => {
    const save = vi.fn().mockRejectedValueOnce(new ApiError(0, 'NETWORK_ERROR', 'down')).mockResolvedValue({ revision: 4, problems: [], warnings: 0 });
    const { autosave, statuses } = setup(save);
    autosave.schedule(() => doc('one'));
    await vi.advanceTimersByTimeAsync(100);
    expect(statuses.at(-1)).toBe('error');
    autosave.schedule(() => doc('two'));
    await vi.advanceTimersByTimeAsync(100);
    expect(statuses.at(-1)).toBe('saved');
  });

  it('saveNow saves the pending edit at once, retries a failed save, and rejects with a conflict for good', async () => {
    let fail: unknown = new Error('offline');
    const save = vi.fn(async (_document: FlowDocument, revision: number) => {
      if (fail) throw fail;
      return { revision: revision + 1, problems: [] as [], warnings: 0 as const };
    });
    const { autosave } = setup(save);
    autosave.schedule(() => doc('one'));
    await expect(autosave.saveNow(() => doc('one again'))).rejects.toThrow('offline');
    fail = undefined;
    await autosave.saveNow(() => doc('one again'));
    expect(save).toHaveBeenLastCalledWith(doc('one again'), 3);
    await autosave.saveNow(() => doc('unchanged'));
    expect(save).toHaveBeenCalledTimes(2);

    fail = new ApiError(409, 'FLOW_REVISION_CONFLICT', 'changed elsewhere');
    autosave.schedule(() => doc('two'));
    await expect(autosave.saveNow(() => doc('two'))).rejects.toMatchObject({ status: 409 });
    await expect(autosave.saveNow(() => doc('three'))).rejects.toMatchObject({ status: 409 });
    expect(save).toHaveBeenCalledTimes(3);
  });
});
