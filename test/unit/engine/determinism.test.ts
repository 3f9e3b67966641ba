import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { NetworkSnapshot, ScenarioEdit } from '../../../shared/domain';
import { allocateDemand, buildNetworkModel, compareScenario, projectionReport, proposeReplenishment, ScenarioPlan } from '../../../shared/engine';
import { editSequence, smallNetwork } from './arbitraries';

/** Everything the engine says about a snapshot and a scenario on it, as the bytes a file would hold. */
function everything(snapshot: NetworkSnapshot, edits: ScenarioEdit[]): string {
  const model = buildNetworkModel(snapshot);
  const baseline = new ScenarioPlan(model);
  const scenario = new ScenarioPlan(model);
  const outcomes = edits.map((edit) => scenario.apply(edit));
  return JSON.stringify({
    outcomes,
    projection: projectionReport(scenario),
    comparison: compareScenario(baseline, scenario),
    replenishment: proposeReplenishment(scenario),
    allocation: allocateDemand(scenario),
  });
}

// Hundreds of random cases: generous time on a shared machine (no timing is asserted).
describe('determinism', { timeout: 120_000 }, () => {
  it('the same snapshot and edits give byte-identical results, run after run', () => {
    fc.assert(
      fc.property(
        smallNetwork({ nodes: 4, skus: 3, horizon: 25 }).chain((snapshot) => fc.tuple(fc.constant(snapshot), editSequence(snapshot, 8))),
        ([snapshot, edits]) => {
          const first = everything(snapshot, edits);
          expect(everything(structuredClone(snapshot), structuredClone(edits))).toBe(first);
        },
      ),
      { numRuns: 100 },
    );
  });
});
