import { readFileSync } from 'node:fs';
import { parseRegionProfile, type RegionProfile } from '../../shared/domain';
import { createPlannerServices, type PlannerServices } from '../../electron/app/compose';
import { silentLog, type Log } from '../../electron/app/log';
import { makeTempDir } from './temp-dir';
import { sourceWorkerEntry } from './worker-entry';

export function regionProfile(code: string): RegionProfile {
  const parsed = parseRegionProfile(JSON.parse(readFileSync(new URL(`../../regions/${code}.json`, import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error(`regions/${code}.json is invalid`);
  return parsed.profile;
}

export function demoProfile(): RegionProfile {
  return regionProfile('demo');
}

export interface TestPlanner {
  services: PlannerServices;
  dataDir: string;
  /** Where the headless secret store keeps its key: a folder of its own, outside the data directory. */
  keyDir: string;
  profile: RegionProfile;
  stop(): Promise<void>;
}

/** The real services on a small demo network in a temporary data directory. */
export async function startTestPlanner(
  options: { nodes?: number; skus?: number; seed?: number; dataDir?: string; keyDir?: string; now?: () => Date; profile?: RegionProfile; log?: Log } = {},
): Promise<TestPlanner> {
  const temp = options.dataDir ? null : makeTempDir();
  const keys = options.keyDir ? null : makeTempDir('planner-keys');
  const dataDir = options.dataDir ?? temp?.path ?? '';
  const keyDir = options.keyDir ?? keys?.path ?? '';
  const profile = options.profile ?? demoProfile();
  const services = createPlannerServices({
    dataDir,
    profile,
    workerEntry: sourceWorkerEntry(),
    log: options.log ?? silentLog(),
    appVersion: '0.0.0-test',
    demo: { seed: options.seed ?? 7, nodes: options.nodes ?? 4, skus: options.skus ?? 60 },
    now: options.now,
    env: { ...process.env, PLANNER_KEY_DIR: keyDir },
  });
  await services.ready;
  return {
    services,
    dataDir,
    keyDir,
    profile,
    async stop() {
      await services.close();
      temp?.remove();
      keys?.remove();
    },
  };
}
