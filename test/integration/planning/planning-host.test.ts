import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLog } from '../../../electron/app/log';
import { PlanningHost, PlanningJobError, type JobProgress } from '../../../electron/services/planning';
import { openDatabase } from '../../../electron/services/store';
import { makeTempDir } from '../../support/temp-dir';
import { sourceWorkerEntry } from '../../support/worker-entry';

const demo = (nodes: number, skus: number) => ({ seed: 9, nodes, skus, dayZero: '2026-11-27', takenAt: '2026-11-27T07:00:00.000Z', regionCode: 'demo', currency: 'EUR' });
const asOf = { thresholds: { stockMinutes: 60, demandMinutes: 60, supplyMinutes: 60, masterMinutes: 60 }, now: '2026-11-27T07:30:00.000Z' };

describe('the planning worker host', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let host: PlanningHost;
  const progress: JobProgress[] = [];
  beforeEach(() => {
    temp = makeTempDir('planning');
    openDatabase(join(temp.path, 'cache.db')).db.close();
    progress.length = 0;
    host = new PlanningHost(sourceWorkerEntry(), silentLog(), (event) => progress.push(event));
  });
  afterEach(async () => {
    await host.close();
    temp.remove();
  });

  it('loads the network off the main thread and reports progress on the way', async () => {
    const loaded = await host.run('load-network', { dbPath: join(temp.path, 'cache.db'), demo: demo(3, 40) });
    expect(loaded).toMatchObject({ empty: false, source: 'demo', rows: 120 });
    expect(progress.map((event) => event.label)).toEqual(['Reading the local cache', 'Generating the demo network', 'Projecting stock', 'Ready']);
  });

  it('reports a crashed worker as a failed job with its reason, restarts it, and keeps serving', async () => {
    await host.run('load-network', { dbPath: join(temp.path, 'cache.db'), demo: demo(3, 40) });
    const slow = host.run('load-network', { dbPath: join(temp.path, 'other.db'), demo: demo(10, 6000) });
    await new Promise((resolve) => setTimeout(resolve, 150));
    await host.crashWorkerForTest();
    await expect(slow).rejects.toThrow(/planning worker stopped unexpectedly .* while running load-network; it has been restarted/);
    // The restarted worker reloads the network it last had before answering.
    const summary = await host.run('network-summary', asOf);
    expect(summary.nodes.length).toBeGreaterThan(0);
    expect(host.restartCount).toBe(1);
  });

  it('cancels a job on request and never hands back a partial result as complete', async () => {
    const controller = new AbortController();
    const job = host.run('load-network', { dbPath: join(temp.path, 'cache.db'), demo: demo(10, 4000) }, { signal: controller.signal });
    controller.abort();
    await expect(job).rejects.toMatchObject({ cancelled: true });
    await expect(job).rejects.toBeInstanceOf(PlanningJobError);
    await expect(host.run('network-summary', asOf)).rejects.toThrow(/not loaded yet/);
  });

  it('ends a run cancelled when its Cancel came before the run reached the worker, and forgets that cancel once used', async () => {
    // A screen names its run and may cancel it while the service still waits on the network.
    expect(host.cancel('run-early')).toBe(false);
    await expect(host.run('load-network', { dbPath: join(temp.path, 'cache.db'), demo: demo(3, 40) }, { jobId: 'run-early' })).rejects.toMatchObject({ cancelled: true });
    await expect(host.run('network-summary', asOf)).rejects.toThrow(/not loaded yet/);
    // The same name runs normally next time, and other names were never touched.
    await expect(host.run('load-network', { dbPath: join(temp.path, 'cache.db'), demo: demo(3, 40) }, { jobId: 'run-early' })).resolves.toMatchObject({ rows: 120 });
    await expect(host.run('network-summary', asOf, { jobId: 'run-other' })).resolves.toBeDefined();
  });
});
