import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { CacheBusyError, openDatabase, ScenarioStore, writeWhenFree } from '../../../electron/services/store';
import { makeTempDir } from '../../support/temp-dir';

const base = { regionCode: 'demo', takenAt: '2026-01-05T07:00:00.000Z', dayZero: '2026-01-05' };

/** Counts event-loop turns: if a write blocked the thread, none would pass. */
function turns(): { count: number; stop(): void } {
  const state = { count: 0, running: true };
  const spin = (): void => {
    if (!state.running) return;
    state.count++;
    setImmediate(spin);
  };
  setImmediate(spin);
  return {
    get count() {
      return state.count;
    },
    stop: () => void (state.running = false),
  };
}

describe('a scenario write while another connection holds the write lock (the worker saving a network)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let main: Database;
  let worker: Database;
  beforeEach(() => {
    temp = makeTempDir('write-when-free');
    main = openDatabase(`${temp.path}/cache.db`).db;
    worker = openDatabase(`${temp.path}/cache.db`).db;
  });
  afterEach(() => {
    if (worker.inTransaction) worker.exec('ROLLBACK');
    worker.close();
    main.close();
    temp.remove();
  });

  it('waits without blocking the main thread and lands once the lock is released', async () => {
    worker.exec('BEGIN IMMEDIATE');
    const loop = turns();
    const created = writeWhenFree(main, () => new ScenarioStore(main).create({ id: 'sc-1', name: 'Waited', base, at: '2026-01-05T08:00:00.000Z' }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(loop.count).toBeGreaterThan(5);
    expect(new ScenarioStore(main).get('sc-1')).toBeNull();
    worker.exec('COMMIT');
    await expect(created).resolves.toMatchObject({ id: 'sc-1', name: 'Waited' });
    loop.stop();
    // The connection's own busy timeout is as it was.
    expect(main.pragma('busy_timeout', { simple: true })).toBe(5000);
  });

  it('gives up after the longest wait, saying why, and writes nothing', async () => {
    worker.exec('BEGIN IMMEDIATE');
    const attempt = writeWhenFree(main, () => new ScenarioStore(main).create({ id: 'sc-2', name: 'Never', base, at: '2026-01-05T08:00:00.000Z' }), { maxWaitMs: 60 });
    await expect(attempt).rejects.toBeInstanceOf(CacheBusyError);
    await expect(attempt).rejects.toThrow(/the local cache was busy .* saving a network/);
    worker.exec('ROLLBACK');
    expect(new ScenarioStore(main).get('sc-2')).toBeNull();
  });
});
