import { randomBytes } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DEMO_DEFAULTS, DEMO_LIMITS } from '../../shared/demo';
import { isValidTimeZone, localDateOf } from '../../shared/domain';
import { modelSpecs } from './models';
import { Database } from './orm/database';
import { Env, type OdooState } from './orm/env';
import type { OdooVersion } from './orm/model-spec';
import { Registry } from './orm/registry';
import { DataFile, type PersistedMeta } from './persistence';
import { Bootstrapper, type DemoUser } from './seed/bootstrap';
import { seedDemoNetwork } from './seed/demo-network';
import { type FaultKind, FaultInjector, type FaultMatch, type FaultPlan } from './server/faults';
import { CONTROL_PATH, OdooHttpServer } from './server/http-server';
import { SessionStore } from './server/sessions';

export interface OdooSimOptions {
  port?: number;
  host?: string;
  seed?: number;
  nodes?: number;
  skus?: number;
  odooVersion?: OdooVersion;
  /** Region time zone: due dates and ETAs are local days there. */
  tz?: string;
  /** Day 0 of the demo network (default: today in `tz`). */
  dayZero?: string;
  dataFile?: string;
  databaseName?: string;
  /** Token for the admin control route (default: random). */
  adminToken?: string;
}

export interface OdooSimControl {
  /** Latency and seeded fault rates for every following request. */
  setFaults(plan: FaultPlan): void;
  /** The next `count` requests matching `match` get `kind`. */
  failNext(kind: FaultKind, count?: number, match?: FaultMatch): void;
  clearFaults(): void;
  expireSessions(): void;
  /** Closes every connection (and refuses new ones for `downMs`); data is kept. */
  restart(options?: { downMs?: number }): Promise<void>;
  /** Records of `model` whose `origin` is exactly `origin` (archived and cancelled ones included). */
  countByOrigin(model: string, origin: string): number;
  /** Superuser environment on the live data, for assertions in tests. */
  env(context?: Record<string, unknown>): Env;
  stats(): { requests: number; injected: Record<FaultKind, number> };
}

export interface RunningOdooSim {
  url: string;
  port: number;
  database: string;
  version: OdooVersion;
  users: DemoUser[];
  adminToken: string;
  controlPath: string;
  warehouseIds: Record<string, number>;
  productIds: Record<string, number>;
  control: OdooSimControl;
  close(): Promise<void>;
}

function checkOptions(options: OdooSimOptions): Required<Pick<OdooSimOptions, 'seed' | 'nodes' | 'skus' | 'odooVersion' | 'tz'>> {
  const seed = options.seed ?? DEMO_DEFAULTS.seed;
  const nodes = options.nodes ?? DEMO_DEFAULTS.nodes;
  const skus = options.skus ?? DEMO_DEFAULTS.skus;
  const odooVersion = options.odooVersion ?? 18;
  const tz = options.tz ?? 'Europe/Amsterdam';
  if (!Number.isInteger(seed)) throw new Error(`seed must be an integer, got ${String(seed)}`);
  if (!Number.isInteger(nodes) || nodes < DEMO_LIMITS.nodes.min || nodes > DEMO_LIMITS.nodes.max) throw new Error(`nodes must be an integer from ${DEMO_LIMITS.nodes.min} to ${DEMO_LIMITS.nodes.max}, got ${String(nodes)}`);
  if (!Number.isInteger(skus) || skus < DEMO_LIMITS.skus.min || skus > DEMO_LIMITS.skus.max) throw new Error(`skus must be an integer from ${DEMO_LIMITS.skus.min} to ${DEMO_LIMITS.skus.max}, got ${String(skus)}`);
  if (odooVersion !== 17 && odooVersion !== 18) throw new Error(`odoo version must be 17 or 18, got ${String(odooVersion)}`);
  if (!isValidTimeZone(tz)) throw new Error(`unknown time zone ${tz}`);
  if (options.dayZero !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.dayZero)) throw new Error(`day zero must be YYYY-MM-DD, got ${options.dayZero}`);
  return { seed, nodes, skus, odooVersion, tz };
}

/** Starts the Odoo stand-in (port 0 = a free port) and seeds it, or reloads it from `dataFile`. */
export async function startOdooSim(options: OdooSimOptions = {}): Promise<RunningOdooSim> {
  const checked = checkOptions(options);
  const dataFile = options.dataFile ? new DataFile(options.dataFile) : null;
  let version = checked.odooVersion;
  let meta: PersistedMeta;
  let state: OdooState;
  let warehouseIds: Record<string, number> = {};
  let productIds: Record<string, number> = {};

  const makeState = (v: OdooVersion, databaseName: string): OdooState => {
    const registry = new Registry(modelSpecs(v));
    return { db: new Database(registry.models.values()), registry, version: v, databaseName, xmlIdCache: null };
  };

  if (dataFile?.exists()) {
    const probe = makeState(version, '');
    const loaded = dataFile.load(probe.db);
    if (loaded.version !== version && options.odooVersion !== undefined) {
      throw new Error(`${dataFile.path} holds an Odoo ${loaded.version} database; start with --odoo-version ${loaded.version} or use another --data file`);
    }
    version = loaded.version as OdooVersion;
    state = version === probe.version ? { ...probe, databaseName: loaded.databaseName } : makeState(version, loaded.databaseName);
    if (state !== probe && version !== probe.version) dataFile.load(state.db);
    meta = loaded;
    const env = new Env(state, 1, {}, true);
    for (const wh of state.db.table('stock.warehouse').rows.values()) warehouseIds[String(wh.code)] = wh.id;
    for (const product of state.db.table('product.product').rows.values()) if (typeof product.default_code === 'string') productIds[product.default_code] = product.id;
    void env;
  } else {
    const databaseName = options.databaseName ?? `odoo-sim-${checked.seed}`;
    state = makeState(version, databaseName);
    const now = state.db.now();
    const dayZero = options.dayZero ?? localDateOf(new Date(), checked.tz);
    const boot = new Bootstrapper(state, now);
    const users = boot.run(checked.seed, 'Network Planner Demo', checked.tz);
    const seeded = seedDemoNetwork(state, boot, { seed: checked.seed, nodes: checked.nodes, skus: checked.skus, dayZero, takenAt: new Date().toISOString(), tz: checked.tz });
    // Node ids in the generator are the node codes, so both maps are keyed the same way.
    warehouseIds = seeded.warehouseIds;
    productIds = seeded.productIds;
    meta = { format: 'odoo-sim/1', version, databaseName, seed: checked.seed, nodes: checked.nodes, skus: checked.skus, dayZero, tz: checked.tz, users };
  }
  if (dataFile) {
    // Fresh seed, or a reload compacted into one snapshot (the journal starts empty again).
    dataFile.writeSnapshot(state.db, meta);
    state.db.commitListeners.push((change) => dataFile.append(change));
  }

  const sessions = new SessionStore();
  const faults = new FaultInjector();
  const adminToken = options.adminToken ?? randomBytes(16).toString('hex');
  const stats = { requests: 0 };
  const host = options.host ?? '127.0.0.1';
  // In-process default: a free port (tests); the CLI asks for 8069.
  let port = options.port ?? 0;

  const control: OdooSimControl = {
    setFaults: (plan) => faults.setPlan(plan),
    failNext: (kind, count = 1, match) => faults.failNext(kind, count, match),
    clearFaults: () => faults.clear(),
    expireSessions: () => sessions.expireAll(),
    restart: async ({ downMs = 0 } = {}) => {
      http.dropAllConnections();
      if (downMs <= 0) return;
      await new Promise<void>((resolve) => http.server.close(() => resolve()));
      http.dropAllConnections();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      await listen();
    },
    countByOrigin: (model, origin) => {
      const def = state.registry.get(model);
      if (!def?.fields.has('origin')) throw new Error(`${model} has no origin field`);
      let count = 0;
      for (const row of state.db.table(model).rows.values()) if (row.origin === origin) count++;
      return count;
    },
    env: (context = {}) => new Env(state, 1, context, true),
    stats: () => ({ requests: stats.requests, injected: { ...faults.injected } }),
  };

  const controlAction = (action: Record<string, unknown>): unknown => {
    switch (action.action) {
      case 'setFaults':
        control.setFaults((action.plan ?? {}) as FaultPlan);
        return null;
      case 'failNext':
        control.failNext(action.kind as FaultKind, typeof action.count === 'number' ? action.count : 1, action.match as FaultMatch | undefined);
        return null;
      case 'clearFaults':
        control.clearFaults();
        return null;
      case 'expireSessions':
        control.expireSessions();
        return null;
      case 'restart':
        // Answer first, then cut the connections (including this one).
        setTimeout(() => void control.restart({ downMs: typeof action.downMs === 'number' ? action.downMs : 0 }), 10);
        return null;
      case 'countByOrigin':
        return control.countByOrigin(String(action.model), String(action.origin));
      case 'stats':
        return control.stats();
      default:
        throw new Error(`unknown action ${JSON.stringify(action.action)}; use setFaults, failNext, clearFaults, expireSessions, restart, countByOrigin or stats`);
    }
  };

  const http = new OdooHttpServer({ state: () => state, sessions, faults, adminToken, control: controlAction, stats });
  const listen = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const onError = (error: Error): void => reject(new Error(`cannot listen on ${host}:${port}: ${error.message}`));
      http.server.once('error', onError);
      http.server.listen(port, host, () => {
        http.server.off('error', onError);
        port = (http.server.address() as AddressInfo).port;
        resolve();
      });
    });
  await listen();

  return {
    url: `http://${host}:${port}`,
    port,
    database: state.databaseName,
    version,
    users: meta.users,
    adminToken,
    controlPath: CONTROL_PATH,
    warehouseIds,
    productIds,
    control,
    close: async () => {
      http.dropAllConnections();
      await new Promise<void>((resolve) => http.server.close(() => resolve()));
      if (dataFile) dataFile.writeSnapshot(state.db, meta);
    },
  };
}

