import { join } from 'node:path';
import type { RegionProfile } from '../../../shared/domain';
import { silentLog } from '../../../electron/app/log';
import { OdooClient } from '../../../electron/services/odoo';
import { PlanningHost } from '../../../electron/services/planning';
import { NetworkCache, OdooStaging, openDatabase } from '../../../electron/services/store';
import { OdooSync, type SyncProgress } from '../../../electron/services/sync';
import { startOdooSim, type RunningOdooSim } from '../../../tools/odoo-sim';
import { demoProfile } from '../../support/planner-fixture';
import { makeTempDir } from '../../support/temp-dir';
import { sourceWorkerEntry } from '../../support/worker-entry';

export const DAY_ZERO = '2026-11-27';

export interface SyncRig {
  sim: RunningOdooSim;
  profile: RegionProfile;
  client(login?: string, apiKey?: string): OdooClient;
  /** A planner cache (its own data directory and worker) syncing from the shared stand-in. */
  cache(): Promise<CacheRig>;
  close(): Promise<void>;
}

export interface CacheRig {
  dbPath: string;
  sync: OdooSync;
  cache: NetworkCache;
  staging: OdooStaging;
  /** The planning worker holding the network this cache's syncs built. */
  planning: PlanningHost;
  progress: SyncProgress[];
  /** What the planning worker warned of, as the planner would show it. */
  notices: { level: 'warning' | 'error'; message: string }[];
  close(): Promise<void>;
}

export async function syncRig(options: { nodes?: number; skus?: number; seed?: number; version?: 17 | 18 } = {}): Promise<SyncRig> {
  const sim = await startOdooSim({ port: 0, seed: options.seed ?? 11, nodes: options.nodes ?? 3, skus: options.skus ?? 40, odooVersion: options.version ?? 18, dayZero: DAY_ZERO, tz: 'Europe/Amsterdam' });
  const profile = demoProfile();
  const closers: (() => Promise<void>)[] = [];
  return {
    sim,
    profile,
    client(login = 'planner', apiKey?: string) {
      const user = sim.users.find((candidate) => candidate.login === login);
      return new OdooClient({ url: sim.url, database: sim.database, login, apiKey: apiKey ?? user?.apiKey ?? '' }, { timeoutMs: 10_000 });
    },
    async cache() {
      const temp = makeTempDir('sync');
      const dbPath = join(temp.path, 'cache.db');
      const { db } = openDatabase(dbPath);
      const notices: CacheRig['notices'] = [];
      const planning = new PlanningHost(sourceWorkerEntry(), silentLog(), undefined, (notice) => notices.push(notice));
      const progress: SyncProgress[] = [];
      const sync = new OdooSync({ db, dbPath, profile, planning, log: silentLog(), now: () => new Date(`${DAY_ZERO}T09:00:00Z`), onProgress: (event) => progress.push(event) });
      const rig: CacheRig = {
        dbPath,
        sync,
        cache: new NetworkCache(db),
        staging: new OdooStaging(db),
        planning,
        progress,
        notices,
        async close() {
          await planning.close();
          db.close();
          temp.remove();
        },
      };
      closers.push(() => rig.close());
      return rig;
    },
    async close() {
      for (const close of closers) await close().catch(() => {});
      await sim.close();
    },
  };
}
