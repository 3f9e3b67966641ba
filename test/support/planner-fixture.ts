import { readFileSync } from 'node:fs';
import { parseRegionProfile, type RegionProfile } from '../../shared/domain';
import { createPlannerServices, type PlannerServices } from '../../electron/app/compose';
import { silentLog } from '../../electron/app/log';
import { makeTempDir } from './temp-dir';
import { sourceWorkerEntry } from './worker-entry';

export function demoProfile(): RegionProfile {
  const parsed = parseRegionProfile(JSON.parse(readFileSync(new URL('../../regions/demo.json', import.meta.url), 'utf8')));
  if (!parsed.ok) throw new Error('regions/demo.json is invalid');
  return parsed.profile;
}

export interface TestPlanner {
  services: PlannerServices;
  dataDir: string;
  profile: RegionProfile;
  stop(): Promise<void>;
}

/** The real services on a small demo network in a temporary data directory. */
export async function startTestPlanner(options: { nodes?: number; skus?: number; seed?: number; dataDir?: string; now?: () => Date } = {}): Promise<TestPlanner> {
  const temp = options.dataDir ? null : makeTempDir();
  const dataDir = options.dataDir ?? temp?.path ?? '';
  const profile = demoProfile();
  const services = createPlannerServices({
    dataDir,
    profile,
    workerEntry: sourceWorkerEntry(),
    log: silentLog(),
    appVersion: '0.0.0-test',
    demo: { seed: options.seed ?? 7, nodes: options.nodes ?? 4, skus: options.skus ?? 60 },
    now: options.now,
  });
  await services.ready;
  return {
    services,
    dataDir,
    profile,
    async stop() {
      await services.close();
      temp?.remove();
    },
  };
}
