import { join } from 'node:path';
import { ulid } from 'ulid';
import { localDateOf, type RegionProfile } from '../../shared/domain';
import type { AppDescription, Notice } from '../../shared/ipc';
import type { RequestHandlers } from '../ipc/dispatch';
import { ServiceError } from '../ipc/service-error';
import { ApprovalExchange, ApprovalService, approvalHandlers, DeviceKeys, OdooExchange, type ApprovedLineSink } from '../services/approvals';
import { OutboxApprovedLineSink } from './approved-lines-to-outbox';
import { AuditLog } from '../services/audit';
import { costSortIn, Identity, stockPageFor, stockRowsFor, summaryFor } from '../services/identity';
import { PlanningHost, PlanningJobError, type LoadedNetwork, type WorkerEntry } from '../services/planning';
import type { OdooConnection } from '../services/odoo';
import { encryptedFileSecretStore, ODOO_API_KEY, type SecretStore } from '../services/secrets';
import { connectionNotices, describeSettings, openConfSettings, PlannerSettings, settingsHandlers, type OpenedSettings } from '../services/settings';
import { OutboxService } from '../services/outbox';
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
  /** Electron: electron-store; default: conf, in the data directory. */
  settings?: OpenedSettings;
  /** Electron: safeStorage; default: the encrypted file whose key lives outside the data directory. */
  secrets?: SecretStore;
  env?: NodeJS.ProcessEnv;
  /**
   * Where approved lines go, inside the decision's transaction. Default: a stub that records them
   * in `approval_handoffs` until the outbox is merged (see electron/services/approvals/approved-line-sink.ts).
   */
  approvedLines?: ApprovedLineSink;
}

export interface PlannerServices {
  readonly handlers: RequestHandlers;
  readonly events: PlannerEvents;
  /** Resolves once the network is loaded and projected (or known to be empty). */
  readonly ready: Promise<LoadedNetwork>;
  readonly planning: PlanningHost;
  readonly audit: AuditLog;
  readonly settings: PlannerSettings;
  readonly identity: Identity;
  /** Approved work on its way to Odoo; the approvals half enqueues here. */
  readonly outbox: OutboxService;
  readonly approvals: ApprovalService;
  readonly exchange: ApprovalExchange;
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
  const audit = new AuditLog(opened.db);
  const openedSettings = options.settings ?? openConfSettings(options.dataDir);
  for (const message of openedSettings.notices) {
    notices.push({ level: 'warning', message });
    log.warn({ notice: message }, 'settings notice');
  }
  const secrets = options.secrets ?? encryptedFileSecretStore(options.dataDir, options.env);
  try {
    // Reading the stored key once teaches the log scrubber its value before anything could echo it.
    secrets.read(ODOO_API_KEY);
  } catch (error) {
    log.warn({ err: error }, 'the stored Odoo API key cannot be read; it has to be entered again');
  }
  const settings = new PlannerSettings({ profile, store: openedSettings.store, secrets, audit, now });

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
  const mode = (): AppDescription['mode'] =>
    network === null ? (profile.demo ? 'demo' : 'empty') : network.empty ? 'empty' : network.source === 'demo' ? 'demo' : 'odoo';
  // The connection entered in Settings: the region's server (or the audited change), the login, and
  // the key kept in the secret store. Read at the moment of use, so a change applies to the next call.
  const settingsConnection = async (): Promise<OdooConnection | null> => {
    const connection = settings.odooConnection();
    if (!connection?.login) return null;
    const apiKey = secrets.read(ODOO_API_KEY);
    return apiKey ? { url: connection.url, database: connection.database, login: connection.login, apiKey } : null;
  };
  // A development run's connection (`--with-odoo-sim`) comes from the environment; its login is
  // known once the connection has been read.
  let environmentLogin: { url: string; database: string; login: string } | null = null;
  // The sync, the outbox and identity checks always talk to the same Odoo as the same user.
  const odooConnection = async (): Promise<OdooConnection | null> => {
    if (!options.odoo) return settingsConnection();
    const connection = await options.odoo.connection();
    environmentLogin = connection ? { url: connection.url, database: connection.database, login: connection.login } : null;
    return connection;
  };
  const configuredLogin = (): { url: string; database: string; login: string } | null => {
    if (options.odoo) return environmentLogin;
    const connection = settings.odooConnection();
    return connection?.login ? { url: connection.url, database: connection.database, login: connection.login } : null;
  };
  // Demo users apply to the demo network only; Odoo data is for the Odoo login, as Odoo verified it.
  const identity = new Identity({ profile, settings, showsDemo: () => mode() === 'demo', secrets, odooConnection, configuredLogin, now });
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
      if (loaded.takenAt && loaded.source) events.emit('network.changed', { takenAt: loaded.takenAt, source: loaded.source, firstLoad: true });
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

  /** Asks Odoo who is at the desk; offline, the last verified identity stays. */
  const verifyIdentity = async (why: string): Promise<void> => {
    if (!(await odooConnection().catch(() => null))) return;
    try {
      const user = await identity.verifyWithOdoo();
      log.info({ why, login: user?.login ?? null, roles: user?.roles.map((role) => role.code) ?? [] }, 'Odoo verified the login');
    } catch (error) {
      log.warn({ why, err: error }, 'the Odoo login could not be verified; the last verified identity stands');
    }
    // The screens re-read who is at the desk (and whether costs reach them).
    events.emit('approvals.changed', { batchId: null });
  };

  const sync = new SyncController({
    db: opened.db,
    dbPath: cachePath,
    profile,
    planning,
    log,
    connection: odooConnection,
    onProgress: (progress) => events.emit('sync.progress', progress),
    onCacheReady: (loaded) => {
      network = loaded;
      if (loaded.takenAt && loaded.source) events.emit('network.changed', { takenAt: loaded.takenAt, source: loaded.source, firstLoad: false });
    },
    onFinished: (outcome, message) => {
      events.emit('sync.finished', { outcome, message });
      if (outcome === 'done') void verifyIdentity('after a sync');
    },
  });
  // Who is at the desk is verified whenever Odoo may be reachable: at start and after each sync.
  void ready.then(() => verifyIdentity('at start')).catch(() => undefined);

  const deviceKeys: DeviceKeys = new DeviceKeys(secrets, (): string => approvals.deviceId(), now);
  const approvals: ApprovalService = new ApprovalService({
    db: opened.db,
    audit,
    profile,
    keys: deviceKeys,
    sink: options.approvedLines ?? new OutboxApprovedLineSink(profile, (event) => void audit.append(event), now),
    now,
    shownNetwork: () => (network?.takenAt ? { takenAt: network.takenAt } : null),
  });
  const exchange = new ApprovalExchange({ service: approvals, keys: deviceKeys, audit, roles: identity, now, newId: () => ulid() });
  const odooExchange = new OdooExchange({ service: approvals, exchange, connection: odooConnection, showsDemo: () => mode() === 'demo', log, now });
  if (options.odoo?.syncOnStart) {
    // The first sync waits for the network to load so the two never race for the worker.
    void ready.then(() => sync.start()).catch((error: unknown) => log.error({ err: error }, 'could not start the first sync'));
  } else {
    // A cache that already holds Odoo data is brought up to date at start, then kept so.
    void ready
      .then((loaded) => (loaded.source === 'odoo' ? sync.startIfConnected() : undefined))
      .catch((error: unknown) => log.warn({ err: error }, 'could not start the sync at start-up'));
  }

  const outbox = new OutboxService({
    db: opened.db,
    profile,
    log,
    // The outbox keeps real time (backoff, retry times), whatever clock the screens are given.
    connection: odooConnection,
    // Every command event joins the hash-chained audit log, in the transaction of the change it records.
    recordEvent: (event) => void audit.append(event),
    onStatus: (status) => events.emit('outbox.changed', status),
    onBatchInOdoo: (notice) => events.emit('outbox.batchInOdoo', notice),
  });
  outbox.start();

  const asOf = (): { thresholds: RegionProfile['freshness']; now: string } => ({ thresholds: profile.freshness, now: now().toISOString() });

  // Scenarios, replenishment and allocation; the network they plan on is the one loaded now (after any sync).
  const planningServices = createPlanningServices({
    db: opened.db,
    planning,
    network: async () => {
      const loaded = await loadedNetwork();
      return network ?? loaded;
    },
    seesCosts: () => identity.seesCosts(),
    asOf,
    submittedOrders: () => approvals.openOrdersNow(),
    openOrdersByPlace: () => approvals.openOrdersByPlaceNow(),
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
      const user = identity.current();
      const description: AppDescription = {
        appVersion: options.appVersion,
        region: { code: profile.code, name: profile.name, currency: profile.currency, locale: profile.locale, timeZone: profile.timeZone },
        mode: mode(),
        dataDirectory: options.dataDir,
        notices: [...connectionNotices(settings, profile), ...notices],
        user: user ? { login: user.login, name: user.name, seesCosts: user.seesCosts } : null,
        network: network
          ? { ready: true, nodes: network.nodes, areas: network.areas, demo: network.demo }
          : { ready: false, nodes: [], areas: [], demo: null },
      };
      return description;
    },
    // Cost figures are removed here, for users whose roles do not see costs, before any transport sees them.
    'network.summary': async () => {
      await loadedNetwork();
      return summaryFor(identity.seesCosts(), await planningJob(() => planning.run('network-summary', asOf())));
    },
    'stock.query': async (query) => {
      await loadedNetwork();
      const seesCosts = identity.seesCosts();
      const costSort = costSortIn(query);
      if (!seesCosts && costSort) throw new ServiceError('forbidden', `Sorting by ${costSort} would reveal costs, which your role does not see.`);
      return stockPageFor(seesCosts, await planningJob(() => planning.run('stock-page', { ...asOf(), query })));
    },
    'stock.rows': async ({ keys }) => {
      await loadedNetwork();
      const { rows } = await planningJob(() => planning.run('stock-rows', { ...asOf(), keys }));
      return { rows: stockRowsFor(identity.seesCosts(), rows) };
    },
    'odoo.testConnection': () => sync.testConnection(),
    'sync.start': () => sync.start(),
    'sync.cancel': async () => sync.cancel(),
    'sync.status': () => sync.status(),
    'sync.changes': async ({ takenAt }) => sync.changes(takenAt),
    ...settingsHandlers({ profile, settings, secrets, identity, audit, log }),
    ...outbox.handlers,
    'identity.verify': async () => {
      try {
        await identity.verifyWithOdoo();
      } catch (error) {
        // The Settings view says why (its user's last check); the request itself answered.
        log.warn({ err: error }, 'verifying the Odoo login failed');
      }
      events.emit('approvals.changed', { batchId: null });
      return describeSettings({ profile, settings, secrets, identity, audit, log });
    },
    ...approvalHandlers({
      service: approvals,
      exchange,
      odooExchange,
      identity,
      audit,
      log,
      now,
      planned: {
        fromRun: (resultId, proposalIds) => planningServices.runs.proposalsOfRun(resultId, proposalIds),
        fromScenario: (scenarioId) => planningServices.runs.proposalsOfScenario(scenarioId),
      },
      changed: (batchId) => events.emit('approvals.changed', { batchId }),
    }),
    ...planningServices.handlers,
  };
  // A new key or login is verified at once, so the person at the desk is known before the next sync.
  for (const channel of ['secrets.saveOdooApiKey', 'settings.changeOdooConnection', 'settings.resetOdooConnection'] as const) {
    const handler = handlers[channel] as (request: never) => Promise<unknown>;
    (handlers as Record<string, (request: never) => Promise<unknown>>)[channel] = async (request: never) => {
      const answer = await handler(request);
      void verifyIdentity(`after ${channel}`);
      return answer;
    };
  }

  return {
    handlers,
    events,
    ready,
    planning,
    audit,
    settings,
    identity,
    outbox,
    approvals,
    exchange,
    async close() {
      sync.stop();
      await outbox.close();
      await planning.close();
      opened.db.close();
    },
  };
}
