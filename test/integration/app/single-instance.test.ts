import { afterEach, describe, expect, it } from 'vitest';
import { spawnPlanner, startHeadlessPlanner, type HeadlessProcess } from '../../support/headless-process';
import { makeTempDir } from '../../support/temp-dir';
import { acquireInstanceLock, PlannerAlreadyRunningError } from '../../../electron/app/instance-lock';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

describe('one planner per data directory', () => {
  const temp = makeTempDir('single');
  let first: HeadlessProcess | null = null;
  afterEach(async () => {
    await first?.stop();
    first = null;
  });

  it('refuses a second start on the same data directory and names the PID of the first', async () => {
    first = await startHeadlessPlanner(temp.path, ['--demo-nodes', '3', '--demo-skus', '30']);
    const second = spawnPlanner(temp.path, ['--demo-nodes', '3', '--demo-skus', '30']);
    const { code, output } = await second.finished;
    expect(code).toBe(2);
    expect(output).toContain(`already running on the data directory ${temp.path} (PID ${first.child.pid})`);
    expect(output).toContain('PLANNER_DATA_DIR');
  });

  it('takes over a lock left behind by a process that no longer exists', () => {
    const dir = makeTempDir('stale-lock');
    writeFileSync(join(dir.path, 'planner.lock'), JSON.stringify({ pid: 2_147_483_000, startedAt: '2026-01-01T00:00:00Z' }));
    const lock = acquireInstanceLock(dir.path);
    expect(() => acquireInstanceLock(dir.path)).not.toThrow(); // same process may re-enter
    lock.release();
    dir.remove();
  });

  it('refuses, in the same process, a lock held by another live process', () => {
    const dir = makeTempDir('live-lock');
    writeFileSync(join(dir.path, 'planner.lock'), JSON.stringify({ pid: process.ppid, startedAt: '2026-01-01T00:00:00Z' }));
    expect(() => acquireInstanceLock(dir.path)).toThrow(PlannerAlreadyRunningError);
    dir.remove();
  });
});
