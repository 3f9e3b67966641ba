import { describe, expect, it } from 'vitest';
import { solveLinearProgram } from '../../../electron/services/planning/highs-reference';
import { generateDemoNetwork } from '../../../shared/demo';
import { AllocationSettings } from '../../../shared/domain';
import { allocationObjective, buildAllocationLp, buildNetworkModel, prepareAllocation, ScenarioPlan, solveAllocation } from '../../../shared/engine';

// Hundreds of random cases: generous time on a shared machine (no timing is asserted).
describe('the fast allocation against HiGHS, the exact LP reference', { timeout: 120_000 }, () => {
  it('reaches within 0.5% of the optimum on a small demo network, with a solution the LP accepts', async () => {
    const { snapshot } = generateDemoNetwork({ seed: 7, nodes: 8, skus: 300, dayZero: '2026-03-02', takenAt: '2026-03-02T06:00:00.000Z' });
    const problem = prepareAllocation(new ScenarioPlan(buildNetworkModel(snapshot)), AllocationSettings.parse({}));
    const ours = solveAllocation(problem);
    const lp = buildAllocationLp(problem, ours.served);
    const reference = await solveLinearProgram(lp);
    expect(reference.status).toBe('optimal');
    const objective = allocationObjective(problem, ours.x);
    expect(objective).toBeLessThanOrEqual(reference.objective * (1 + 1e-9));
    expect(objective / reference.objective).toBeGreaterThanOrEqual(0.995);
    // Our answer satisfies every row of the LP: each line gets exactly its share, no lot gives more than it holds.
    const activity = new Float64Array(lp.numRows);
    for (let column = 0; column < lp.numCols; column++) {
      for (let k = lp.matrix.starts[column] ?? 0; k < (lp.matrix.starts[column + 1] ?? 0); k++) {
        const row = lp.matrix.indices[k] ?? 0;
        activity[row] = (activity[row] ?? 0) + (ours.x[column] ?? 0) * (lp.matrix.values[k] ?? 0);
      }
    }
    for (let row = 0; row < lp.numRows; row++) {
      expect(activity[row]).toBeGreaterThanOrEqual((lp.rowLower[row] ?? 0) - 1e-6);
      expect(activity[row]).toBeLessThanOrEqual((lp.rowUpper[row] ?? 0) + 1e-6);
    }
    expect(problem.lineIds.length).toBeGreaterThan(300);
  });
});
