import { join } from 'node:path';
import type { RegionProfile } from '../../shared/domain';
import { DEMO_DEFAULTS } from '../../shared/demo';
import type { WorkerEntry } from '../services/planning';
import type { SecretStore } from '../services/secrets';
import type { OpenedSettings } from '../services/settings';
import { createPlannerServices, type DemoSize, type PlannerServices } from './compose';
import { resolveDataDirectory } from './data-directory';
import { acquireInstanceLock, type InstanceLock } from './instance-lock';
import { createLog, type Log } from './log';
import { loadRegionProfile } from './region-profile-file';

export interface StartPlannerOptions {
  regionFile: string;
  workerEntry: WorkerEntry;
  appVersion: string;
  demo?: Partial<DemoSize>;
  env?: NodeJS.ProcessEnv;
  /** Where settings and secrets live; the Electron app hands in electron-store and safeStorage. */
  stores?: (dataDir: string) => { settings: OpenedSettings; secrets: SecretStore };
}

export interface StartedPlanner {
  profile: RegionProfile;
  dataDir: string;
  services: PlannerServices;
  log: Log;
  lock: InstanceLock;
  stop(): Promise<void>;
}

function envNumber(value: string | undefined): number | undefined {
  if (value === undefined || value === '') return undefined;
  const parsed = Number(value);
  return Number.isInteger(parsed) ? parsed : undefined;
}

export function demoSizeFrom(options: Partial<DemoSize> | undefined, env: NodeJS.ProcessEnv): DemoSize {
  return {
    seed: options?.seed ?? envNumber(env.PLANNER_DEMO_SEED) ?? DEMO_DEFAULTS.seed,
    nodes: options?.nodes ?? envNumber(env.PLANNER_DEMO_NODES) ?? DEMO_DEFAULTS.nodes,
    skus: options?.skus ?? envNumber(env.PLANNER_DEMO_SKUS) ?? DEMO_DEFAULTS.skus,
  };
}

/**
 * Start-up shared by the Electron app and the headless host: the region profile first (a bad one
 * stops everything), then the data directory and its single-instance lock, then the services.
 */
export function startPlanner(options: StartPlannerOptions): StartedPlanner {
  const env = options.env ?? process.env;
  const profile = loadRegionProfile(options.regionFile);
  const dataDir = resolveDataDirectory(profile.code, env);
  const lock = acquireInstanceLock(dataDir);
  try {
    const log = createLog(dataDir);
    log.info({ region: profile.code, dataDir, version: options.appVersion }, 'starting');
    const services = createPlannerServices({
      dataDir,
      profile,
      workerEntry: options.workerEntry,
      log,
      appVersion: options.appVersion,
      demo: demoSizeFrom(options.demo, env),
      env,
      ...options.stores?.(dataDir),
    });
    return {
      profile,
      dataDir,
      services,
      log,
      lock,
      async stop() {
        await services.close();
        log.flush();
        lock.release();
      },
    };
  } catch (error) {
    lock.release();
    throw error;
  }
}

export function regionFileFor(appRoot: string, regionCode: string): string {
  return join(appRoot, 'regions', `${regionCode}.json`);
}
