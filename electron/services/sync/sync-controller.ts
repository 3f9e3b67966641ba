import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { summariseChanges, type RegionProfile } from '../../../shared/domain';
import type { ConnectionCheck, SyncChangesView, SyncStatus } from '../../../shared/ipc';
import type { Log } from '../../app/log';
import { ServiceError } from '../../ipc/service-error';
import { isOdooError, Many2one, OdooClient, type OdooConnection } from '../odoo';
import type { LoadedNetwork, PlanningHost } from '../planning';
import { KEPT_SYNCS, OdooStaging, SyncChangeLog, SyncChangesUnreadableError } from '../store';
import { OdooSync, type SyncProgress, type SyncReport } from './odoo-sync';

export interface SyncControllerDeps {
  db: Database;
  dbPath: string;
  profile: RegionProfile;
  planning: PlanningHost;
  log: Log;
  /** Where the Odoo connection comes from (Settings, or the stand-in started by --with-odoo-sim). */
  connection: () => Promise<OdooConnection | null>;
  onProgress(progress: SyncProgress): void;
  onCacheReady(network: LoadedNetwork): void;
  onFinished(outcome: 'done' | 'failed' | 'cancelled', message: string): void;
  /** Minutes between automatic syncs once the cache holds Odoo data; default from the region's freshness thresholds. */
  autoSyncMinutes?: number;
}

/**
 * Keep data inside the region's freshness thresholds without anyone clicking: sync at half the
 * tightest threshold, between 5 and 60 minutes. Only once a first sync has switched the cache to
 * Odoo on purpose; the demo never turns into Odoo data by itself.
 */
export function autoSyncMinutesFor(profile: RegionProfile): number {
  const tightest = Math.min(profile.freshness.stockMinutes, profile.freshness.demandMinutes, profile.freshness.supplyMinutes);
  return Math.min(60, Math.max(5, Math.floor(tightest / 2)));
}

const User = z.object({ id: z.number(), name: z.string(), login: z.string(), groups_id: z.array(z.number()) });
const Group = z.object({ id: z.number(), full_name: z.string(), category_id: Many2one.optional() });

/** The sync as the screens see it: start, cancel, status and a connection check, one sync at a time. */
export class SyncController {
  private readonly sync: OdooSync;
  private progress: SyncProgress | null = null;
  private lastReport: SyncReport | null = null;
  private nextAuto: ReturnType<typeof setTimeout> | null = null;
  private stopped = false;

  constructor(private readonly deps: SyncControllerDeps) {
    this.sync = new OdooSync({
      db: deps.db,
      dbPath: deps.dbPath,
      profile: deps.profile,
      planning: deps.planning,
      log: deps.log,
      onProgress: (progress) => {
        this.progress = progress;
        deps.onProgress(progress);
      },
      // The screens move to the new network at once; the check against Odoo follows.
      onCacheReady: (network) => deps.onCacheReady(network),
    });
  }

  private async client(): Promise<OdooClient> {
    const connection = await this.deps.connection();
    if (!connection) throw new ServiceError('not-ready', 'No Odoo connection is set up yet: enter the Odoo address, database, login and API key in Settings.');
    return new OdooClient(connection);
  }

  async testConnection(): Promise<ConnectionCheck> {
    const client = await this.client();
    const connection = await this.deps.connection();
    try {
      const session = await client.connect();
      const [user] = await client.read('res.users', [session.uid], ['name', 'login', 'groups_id'], User);
      const groups = user ? await client.read('res.groups', user.groups_id, ['full_name'], Group) : [];
      return {
        serverVersion: session.serverVersion,
        database: connection?.database ?? '',
        login: user?.login ?? connection?.login ?? '',
        userName: user?.name ?? '',
        groups: groups.map((group) => group.full_name).sort(),
      };
    } catch (error) {
      if (isOdooError(error)) throw new ServiceError(error.kind === 'unavailable' || error.kind === 'rate-limited' ? 'unavailable' : 'failed', error.message);
      throw error;
    }
  }

  /** A sync at start-up when the cache already holds Odoo data and a connection is set up. */
  async startIfConnected(): Promise<void> {
    if ((await this.deps.connection()) !== null) await this.start();
  }

  /** Starts a sync in the background; progress and the outcome arrive as events. */
  async start(): Promise<{ started: boolean }> {
    if (this.sync.isRunning) return { started: false };
    const client = await this.client();
    this.progress = null;
    void this.sync.run(client).then(
      (report) => {
        this.lastReport = report;
        this.progress = null;
        this.scheduleAuto();
        const differences = report.reconciliation.differences.length;
        const changed = report.changes ? ` Since the last sync: ${summariseChanges(report.changes)}.` : '';
        this.deps.onFinished(
          'done',
          `${report.startedOver ? `${report.startedOver} ` : ''}Synced from Odoo: ${report.network.nodes.length} nodes, ${report.network.rows.toLocaleString('en')} node × SKU rows; ${differences === 0 ? 'every node reconciles with Odoo' : `${differences} figures differ from Odoo (see Network)`}.${changed}`,
        );
      },
      (error: unknown) => {
        this.progress = null;
        const cancelled = error instanceof Error && error.name === 'SyncCancelledError';
        const message = error instanceof Error ? error.message : String(error);
        this.deps.onFinished(cancelled ? 'cancelled' : 'failed', cancelled ? message : `The sync stopped: ${message}`);
      },
    );
    return { started: true };
  }

  private scheduleAuto(): void {
    if (this.stopped) return;
    if (this.nextAuto) clearTimeout(this.nextAuto);
    const minutes = this.deps.autoSyncMinutes ?? autoSyncMinutesFor(this.deps.profile);
    this.nextAuto = setTimeout(() => {
      this.nextAuto = null;
      void this.start().catch((error: unknown) => this.deps.log.warn({ err: error }, 'automatic sync did not start'));
    }, minutes * 60_000);
    this.nextAuto.unref?.();
  }

  /** Stops automatic syncs and any sync under way (the app is closing). */
  stop(): void {
    this.stopped = true;
    if (this.nextAuto) clearTimeout(this.nextAuto);
    this.sync.cancel();
  }

  cancel(): { cancelled: boolean } {
    const running = this.sync.isRunning;
    this.sync.cancel();
    return { cancelled: running };
  }

  /** What recent syncs changed, and one of them (the newest unless asked) in full. */
  changes(takenAt?: string): SyncChangesView {
    const log = new SyncChangeLog(this.deps.db);
    try {
      const selected = log.read(takenAt);
      if (takenAt !== undefined && !selected) throw new ServiceError('not-found', `No changes are on record for a sync at ${takenAt}; only the last ${KEPT_SYNCS} syncs are kept.`);
      return { syncs: log.list(), selected };
    } catch (error) {
      if (!(error instanceof SyncChangesUnreadableError)) throw error;
      this.deps.log.error({ problem: error.message }, 'a sync changes record in the cache fails its schema');
      throw new ServiceError('failed', error.message);
    }
  }

  async status(): Promise<SyncStatus> {
    const last = new OdooStaging(this.deps.db).lastRun();
    const reconciliation = this.lastReport?.reconciliation ?? null;
    return {
      configured: (await this.deps.connection()) !== null,
      running: this.sync.isRunning,
      progress: this.progress,
      lastRun: last ? { kind: last.kind, startedAt: last.startedAt, finishedAt: last.finishedAt, outcome: last.outcome, message: last.outcome === 'done' ? null : last.detail } : null,
      reconciliation: reconciliation
        ? {
            checkedAt: reconciliation.checkedAt,
            nodes: reconciliation.nodes,
            products: reconciliation.products,
            differenceCount: reconciliation.differences.length,
            differences: reconciliation.differences.slice(0, 200),
          }
        : null,
      problems: this.lastReport?.problems ?? [],
    };
  }
}
