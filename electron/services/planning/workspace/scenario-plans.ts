import type { EditNote, EditRefusal, ScenarioComparison, ScenarioEdit, SnapshotRef } from '../../../../shared/domain';
import { describeRefusal, openScenario, PlanningCancelled, type NetworkModel, type RunControl, type ScenarioPlan } from '../../../../shared/engine';
import { PlanningRefusal } from '../planning-refusal';

/** A scenario as the services hand it to the worker: the database is the truth, the worker's plans a cache of it. */
export interface ScenarioInput {
  id: string;
  base: SnapshotRef;
  /** The edits in effect, in order. */
  edits: readonly ScenarioEdit[];
}

interface OpenPlan {
  keys: string[];
  plan: ScenarioPlan;
  notes: EditNote[];
  comparison: ScenarioComparison | null;
}

export type ApplyResult = { ok: true; touchedRows: number; notes: EditNote[] } | { ok: false; refusal: EditRefusal };

const keyOf = (edit: ScenarioEdit): string => JSON.stringify(edit);

function isPrefix(prefix: readonly string[], of: readonly string[]): boolean {
  return prefix.length <= of.length && prefix.every((key, index) => key === of[index]);
}

/**
 * One `ScenarioPlan` per open scenario on top of the loaded network. The services send the edits in
 * effect with every job; a plan whose edits match is reused, one that lags behind gets only the new
 * edits (recomputing just the rows they touch), anything else is opened again from the snapshot.
 * A few plans are kept (each holds a copy of the row figures); the least recently used goes first.
 */
export class ScenarioPlans {
  private readonly open = new Map<string, OpenPlan>();

  constructor(
    private readonly model: NetworkModel,
    private readonly capacity = 4,
  ) {}

  /** The plan with exactly these edits in effect. */
  planFor(scenario: ScenarioInput, control?: RunControl): { plan: ScenarioPlan; notes: EditNote[]; entry: OpenPlan } {
    const keys = scenario.edits.map(keyOf);
    const cached = this.open.get(scenario.id);
    if (cached && cached.keys.length === keys.length && isPrefix(cached.keys, keys)) return this.touch(scenario.id, cached);
    if (cached && isPrefix(cached.keys, keys)) {
      const added = this.applyOnto(cached, scenario.edits.slice(cached.keys.length));
      if (added.ok) return this.touch(scenario.id, cached);
    }
    this.open.delete(scenario.id);
    const opened = openScenario(this.model, scenario.edits, control);
    if (!opened.ok) {
      throw new PlanningRefusal(
        'conflict',
        `The saved scenario no longer applies to this network: ${describeRefusal(opened.refusal)}. Undo that edit or start a new scenario.`,
      );
    }
    const entry: OpenPlan = { keys, plan: opened.plan, notes: opened.notes, comparison: null };
    this.open.set(scenario.id, entry);
    this.evict();
    return { plan: entry.plan, notes: entry.notes, entry };
  }

  /**
   * Applies edits after the ones in effect. All or none: when one is refused, the plan goes back to
   * exactly the scenario it was and the refusal names the edit, the field and why.
   */
  apply(scenario: ScenarioInput, edits: readonly ScenarioEdit[], control?: RunControl): ApplyResult {
    const { entry } = this.planFor(scenario, control);
    let applied: ReturnType<ScenarioPlans['applyOnto']>;
    try {
      applied = this.applyOnto(entry, edits, control);
    } catch (error) {
      // Cancelled between two edits: the plan no longer matches any saved scenario.
      this.open.delete(scenario.id);
      throw error;
    }
    if (!applied.ok && applied.changed) {
      // Edits before the refused one were applied: drop the plan, it is opened again from the saved edits next time.
      this.open.delete(scenario.id);
    }
    return applied.ok ? { ok: true, touchedRows: applied.touchedRows, notes: applied.notes } : { ok: false, refusal: applied.refusal };
  }

  forget(id: string): boolean {
    return this.open.delete(id);
  }

  get size(): number {
    return this.open.size;
  }

  private applyOnto(
    entry: OpenPlan,
    edits: readonly ScenarioEdit[],
    control?: RunControl,
  ): { ok: true; touchedRows: number; notes: EditNote[] } | { ok: false; refusal: EditRefusal; changed: boolean } {
    const touched = new Set<number>();
    const notes: EditNote[] = [];
    for (const [index, edit] of edits.entries()) {
      if (control?.isCancelled?.()) throw new PlanningCancelled('Applying the edits');
      control?.onProgress?.(index, edits.length);
      const outcome = entry.plan.apply(edit);
      if (!outcome.ok) return { ok: false, refusal: outcome.refusal, changed: index > 0 };
      for (const row of outcome.touchedRows) touched.add(row);
      notes.push(...outcome.notes);
      entry.keys.push(keyOf(edit));
      entry.notes.push(...outcome.notes);
      entry.comparison = null;
    }
    control?.onProgress?.(edits.length, edits.length);
    return { ok: true, touchedRows: touched.size, notes };
  }

  private touch(id: string, entry: OpenPlan): { plan: ScenarioPlan; notes: EditNote[]; entry: OpenPlan } {
    this.open.delete(id);
    this.open.set(id, entry);
    return { plan: entry.plan, notes: entry.notes, entry };
  }

  private evict(): void {
    while (this.open.size > this.capacity) {
      const oldest = this.open.keys().next().value;
      if (oldest === undefined) return;
      this.open.delete(oldest);
    }
  }
}
