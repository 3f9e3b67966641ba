import type { SnapshotRef } from '../../../../shared/domain';
import { ScenarioPlan, type NetworkModel, type RowFigures, type RunControl } from '../../../../shared/engine';
import { PlanningRefusal } from '../planning-refusal';
import { sameSnapshot } from '../snapshot-ref';
import { NetworkLabels } from '../views/network-labels';
import type { HeldAllocation } from '../views/allocation-view';
import type { HeldReplenishment } from '../views/proposal-view';
import { HeldResults } from './held-results';
import { ScenarioPlans, type ScenarioInput } from './scenario-plans';

export type PlanTargetInput = { kind: 'baseline' } | { kind: 'scenario'; scenario: ScenarioInput };

/**
 * Everything the worker plans on for one loaded network: the baseline, the open scenarios and the
 * results it holds for paging. A new network gets a new workspace, so nothing computed on the old
 * one can be mistaken for the new.
 */
export class PlanningWorkspace {
  readonly labels: NetworkLabels;
  readonly baseline: ScenarioPlan;
  readonly scenarios: ScenarioPlans;
  readonly replenishments = new HeldResults<HeldReplenishment>('replenishment run');
  readonly allocations = new HeldResults<HeldAllocation>('allocation run');
  readonly snapshotRef: SnapshotRef;

  constructor(
    readonly model: NetworkModel,
    figures: RowFigures,
  ) {
    this.labels = new NetworkLabels(model);
    this.baseline = new ScenarioPlan(model, figures);
    this.scenarios = new ScenarioPlans(model);
    const { meta } = model.snapshot;
    this.snapshotRef = { regionCode: meta.regionCode, takenAt: meta.takenAt, dayZero: meta.dayZero };
  }

  /** A scenario made on another snapshot is refused, never quietly re-based onto this one. */
  checkBase(scenario: ScenarioInput): void {
    if (sameSnapshot(scenario.base, this.snapshotRef)) return;
    throw new PlanningRefusal(
      'conflict',
      `This scenario was made on an older snapshot (taken ${scenario.base.takenAt}, day 0 ${scenario.base.dayZero}); ` +
        `the network now is the one taken ${this.snapshotRef.takenAt}. Re-base it on the current snapshot to work on it.`,
    );
  }

  planOf(target: PlanTargetInput, control?: RunControl): ScenarioPlan {
    if (target.kind === 'baseline') return this.baseline;
    this.checkBase(target.scenario);
    return this.scenarios.planFor(target.scenario, control).plan;
  }
}
