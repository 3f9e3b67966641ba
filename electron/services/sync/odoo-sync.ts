import type { Database } from 'better-sqlite3';
import { localDateOf, type RegionProfile, type SyncChangeCounts } from '../../../shared/domain';
import type { Log } from '../../app/log';
import type { OdooClient } from '../odoo';
import type { LoadedNetwork, PlanningHost } from '../planning';
import { NetworkCache, OdooStaging } from '../store';
import { enrichFlows, type EnrichedFlows } from './enrich-flows';
import { pullModel, SyncCancelledError, type PullResult } from './pull-model';
import { PULL_SPECS } from './pull-specs';
import { reconcileWithOdoo, type ReconciliationReport } from './reconcile';
import type { StagedChanges } from './staged-changes';

export interface SyncProgress {
  label: string;
  done: number;
  total: number;
}

export interface SyncReport {
  kind: 'first' | 'incremental';
  startedAt: string;
  finishedAt: string;
  pulls: Omit<PullResult, 'touched' | 'removedIds' | 'before'>[];
  network: LoadedNetwork;
  /** Whether the worker rebuilt only what this sync changed, or the whole network. */
  rebuilt: 'changes only' | 'whole network';
  problems: string[];
  /** What changed since the last sync (null on a first sync, or when it could not be worked out). */
  changes: SyncChangeCounts | null;
  /** Why this sync read everything again although an earlier one had run: the server changed. */
  startedOver: string | null;
  reconciliation: ReconciliationReport;
  /** Milliseconds per step, for the benchmark and the log. */
  timings: Record<string, number>;
}

export interface OdooSyncDeps {
  db: Database;
  dbPath: string;
  profile: RegionProfile;
  planning: Pick<PlanningHost, 'run'>;
  log: Log;
  now?: () => Date;
  overlapMinutes?: number;
  maxPageSize?: number;
  onProgress?: (progress: SyncProgress) => void;
  /** Called as soon as the rebuilt network is stored and planned on, before the reconciliation. */
  onCacheReady?: (network: LoadedNetwork) => void;
}

const PULL_CONCURRENCY = 3;

/** Models whose changes the planning worker can patch in; a change to any other means a full rebuild. */
const PATCHED_MODELS = { 'stock.quant': 'quants', 'stock.warehouse.orderpoint': 'orderpoints', 'stock.move': 'moves' } as const;

/**
 * What this sync changed, for the worker to rebuild only what it reaches; null when master data
 * (warehouses, locations, products, vendors, packagings) or partner tags changed.
 */
function stagedChanges(basis: string, pulls: readonly PullResult[], details: EnrichedFlows): StagedChanges | null {
  if (details.tagsChanged) return null;
  const changes: StagedChanges = {
    basis,
    quants: { touched: [], removed: [], before: [] },
    orderpoints: { touched: [], removed: [], before: [] },
    moves: { touched: [], removed: [], before: [] },
    saleLines: details.saleLines,
    purchaseLines: details.purchaseLines,
    partners: details.partners,
  };
  for (const pull of pulls) {
    const patched = pull.model in PATCHED_MODELS ? PATCHED_MODELS[pull.model as keyof typeof PATCHED_MODELS] : null;
    if (patched === null) {
      if (pull.touched.length > 0 || pull.removedIds.length > 0) return null;
      continue;
    }
    // Only where a quant or rule counted before matters (moves are rebuilt by id): send just that.
    const before = patched === 'moves' ? [] : pull.before.map((row) => ({ id: row.id ?? null, product_id: row.product_id ?? null, location_id: row.location_id ?? null, warehouse_id: row.warehouse_id ?? null }));
    changes[patched] = { touched: pull.touched, removed: pull.removedIds, before };
  }
  return changes;
}

export class SyncAlreadyRunningError extends Error {
  constructor() {
    super('A sync is already running; wait for it to finish or cancel it.');
    this.name = 'SyncAlreadyRunningError';
  }
}

/**
 * Fills the local cache from Odoo: pulls every model into staging page by page (resumable, each
 * page atomic), adds sale/purchase details to the moves, rebuilds the network in the planning
 * worker, then reconciles every node against Odoo's own quantities.
 */
export class OdooSync {
  private running: AbortController | null = null;

  constructor(private readonly deps: OdooSyncDeps) {}

  get isRunning(): boolean {
    return this.running !== null;
  }

  cancel(): void {
    this.running?.abort();
  }

  async run(client: OdooClient): Promise<SyncReport> {
    if (this.running) throw new SyncAlreadyRunningError();
    const controller = new AbortController();
    this.running = controller;
    const { db, log } = this.deps;
    const now = this.deps.now ?? (() => new Date());
    const iso = (): string => now().toISOString();
    const staging = new OdooStaging(db);
    const startedAt = iso();
    const server = client.server;
    // Rows of another server are forgotten once this one answers (a mistyped address loses nothing): read everything.
    const kind = staging.holdsRowsOf(server) && PULL_SPECS.every((spec) => staging.cursor(spec.model)?.phase === 'incremental') ? 'incremental' : 'first';
    const lastRun = staging.lastRun();
    const basis = lastRun?.outcome === 'done' ? lastRun.startedAt : null;
    const runId = staging.startRun(kind, startedAt);
    const progress = (label: string, done: number, total: number): void => this.deps.onProgress?.({ label, done, total });
    const timings: Record<string, number> = {};
    const timed = async <T>(step: string, work: () => Promise<T>): Promise<T> => {
      const began = performance.now();
      try {
        return await work();
      } finally {
        timings[step] = Math.round(performance.now() - began);
      }
    };
    try {
      const session = await timed('connect', () => client.connect());
      const forgotten = staging.useServer(server, startedAt);
      const startedOver = forgotten
        ? `The Odoo server changed from ${forgotten.url} (database ${forgotten.database}) to ${server.url} (database ${server.database}): what was read from the other one was set aside, and everything was read again.`
        : null;
      if (forgotten) log.warn({ from: { url: forgotten.url, database: forgotten.database }, to: server }, 'another Odoo server: staging starts over');
      // Models are independent until assembly: pull a few at once so Odoo's work and ours overlap.
      const pulls: PullResult[] = new Array(PULL_SPECS.length);
      let next = 0;
      const lane = async (): Promise<void> => {
        while (next < PULL_SPECS.length) {
          const index = next++;
          const spec = PULL_SPECS[index];
          if (!spec) return;
          pulls[index] = await timed(spec.model, () =>
            pullModel(spec, {
              client,
              staging,
              dialect: session.dialect,
              signal: controller.signal,
              now: iso,
              overlapMinutes: this.deps.overlapMinutes ?? 10,
              maxPageSize: this.deps.maxPageSize,
              onProgress: progress,
            }),
          );
        }
      };
      await timed('all pulls', () => Promise.all(Array.from({ length: PULL_CONCURRENCY }, lane)));
      const touchedMoves = new Set(pulls.find((pull) => pull.model === 'stock.move')?.touched ?? []);
      progress('Order details', 0, 1);
      const details = await timed('order details', () => enrichFlows(client, staging, touchedMoves, controller.signal));
      progress('Order details', 1, 1);
      if (controller.signal.aborted) throw new SyncCancelledError();
      const network = await timed('assemble', () =>
        this.deps.planning.run('assemble-odoo', {
          dbPath: this.deps.dbPath,
          profile: this.deps.profile,
          takenAt: startedAt,
          dayZero: localDateOf(new Date(startedAt), this.deps.profile.timeZone),
          changes: kind === 'incremental' && basis !== null ? stagedChanges(basis, pulls, details) : null,
          // A first sync (a new server, or staging lost) has nothing of this server's to compare with.
          compareWithPrevious: kind === 'incremental',
        }),
      );
      for (const [step, ms] of Object.entries(network.steps)) timings[`assemble: ${step}`] = ms;
      timings['cache ready'] = Math.round(Date.parse(iso()) - Date.parse(startedAt));
      this.deps.onCacheReady?.(network);
      const cache = new NetworkCache(db);
      const identities = cache.odooIdentities();
      progress('Checking against Odoo', 0, identities.nodes.length);
      const reconciliation = await timed('reconcile', () =>
        reconcileWithOdoo(client, session.dialect, identities.nodes, identities.skuOfProduct, (nodeId) => cache.totalsForNode(nodeId), {
          signal: controller.signal,
          now: iso,
        }),
      );
      progress('Checking against Odoo', identities.nodes.length, identities.nodes.length);
      const report: SyncReport = {
        kind,
        startedAt,
        finishedAt: iso(),
        pulls: pulls.map(({ touched: _touched, removedIds: _removedIds, before: _before, ...pull }) => pull),
        network,
        rebuilt: network.patched ? 'changes only' : 'whole network',
        problems: network.problems,
        changes: network.changes,
        startedOver,
        reconciliation,
        timings,
      };
      staging.finishRun(runId, 'done', report.finishedAt, JSON.stringify({ pulls: report.pulls, problems: report.problems, differences: reconciliation.differences.length }));
      log.info({ kind, pulls: report.pulls, timings, differences: reconciliation.differences.length }, 'sync finished');
      return report;
    } catch (error) {
      const cancelled = error instanceof SyncCancelledError || controller.signal.aborted;
      const message = error instanceof Error ? error.message : String(error);
      staging.finishRun(runId, cancelled ? 'cancelled' : 'failed', iso(), message);
      log.warn({ kind, cancelled, reason: message }, 'sync stopped');
      throw cancelled && !(error instanceof SyncCancelledError) ? new SyncCancelledError() : error;
    } finally {
      this.running = null;
    }
  }
}
