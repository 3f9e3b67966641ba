import { join } from 'node:path';
import { localDateOf, type RegionProfile } from '../../shared/domain';
import type { AppDescription, Notice } from '../../shared/ipc';
import type { RequestHandlers } from '../ipc/dispatch';
import { ServiceError } from '../ipc/service-error';
import { PlanningHost, PlanningJobError, type LoadedNetwork, type WorkerEntry } from '../services/planning';
import type { OdooConnection } from '../services/odoo';
import { createPlanningServices } from '../services/scenarios';
import { openDatabase } from '../services/store';
import { SyncController } from '../services/sync';
import type { Log } from './log';
import { PlannerEvents } from './planner-events';

export interface DemoSize {
  seed: number;
  nodes: number;
  skus: number;
}

export interface PlannerOptions {
  dataDir: string;
  profile: RegionProfile;
  workerEntry: WorkerEntry;
  log: Log;
  appVersion: string;
  /** The demo network to show while no Odoo is connected. */
  demo: DemoSize;
  /** Where the Odoo connection comes from; none means demo only. */
  odoo?: { connection(): Promise<OdooConnection | null>; syncOnStart?: boolean };
  now?: () => Date;
}

export interface PlannerServices {
  readonly handlers: RequestHandlers;
  readonly events: PlannerEvents;
  /** Resolves once the network is loaded and projected (or known to be empty). */
  readonly ready: Promise<LoadedNetwork>;
  readonly planning: PlanningHost;
  close(): Promise<void>;
}

/**
 * The one composition root: the Electron app and the headless host both call this and differ only
 * in how requests reach `handlers` and how `events` reach the screen.
 */
export function createPlannerServices(options: PlannerOptions): PlannerServices {
  const { profile, log } = options;
  const now = options.now ?? (() => new Date());
  const events = new PlannerEvents();
  const cachePath = join(options.dataDir, 'cache.db');
  const opened = openDatabase(cachePath);
  const notices: Notice[] = [...opened.notices];
  for (const notice of opened.notices) log.warn({ notice: notice.message }, 'cache notice');

  const planning = new PlanningHost(
    options.workerEntry,
    log,
    (progress) => events.emit('planning.progress', { jobId: progress.jobId, label: progress.label, done: progress.done, total: progress.total }),
    (notice) => {
      notices.push(notice);
      events.emit('app.notice', notice);
    },
  );

  let network: LoadedNetwork | null = null;
  const startedAt = now();
  const ready = planning
    .run('load-network', {
      dbPath: cachePath,
      demo: {
        ...options.demo,
        dayZero: localDateOf(startedAt, profile.timeZone),
        takenAt: startedAt.toISOString(),
        regionCode: profile.code,
        currency: profile.currency,
      },
    })
    .then((loaded) => {
      network = loaded;
      if (loaded.takenAt && loaded.source) events.emit('network.changed', { takenAt: loaded.takenAt, source: loaded.source });
      log.info({ rows: loaded.rows, source: loaded.source }, 'network loaded');
      return loaded;
    });
  ready.catch((error: unknown) => {
    log.error({ err: error }, 'loading the network failed');
    notices.push({ level: 'error', message: `The network could not be loaded: ${error instanceof Error ? error.message : String(error)}` });
  });

  const loadedNetwork = async (): Promise<LoadedNetwork> => {
    let loaded: LoadedNetwork;
    try {
      loaded = await ready;
    } catch (error) {
      throw new ServiceError('unavailable', `The network could not be loaded: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (loaded.empty) throw new ServiceError('not-ready', 'No network is loaded yet. Connect to Odoo in Settings and run a sync.');
    return loaded;
  };

  const sync = new SyncController({
    db: opened.db,
    dbPath: cachePath,
    profile,
    planning,
    log,
    connection: options.odoo?.connection ?? (async () => null),
    onProgress: (progress) => events.emit('sync.progress', progress),
    onCacheReady: (loaded) => {
      network = loaded;
      if (loaded.takenAt && loaded.source) events.emit('network.changed', { takenAt: loaded.takenAt, source: loaded.source });
    },
    onFinished: (outcome, message) => events.emit('sync.finished', { outcome, message }),
  });
  if (options.odoo?.syncOnStart) {
    // The first sync waits for the network to load so the two never race for the worker.
    void ready.then(() => sync.start()).catch((error: unknown) => log.error({ err: error }, 'could not start the first sync'));
  }

  const asOf = (): { thresholds: RegionProfile['freshness']; now: string } => ({ thresholds: profile.freshness, now: now().toISOString() });

  // Scenarios, replenishment and allocation; the network they plan on is the one loaded now (after any sync).
  const planningServices = createPlanningServices({
    db: opened.db,
    planning,
    network: async () => {
      const loaded = await loadedNetwork();
      return network ?? loaded;
    },
    seesCosts: () => true,
    asOf,
    now,
  });

  const planningJob = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      if (error instanceof PlanningJobError) throw new ServiceError(error.cancelled ? 'conflict' : 'unavailable', error.message);
      throw error;
    }
  };

  const handlers: RequestHandlers = {
    'app.describe': async () => {
      const description: AppDescription = {
        appVersion: options.appVersion,
        region: { code: profile.code, name: profile.name, currency: profile.currency, locale: profile.locale, timeZone: profile.timeZone },
        mode: network === null ? (profile.demo ? 'demo' : 'empty') : network.empty ? 'empty' : network.source === 'demo' ? 'demo' : 'odoo',
        dataDirectory: options.dataDir,
        notices: [...notices],
        network: network
          ? { ready: true, nodes: network.nodes, areas: network.areas, demo: network.demo }
          : { ready: false, nodes: [], areas: [], demo: null },
      };
      return description;
    },
    'network.summary': async () => {
      await loadedNetwork();
      return planningJob(() => planning.run('network-summary', asOf()));
    },
    'stock.query': async (query) => {
      await loadedNetwork();
      return planningJob(() => planning.run('stock-page', { ...asOf(), query }));
    },
    'stock.rows': async ({ keys }) => {
      await loadedNetwork();
      return planningJob(() => planning.run('stock-rows', { ...asOf(), keys }));
    },
    'odoo.testConnection': () => sync.testConnection(),
    'sync.start': () => sync.start(),
    'sync.cancel': async () => sync.cancel(),
    'sync.status': () => sync.status(),
    ...planningServices.handlers,
  };

  return {
    handlers,
    events,
    ready,
    planning,
    async close() {
      sync.cancel();
      await planning.close();
      opened.db.close();
    },
  };
}
