import { describe, expect, it } from 'vitest';
import { generateDemoNetwork } from '../../../shared/demo';
import { allocateDemand, buildNetworkModel, PlanningCancelled, projectStock, proposeReplenishment, ScenarioPlan, type RunControl } from '../../../shared/engine';

const { snapshot } = generateDemoNetwork({ seed: 3, nodes: 6, skus: 1500, dayZero: '2026-03-02', takenAt: '2026-03-02T06:00:00.000Z' });

function cancelAfter(calls: number): RunControl & { progress: [number, number][] } {
  let asked = 0;
  const progress: [number, number][] = [];
  return { progress, onProgress: (done, total) => progress.push([done, total]), isCancelled: () => ++asked > calls };
}

// Hundreds of random cases: generous time on a shared machine (no timing is asserted).
describe('long runs report progress and can be cancelled', { timeout: 120_000 }, () => {
  it('reports progress that only moves forward and ends at the total', () => {
    const control = cancelAfter(Number.POSITIVE_INFINITY);
    proposeReplenishment(new ScenarioPlan(buildNetworkModel(snapshot)), control);
    expect(control.progress.length).toBeGreaterThan(2);
    const dones = control.progress.map(([done]) => done);
    expect(dones).toEqual([...dones].sort((a, b) => a - b));
    expect(control.progress.at(-1)).toEqual([1500, 1500]);
  });

  it.each([
    ['projection', (control: RunControl) => projectStock(snapshot, control)],
    ['replenishment', (control: RunControl) => proposeReplenishment(new ScenarioPlan(buildNetworkModel(snapshot)), control)],
    ['allocation', (control: RunControl) => allocateDemand(new ScenarioPlan(buildNetworkModel(snapshot)), {}, control)],
  ])('a cancelled %s throws instead of returning a partial result', (_what, run) => {
    expect(() => run(cancelAfter(1))).toThrow(PlanningCancelled);
  });
});
