import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class PlannerAlreadyRunningError extends Error {
  constructor(
    readonly dataDir: string,
    readonly pid: number,
  ) {
    super(
      `Network Planner is already running on the data directory ${dataDir} (PID ${pid}). ` +
        'Switch to that window, stop it, or set PLANNER_DATA_DIR to use another data directory.',
    );
    this.name = 'PlannerAlreadyRunningError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export interface InstanceLock {
  readonly path: string;
  release(): void;
}

/**
 * One planner per data directory: two writers on one cache and one outbox would push twice.
 * The lock file holds the owner's PID; a lock left by a process that no longer exists is taken over.
 */
export function acquireInstanceLock(dataDir: string): InstanceLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'planner.lock');
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, JSON.stringify({ pid: process.pid, startedAt: new Date().toISOString() }));
      closeSync(fd);
      let released = false;
      const release = (): void => {
        if (released) return;
        released = true;
        process.off('exit', release);
        try {
          const owner = JSON.parse(readFileSync(path, 'utf8')) as { pid?: number };
          if (owner.pid === process.pid) rmSync(path, { force: true });
        } catch {
          // Already gone: nothing to release.
        }
      };
      process.once('exit', release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      let pid: number | undefined;
      try {
        pid = (JSON.parse(readFileSync(path, 'utf8')) as { pid?: number }).pid;
      } catch {
        pid = undefined;
      }
      if (typeof pid === 'number' && pid !== process.pid && isAlive(pid)) throw new PlannerAlreadyRunningError(dataDir, pid);
      rmSync(path, { force: true });
    }
  }
  throw new Error(`Could not take the lock ${path}; another planner may be starting at the same moment. Try again.`);
}
