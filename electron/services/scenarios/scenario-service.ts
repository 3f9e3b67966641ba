import { randomBytes } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import type { EditNote, EditRefusal, ScenarioEdit, SnapshotRef } from '../../../shared/domain';
import { describeRefusal } from '../../../shared/engine';
import type { CompareQuery, EditOutcome, ScenarioCompareView, ScenarioDetail, ScenarioList, ScenarioSummary, TimelineView } from '../../../shared/ipc';
import { ServiceError } from '../../ipc/service-error';
import { sameSnapshot, type LoadedNetwork, type PlanningHost } from '../planning';
import { CacheBusyError, ScenarioStore, writeWhenFree, type StoredScenario } from '../store';
import { planningCall } from './job-errors';
import { kpisWithoutCosts, scenarioWithoutCosts } from './withhold-costs';

export interface PlanningServiceDeps {
  db: Database;
  planning: PlanningHost;
  /** The network loaded now; throws a ServiceError while there is none. */
  network(): Promise<LoadedNetwork>;
  /** Whether the user at the desk may see cost, price and margin figures (withheld, not hidden, when not). */
  seesCosts(): boolean;
  now(): Date;
}

/** The scenario as the worker needs it: base and the edits in effect. */
export interface ScenarioInput {
  id: string;
  base: SnapshotRef;
  edits: ScenarioEdit[];
}

export function refOf(network: LoadedNetwork): SnapshotRef | null {
  return network.regionCode && network.takenAt && network.dayZero ? { regionCode: network.regionCode, takenAt: network.takenAt, dayZero: network.dayZero } : null;
}

export function newId(prefix: string): string {
  return `${prefix}-${randomBytes(6).toString('hex')}`;
}

/**
 * Scenarios: kept in the local cache (the truth, so a restart or a worker crash loses nothing),
 * computed in the planning worker, which holds one plan per open scenario and is sent the edits
 * in effect with every job.
 */
export class ScenarioService {
  private readonly store: ScenarioStore;
  private readonly changing = new Map<string, Promise<unknown>>();

  constructor(private readonly deps: PlanningServiceDeps) {
    this.store = new ScenarioStore(deps.db);
  }

  async list(): Promise<ScenarioList> {
    const network = await this.currentRef().catch(() => null);
    return { scenarios: this.store.list().map((stored) => this.summary(stored, network)), network };
  }

  async create(name: string): Promise<ScenarioDetail> {
    const base = await this.currentRef();
    const stored = await this.save(() => this.store.create({ id: newId('sc'), name, base, at: this.deps.now().toISOString() }));
    return this.detail(stored, base);
  }

  async describe(scenarioId: string): Promise<ScenarioDetail> {
    return this.detail(this.mustGet(scenarioId), await this.currentRef().catch(() => null));
  }

  rename(scenarioId: string, name: string): Promise<ScenarioDetail> {
    return this.oneAtATime(scenarioId, async () => {
      this.mustGet(scenarioId);
      const saved = await this.save(() => this.store.rename(scenarioId, name, this.deps.now().toISOString()));
      return this.detail(saved, await this.currentRef().catch(() => null));
    });
  }

  delete(scenarioId: string): Promise<{ deleted: boolean }> {
    return this.oneAtATime(scenarioId, async () => {
      const deleted = await this.save(() => this.store.delete(scenarioId));
      // The worker's plan goes too; if the worker is busy or gone, its cache simply ages out.
      await this.deps.planning.run('scenario-forget', { scenarioId }).catch(() => undefined);
      return { deleted };
    });
  }

  /** Adds edits after the ones in effect: the worker recomputes the rows they touch; stored only once accepted. */
  applyEdits(scenarioId: string, edits: ScenarioEdit[], runId?: string): Promise<EditOutcome> {
    return this.oneAtATime(scenarioId, async () => {
      const { stored, current, input } = await this.workable(scenarioId);
      const result = await planningCall(() => this.deps.planning.run('scenario-apply', { scenario: input, add: edits }, { jobId: runId }));
      if (!result.ok) return this.refused(stored, current, result.refusal);
      const saved = await this.save(() => this.store.appendEdits(scenarioId, edits, this.deps.now().toISOString()));
      return { applied: true, scenario: this.detail(saved, current), touchedRows: result.touchedRows, notes: result.notes };
    });
  }

  /** Steps back one edit. The worker opens the shorter scenario again when next asked; nothing to recompute now. */
  undo(scenarioId: string): Promise<ScenarioDetail> {
    return this.oneAtATime(scenarioId, async () => {
      const stored = this.mustGet(scenarioId);
      if (stored.position === 0) throw new ServiceError('conflict', `"${stored.name}" has no edit to undo.`);
      const saved = await this.save(() => this.store.setPosition(scenarioId, stored.position - 1, this.deps.now().toISOString()));
      return this.detail(saved, await this.currentRef().catch(() => null));
    });
  }

  redo(scenarioId: string, runId?: string): Promise<EditOutcome> {
    return this.oneAtATime(scenarioId, async () => {
      const { stored, current, input, all } = await this.workable(scenarioId);
      const next = all[stored.position];
      if (!next) throw new ServiceError('conflict', `"${stored.name}" has no undone edit to redo.`);
      const result = await planningCall(() => this.deps.planning.run('scenario-apply', { scenario: input, add: [next] }, { jobId: runId }));
      if (!result.ok) return this.refused(stored, current, result.refusal);
      const saved = await this.save(() => this.store.setPosition(scenarioId, stored.position + 1, this.deps.now().toISOString()));
      return { applied: true, scenario: this.detail(saved, current), touchedRows: result.touchedRows, notes: result.notes };
    });
  }

  /** Moves a scenario made on an older snapshot onto the loaded one, only when every edit in effect still applies there. */
  rebase(scenarioId: string, runId?: string): Promise<EditOutcome> {
    return this.oneAtATime(scenarioId, async () => {
      const stored = this.mustGet(scenarioId);
      const current = await this.currentRef();
      const active = this.store.edits(scenarioId).slice(0, stored.position);
      let touchedRows = 0;
      let notes: EditNote[] = [];
      if (active.length > 0) {
        const result = await planningCall(() =>
          this.deps.planning.run('scenario-apply', { scenario: { id: scenarioId, base: current, edits: [] }, add: active }, { jobId: runId }),
        );
        if (!result.ok) return this.refused(stored, current, result.refusal);
        touchedRows = result.touchedRows;
        notes = result.notes;
      }
      const saved = await this.save(() => this.store.rebase(scenarioId, current, this.deps.now().toISOString()));
      return { applied: true, scenario: this.detail(saved, current), touchedRows, notes };
    });
  }

  async compare(query: CompareQuery): Promise<ScenarioCompareView> {
    const { input } = await this.workable(query.scenarioId);
    const { scenarioId: _ignored, runId, ...page } = query;
    const view = await planningCall(() => this.deps.planning.run('scenario-compare', { scenario: input, ...page }, { jobId: runId }));
    if (this.deps.seesCosts()) return view;
    return { ...view, kpis: { base: kpisWithoutCosts(view.kpis.base), scenario: kpisWithoutCosts(view.kpis.scenario), delta: kpisWithoutCosts(view.kpis.delta) } };
  }

  async timeline(request: { scenarioId: string | null; nodeId: string; skuId: string }): Promise<TimelineView> {
    await this.currentRef();
    const scenario = request.scenarioId === null ? null : (await this.workable(request.scenarioId)).input;
    return planningCall(() => this.deps.planning.run('scenario-timeline', { scenario, nodeId: request.nodeId, skuId: request.skuId }));
  }

  /** A scenario that can be computed now: on the loaded snapshot, with its edits in effect. */
  async workable(scenarioId: string): Promise<{ stored: StoredScenario; current: SnapshotRef; input: ScenarioInput; all: ScenarioEdit[] }> {
    const stored = this.mustGet(scenarioId);
    const current = await this.currentRef();
    const blocked = this.blockedReason(stored, current);
    if (blocked) throw new ServiceError('conflict', blocked);
    const all = this.store.edits(scenarioId);
    return { stored, current, input: { id: stored.id, base: stored.base, edits: all.slice(0, stored.position) }, all };
  }

  private refused(stored: StoredScenario, current: SnapshotRef, refusal: EditRefusal): EditOutcome {
    return { applied: false, scenario: this.detail(this.mustGet(stored.id), current), refusal, message: describeRefusal(refusal) };
  }

  /**
   * Changes to one scenario run one after another: each is checked by the worker against the edits
   * saved before it, so two at once could both pass and be saved in an order neither was checked in.
   */
  private oneAtATime<T>(scenarioId: string, change: () => Promise<T>): Promise<T> {
    const previous = this.changing.get(scenarioId) ?? Promise.resolve();
    const next = previous.catch(() => undefined).then(change);
    const settled = next.catch(() => undefined);
    this.changing.set(scenarioId, settled);
    void settled.then(() => {
      if (this.changing.get(scenarioId) === settled) this.changing.delete(scenarioId);
    });
    return next;
  }

  /** Writes when the cache is free (never blocking the main process) or fails saying nothing was saved. */
  private async save<T>(write: () => T): Promise<T> {
    try {
      return await writeWhenFree(this.deps.db, write);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      if (error instanceof CacheBusyError) throw new ServiceError('unavailable', `Nothing was saved: ${reason}. Try again in a moment.`);
      throw new ServiceError('failed', `The change could not be saved (${reason}); the scenario is as it was.`);
    }
  }

  private mustGet(scenarioId: string): StoredScenario {
    const stored = this.store.get(scenarioId);
    if (!stored) throw new ServiceError('not-found', `There is no scenario ${scenarioId}; it may have been deleted.`);
    return stored;
  }

  private async currentRef(): Promise<SnapshotRef> {
    const ref = refOf(await this.deps.network());
    if (!ref) throw new ServiceError('not-ready', 'No network is loaded yet.');
    return ref;
  }

  private blockedReason(stored: StoredScenario, current: SnapshotRef | null): string | null {
    if (current === null || sameSnapshot(stored.base, current)) return null;
    return (
      `"${stored.name}" was made on an older snapshot (taken ${stored.base.takenAt}, day 0 ${stored.base.dayZero}); ` +
      `the network has since been replaced by the one taken ${current.takenAt}. Its edits are kept as they were: ` +
      're-base it on the current snapshot to keep working on it, or start a new scenario.'
    );
  }

  private summary(stored: StoredScenario, current: SnapshotRef | null): ScenarioSummary {
    return {
      id: stored.id,
      name: stored.name,
      base: stored.base,
      position: stored.position,
      editCount: stored.editCount,
      createdAt: stored.createdAt,
      updatedAt: stored.updatedAt,
      madeOnOlderSnapshot: current !== null && !sameSnapshot(stored.base, current),
    };
  }

  private detail(stored: StoredScenario, current: SnapshotRef | null): ScenarioDetail {
    const detail: ScenarioDetail = {
      ...this.summary(stored, current),
      edits: this.store.edits(stored.id).map((edit, index) => ({ edit, active: index < stored.position })),
      blockedReason: this.blockedReason(stored, current),
    };
    return this.deps.seesCosts() ? detail : scenarioWithoutCosts(detail);
  }
}
