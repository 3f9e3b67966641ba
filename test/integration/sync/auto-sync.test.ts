import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { silentLog } from '../../../electron/app/log';
import { PlanningHost } from '../../../electron/services/planning';
import { openDatabase } from '../../../electron/services/store';
import { autoSyncMinutesFor, SyncController } from '../../../electron/services/sync/sync-controller';
import { demoProfile } from '../../support/planner-fixture';
import { makeTempDir } from '../../support/temp-dir';
import { sourceWorkerEntry } from '../../support/worker-entry';
import { syncRig, type SyncRig } from './sync-fixture';

describe('keeping Odoo data fresh without anyone clicking', () => {
  let rig: SyncRig;
  beforeAll(async () => {
    rig = await syncRig({ nodes: 2, skus: 20, seed: 4 });
  });
  afterAll(async () => rig.close());

  it('syncs at half the tightest freshness threshold, between 5 and 60 minutes', () => {
    const profile = demoProfile();
    expect(autoSyncMinutesFor({ ...profile, freshness: { stockMinutes: 60, demandMinutes: 60, supplyMinutes: 240, masterMinutes: 1440 } })).toBe(30);
    expect(autoSyncMinutesFor({ ...profile, freshness: { stockMinutes: 4, demandMinutes: 60, supplyMinutes: 240, masterMinutes: 1440 } })).toBe(5);
    expect(autoSyncMinutesFor({ ...profile, freshness: { stockMinutes: 500, demandMinutes: 600, supplyMinutes: 240, masterMinutes: 1440 } })).toBe(60);
  });

  it('runs the next sync by itself after a successful one, and stops when told', async () => {
    const temp = makeTempDir('auto-sync');
    const dbPath = `${temp.path}/cache.db`;
    const { db } = openDatabase(dbPath);
    const planning = new PlanningHost(sourceWorkerEntry(), silentLog());
    const outcomes: string[] = [];
    const planner = rig.sim.users.find((user) => user.login === 'planner');
    const controller = new SyncController({
      db,
      dbPath,
      profile: demoProfile(),
      planning,
      log: silentLog(),
      connection: async () => ({ url: rig.sim.url, database: rig.sim.database, login: 'planner', apiKey: planner?.apiKey ?? '' }),
      onProgress: () => {},
      onCacheReady: () => {},
      onFinished: (outcome) => outcomes.push(outcome),
      autoSyncMinutes: 0.005,
    });
    await controller.start();
    await expect.poll(() => outcomes.length, { timeout: 60_000 }).toBeGreaterThanOrEqual(2);
    expect(outcomes.slice(0, 2)).toEqual(['done', 'done']);
    controller.stop();
    const after = outcomes.length;
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(outcomes.length).toBeLessThanOrEqual(after + 1);
    await planning.close();
    db.close();
    temp.remove();
  });
});
