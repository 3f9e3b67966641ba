import type { Database } from 'better-sqlite3';

/** The cache stayed locked by another writer for longer than a person should wait. */
export class CacheBusyError extends Error {
  constructor(waitedMs: number) {
    super(`the local cache was busy for ${Math.round(waitedMs / 1000)} s (the planner is saving a network)`);
    this.name = 'CacheBusyError';
  }
}

function isBusy(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && (error.code === 'SQLITE_BUSY' || error.code === 'SQLITE_LOCKED');
}

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs a small write on the main process's connection without letting SQLite block the event loop:
 * while the planning worker saves a network it holds the write lock for seconds (one transaction,
 * written in slices), and the connection's busy timeout would freeze the main process meanwhile.
 * Here each attempt fails at once when the cache is locked, and the next is tried a little later.
 */
export async function writeWhenFree<T>(db: Database, write: () => T, options: { maxWaitMs?: number } = {}): Promise<T> {
  const maxWaitMs = options.maxWaitMs ?? 120_000;
  let waited = 0;
  let delay = 20;
  for (;;) {
    const previous = Number(db.pragma('busy_timeout', { simple: true }));
    db.pragma('busy_timeout = 0');
    try {
      return write();
    } catch (error) {
      if (!isBusy(error)) throw error;
    } finally {
      db.pragma(`busy_timeout = ${previous}`);
    }
    if (waited >= maxWaitMs) throw new CacheBusyError(waited);
    await pause(delay);
    waited += delay;
    delay = Math.min(250, delay * 2);
  }
}
