import type { Database } from 'better-sqlite3';
import { generateDemoNetwork } from '../../../shared/demo';
import type { NetworkSnapshot } from '../../../shared/domain';
import { baselineFigures, buildNetworkModel, stockProjectionOf, type NetworkModel, type StockProjection } from '../../../shared/engine';
import type { RegionProfile, SyncChangeCounts } from '../../../shared/domain';
import { NetworkCache, OdooStaging, openDatabase, SyncChangeLog } from '../store';
import { assembleSnapshot } from '../sync/assemble-snapshot';
import { patchSnapshot } from '../sync/patch-snapshot';
import type { StagedChanges } from '../sync/staged-changes';
import { syncChangesOf } from '../sync/sync-changes-of';
import type { DemoNetworkRequest, LoadedNetwork } from './jobs';
import { StockView } from './views/stock-view';
import { PlanningWorkspace } from './workspace/planning-workspace';

export interface JobContext {
  progress(label: string, done: number, total: number): void;
  isCancelled(): boolean;
}

export class JobCancelledError extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelledError';
  }
}

/** A demo is disposable: regenerate it when asked for another size or seed, or when its day has passed. */
function isOutdatedDemo(snapshot: NetworkSnapshot, demo: DemoNetworkRequest): boolean {
  const made = snapshot.meta.demo;
  if (snapshot.meta.source !== 'demo' || !made) return false;
  return made.seed !== demo.seed || made.nodes !== demo.nodes || made.skus !== demo.skus || snapshot.meta.dayZero !== demo.dayZero;
}

export interface LoadedState {
  snapshot: NetworkSnapshot;
  model: NetworkModel;
  projection: StockProjection;
  stockView: StockView;
  /** Scenarios, replenishment and allocation on this network; replaced with it. */
  planning: PlanningWorkspace;
}

/** Models the network once; the Stock view, the baseline and every scenario share it. */
function planOn(snapshot: NetworkSnapshot, context: JobContext): LoadedState {
  const control = { isCancelled: () => context.isCancelled() };
  const model = buildNetworkModel(snapshot, control);
  const figures = baselineFigures(model, control);
  const projection = stockProjectionOf(model, figures);
  return { snapshot, model, projection, stockView: new StockView(snapshot, projection), planning: new PlanningWorkspace(model, figures) };
}

const pause = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));
const IMAGE_DELAY_MS = 2_000;
/** A generated demo is stored once the screen's first requests are answered, not in their way. */
const DEMO_STORE_DELAY_MS = 1_500;

/** What the worker holds between jobs: the network and its projection. Lost on a crash; the host reloads it. */
export class WorkerState {
  private loaded: LoadedState | null = null;
  private storing: Promise<void> = Promise.resolve();

  constructor(private readonly notify: (level: 'warning' | 'error', message: string) => void = () => {}) {}

  get isLoaded(): boolean {
    return this.loaded !== null;
  }

  get current(): LoadedState {
    if (!this.loaded) throw new Error('the network is not loaded yet');
    return this.loaded;
  }

  /** Resolves once a network being stored in the background is in the cache. */
  get stored(): Promise<void> {
    return this.storing;
  }

  async load(dbPath: string, demo: DemoNetworkRequest | null, context: JobContext): Promise<LoadedNetwork> {
    await this.storing;
    context.progress('Reading the local cache', 0, 3);
    let snapshot = this.readCache(dbPath);
    let generated = false;
    if (snapshot && demo && isOutdatedDemo(snapshot, demo)) snapshot = null;
    if (!snapshot && demo) {
      context.progress('Generating the demo network', 1, 3);
      snapshot = generateDemoNetwork(demo).snapshot;
      generated = true;
    }
    if (!snapshot) {
      this.loaded = null;
      return { empty: true, source: null, regionCode: null, takenAt: null, dayZero: null, nodes: [], areas: [], demo: null, rows: 0 };
    }
    if (context.isCancelled()) throw new JobCancelledError();
    context.progress('Projecting stock', 2, 3);
    const planned = planOn(snapshot, context);
    if (context.isCancelled()) throw new JobCancelledError();
    this.loaded = planned;
    // A generated demo is shown at once and stored behind it, in slices, so the screen never waits on the disk.
    if (generated) this.storing = this.storeInBackground(dbPath, snapshot);
    context.progress('Ready', 3, 3);
    return this.describe(snapshot);
  }

  /**
   * Builds the network from the Odoo rows the sync staged, stores it in one transaction, then plans
   * on it. After an incremental sync that left master data alone, only what it changed is rebuilt
   * and written; otherwise (or when in doubt) the whole network is. With `compare`, what changed
   * against the network planned before (lines and shortages) is recorded for the planner.
   */
  async assembleFromOdoo(
    dbPath: string,
    profile: RegionProfile,
    takenAt: string,
    dayZero: string,
    changes: StagedChanges | null,
    compare: boolean,
    context: JobContext,
  ): Promise<LoadedNetwork & { problems: string[]; patched: boolean; steps: Record<string, number>; changes: SyncChangeCounts | null }> {
    await this.storing;
    const { db } = openDatabase(dbPath, { skipIntegrityCheck: true });
    try {
      const steps: Record<string, number> = {};
      let began = performance.now();
      const step = (name: string): void => {
        const at = performance.now();
        steps[name] = Math.round(at - began);
        began = at;
      };
      context.progress('Building the network from Odoo', 0, 3);
      const staging = new OdooStaging(db);
      const before = this.loaded;
      const previous = before?.snapshot;
      const patched = previous && changes ? patchSnapshot(previous, staging, profile, changes, takenAt, dayZero) : null;
      const assembled = patched ?? assembleSnapshot(staging, profile, takenAt, dayZero);
      step(patched ? 'patch' : 'assemble whole');
      if (context.isCancelled()) throw new JobCancelledError();
      context.progress('Saving the network', 1, 3);
      const cache = new NetworkCache(db);
      // Most rows are as they were: write only the difference (the patch knows it; otherwise it is
      // found against the network the cache holds), and make the columnar image again once the
      // screen has what it needs.
      const difference = patched?.changes ?? (previous && previous.meta.source === 'odoo' && previous.meta.regionCode === assembled.snapshot.meta.regionCode ? { previous, next: assembled.snapshot } : null);
      if (difference) {
        await cache.applyChangesInSlices(difference.previous, difference.next, pause);
        this.storing = this.storeImageLater(dbPath, assembled.snapshot);
      } else {
        await cache.replaceSnapshotInSlices(assembled.snapshot, pause);
      }
      step('write');
      context.progress('Projecting stock', 2, 3);
      // The network is already stored: plan on it whatever happens, so screen and cache agree.
      this.loaded = planOn(assembled.snapshot, { progress: context.progress, isCancelled: () => false });
      step('plan');
      const recorded = compare && before && difference ? this.recordChanges(db, before, this.loaded, difference) : null;
      step('changes');
      context.progress('Ready', 3, 3);
      return { ...this.describe(assembled.snapshot), problems: assembled.problems, patched: patched !== null, steps, changes: recorded };
    } finally {
      db.close();
    }
  }

  /** The network is stored and planned on either way: a record that cannot be written costs the list, not the sync. */
  private recordChanges(db: Database, before: LoadedState, after: LoadedState, difference: { previous: NetworkSnapshot; next: NetworkSnapshot }): SyncChangeCounts | null {
    try {
      const changes = syncChangesOf(before, after, difference);
      new SyncChangeLog(db).record(changes);
      return changes.counts;
    } catch (error) {
      this.notify('warning', `What this sync changed could not be recorded (${error instanceof Error ? error.message : String(error)}); the network itself is up to date.`);
      return null;
    }
  }

  private describe(snapshot: NetworkSnapshot): LoadedNetwork {
    return {
      empty: false,
      source: snapshot.meta.source,
      regionCode: snapshot.meta.regionCode,
      takenAt: snapshot.meta.takenAt,
      dayZero: snapshot.meta.dayZero,
      nodes: snapshot.nodes.map((node) => ({ id: node.id, code: node.code, name: node.name, area: node.area })),
      areas: [...new Set(snapshot.nodes.map((node) => node.area))],
      demo: snapshot.meta.demo,
      rows: snapshot.nodes.length * snapshot.skus.length,
    };
  }

  private readCache(dbPath: string): NetworkSnapshot | null {
    const { db } = openDatabase(dbPath, { skipIntegrityCheck: true });
    try {
      return new NetworkCache(db).readSnapshot();
    } finally {
      db.close();
    }
  }

  private async storeImageLater(dbPath: string, snapshot: NetworkSnapshot): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, IMAGE_DELAY_MS));
    try {
      const { db } = openDatabase(dbPath, { skipIntegrityCheck: true });
      try {
        // Only if nothing changed the tables since: the triggers would have dropped a newer image anyway.
        const cache = new NetworkCache(db);
        if (!cache.hasImage() && cache.readMeta()?.takenAt === snapshot.meta.takenAt) cache.storeImage(snapshot);
      } finally {
        db.close();
      }
    } catch (error) {
      this.notify('warning', `The fast-start copy of the network could not be saved (${error instanceof Error ? error.message : String(error)}); the next start reads the tables instead.`);
    }
  }

  private async storeInBackground(dbPath: string, snapshot: NetworkSnapshot): Promise<void> {
    await new Promise((resolve) => setTimeout(resolve, DEMO_STORE_DELAY_MS));
    try {
      const { db } = openDatabase(dbPath, { skipIntegrityCheck: true });
      try {
        await new NetworkCache(db).replaceSnapshotInSlices(snapshot, pause);
      } finally {
        db.close();
      }
    } catch (error) {
      this.notify('error', `The demo network is shown but could not be saved to the local cache (${error instanceof Error ? error.message : String(error)}); it will be generated again at the next start.`);
    }
  }
}
