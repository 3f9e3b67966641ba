import { describe, expect, it } from 'vitest';
import { buildNetworkModel, compareScenario, daysOfCoverOf, openScenario, rowTimeline, ScenarioPlan, unitsShortOf } from '../../../shared/engine';
import { workedExampleSnapshot } from '../../factories/snapshot';


const N1 = 0;
const N2 = 1;

function balances(plan: ScenarioPlan, row: number): number[] {
  const net = plan.netFlowOf(row);
  let balance = plan.model.onHand[row] ?? 0;
  return Array.from(net.slice(0, 8), (flow) => (balance += flow));
}

describe('the worked example from DESIGN.md', () => {
  it('projects 70, 20, 40 then −20 for N1, short 20 from day 6, with 70 available now', () => {
    const plan = new ScenarioPlan(buildNetworkModel(workedExampleSnapshot()));
    expect(balances(plan, N1)).toEqual([70, 70, 70, 20, 20, 40, -20, -20]);
    expect(plan.figures.firstShortageDay[N1]).toBe(6);
    expect(unitsShortOf(plan.figures.lowestBalance[N1] ?? 0)).toBe(20);
    expect(daysOfCoverOf(plan.figures.firstShortageDay[N1] ?? 0, plan.model.horizonDays)).toBe(6);
    expect((plan.model.onHand[N1] ?? 0) - (plan.model.reserved[N1] ?? 0)).toBe(70);
  });

  it('a transfer of 25 from N2 shipped on day 3 arrives on day 5 and clears the shortage', () => {
    const outcome = openScenario(buildNetworkModel(workedExampleSnapshot()), [
      { id: 't1', kind: 'add-transfer', fromNodeId: 'N2', toNodeId: 'N1', skuId: 'S1', qty: 25, shipDate: '2026-03-05' },
    ]);
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    const plan = outcome.plan;
    expect(balances(plan, N1)).toEqual([70, 70, 70, 20, 20, 65, 5, 5]);
    expect(plan.figures.firstShortageDay[N1]).toBe(-1);
    expect(unitsShortOf(plan.figures.lowestBalance[N1] ?? 0)).toBe(0);
    // N2 ships it: a demand of 25 on day 3.
    expect(balances(plan, N2)).toEqual([80, 80, 80, 55, 55, 55, 55, 55]);
  });

  it('compare shows the 20 units short gone, the freight of 25 × 0.50, and both rows changed', () => {
    const model = buildNetworkModel(workedExampleSnapshot());
    const baseline = new ScenarioPlan(model);
    const scenario = new ScenarioPlan(model);
    scenario.apply({ id: 't1', kind: 'add-transfer', fromNodeId: 'N2', toNodeId: 'N1', skuId: 'S1', qty: 25, shipDate: '2026-03-05' });
    const comparison = compareScenario(baseline, scenario);
    expect(comparison.base.unitsShort).toBe(20);
    expect(comparison.scenario.unitsShort).toBe(0);
    expect(comparison.delta.unitsShort).toBe(-20);
    // Demand in the horizon: 140 at N1, plus the transfer's 25 at N2 in the scenario.
    expect(comparison.base.fillRate).toBeCloseTo(1 - 20 / 140, 12);
    expect(comparison.scenario.fillRate).toBe(1);
    expect(comparison.delta.transferCost).toBe(12.5);
    // N1 was short on days 6..89 (84 node-days); the transfer removes them all.
    expect(comparison.base.stockoutNodeDays).toBe(84);
    expect(comparison.delta.stockoutNodeDays).toBe(-84);
    // End of horizon: N1 −20 → 5, N2 80 → 55; value at unit cost 6: (0 + 80)×6 → (5 + 55)×6.
    expect(comparison.base.inventoryValue).toBe(480);
    expect(comparison.scenario.inventoryValue).toBe(360);
    expect(comparison.changedRows.map((row) => row.nodeId)).toEqual(['N1', 'N2']);
    expect(comparison.changedRows[0]?.base.firstShortageDate).toBe('2026-03-08');
    expect(comparison.changedRows[0]?.scenario.firstShortageDate).toBeNull();
  });

  it('charts N1 day by day: balance, supply and demand markers, and the rule band', () => {
    const outcome = openScenario(buildNetworkModel(workedExampleSnapshot()), [
      { id: 't1', kind: 'add-transfer', fromNodeId: 'N2', toNodeId: 'N1', skuId: 'S1', qty: 25, shipDate: '2026-03-05' },
    ]);
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    const timeline = rowTimeline(outcome.plan, 'N1', 'S1');
    expect(timeline?.dates.slice(0, 3)).toEqual(['2026-03-02', '2026-03-03', '2026-03-04']);
    expect(timeline?.balance.slice(0, 8)).toEqual([70, 70, 70, 20, 20, 65, 5, 5]);
    expect(timeline?.supply.slice(0, 8)).toEqual([0, 0, 0, 0, 0, 45, 0, 0]);
    expect(timeline?.demand.slice(0, 8)).toEqual([30, 0, 0, 50, 0, 0, 60, 0]);
    expect(timeline?.min).toBeNull();
    expect(rowTimeline(outcome.plan, 'N9', 'S1')).toBeNull();
  });
});
