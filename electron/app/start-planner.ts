import { join } from 'node:path';
import type { RegionProfile } from '../../shared/domain';
import { DEMO_DEFAULTS } from '../../shared/demo';
import type { OdooConnection } from '../services/odoo';
import type { WorkerEntry } from '../services/planning';
import type { SecretStore } from '../services/secrets';
import type { OpenedSettings } from '../services/settings';
import { createPlannerServices, type DemoSize, type PlannerServices } from './compose';
import { resolveDataDirectory } from './data-directory';
import { acquireInstanceLock, type InstanceLock } from './instance-lock';
import { createLog, rememberSecretValue, type Log } from './log';
import { loadRegionProfile } from './region-profile-file';

export interface StartPlannerOptions {
  regionFile: string;
  workerEntry: WorkerEntry;
  appVersion: string;
  demo?: Partial<DemoSize>;
  env?: NodeJS.ProcessEnv;
  /** Where settings and secrets live; the Electron app hands in electron-store and safeStorage. */
  stores?: (dataDir: string) => { settings: OpenedSettings; secrets: SecretStore };
  /**
   * Whether PLANNER_ODOO_* may set the Odoo connection (default yes, for `--with-odoo-sim`). An
   * installed build says no: its Odoo is the embedded profile's, or an audited change in Settings.
   */
  odooFromEnvironment?: boolean;
}

/**
 * A connection given in the environment: only `npm start -- --with-odoo-sim` uses it, to point a
 * demo at the local Odoo stand-in. Real connections are entered in Settings.
 */
export function odooFromEnvironment(env: NodeJS.ProcessEnv): { connection(): Promise<OdooConnection | null>; syncOnStart: boolean } | undefined {
  const { PLANNER_ODOO_URL: url, PLANNER_ODOO_DB: database, PLANNER_ODOO_LOGIN: login, PLANNER_ODOO_API_KEY: apiKey } = env;
  if (!url || !database || !login || !apiKey) return undefined;
  const connection: OdooConnection = { url, database, login, apiKey };
  rememberSecretValue(apiKey);
  return { connection: async () => connection, syncOnStart: env.PLANNER_SYNC_ON_START === '1' };
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
      odoo: options.odooFromEnvironment === false ? undefined : odooFromEnvironment(env),
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
