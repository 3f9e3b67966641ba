import { describe, expect, it } from 'vitest';
import type { ScenarioEdit } from '../../../shared/domain';
import { buildNetworkModel, openScenario, PlanningCancelled, planKpis } from '../../../shared/engine';
import { ScenarioPlans } from '../../../electron/services/planning/workspace/scenario-plans';
import { PlanningRefusal } from '../../../electron/services/planning/planning-refusal';
import { networkSnapshot } from '../../factories/snapshot';

// DESIGN.md's worked example: N1 runs 20 short on day 6; a transfer of 25 from N2 (2-day lane) shipped day 3 covers it.
const snapshot = networkSnapshot({
  dayZero: '2026-03-02',
  nodes: ['N1', 'N2', 'N3'],
  skus: [{ id: 'BOLT', unitPrice: 2 }, { id: 'HOSE' }],
  positions: [
    { nodeId: 'N1', skuId: 'BOLT', onHand: 100, reserved: 30 },
    { nodeId: 'N2', skuId: 'BOLT', onHand: 200, reserved: 0 },
    { nodeId: 'N3', skuId: 'HOSE', onHand: 5, reserved: 0 },
  ],
  demand: [
    { nodeId: 'N1', skuId: 'BOLT', qty: 30, dueDate: '2026-03-02' },
    { nodeId: 'N1', skuId: 'BOLT', qty: 50, dueDate: '2026-03-05' },
    { nodeId: 'N1', skuId: 'BOLT', qty: 60, dueDate: '2026-03-08' },
  ],
  supply: [{ nodeId: 'N1', skuId: 'BOLT', qty: 20, eta: '2026-03-07' }],
  lanes: [{ fromNodeId: 'N2', toNodeId: 'N1', transitDays: 2, costPerUnit: 0.5, dailyCapacity: null }],
});
const model = buildNetworkModel(snapshot);
const base = { regionCode: 'test', takenAt: snapshot.meta.takenAt, dayZero: '2026-03-02' };
const transfer: ScenarioEdit = { id: 't1', kind: 'add-transfer', fromNodeId: 'N2', toNodeId: 'N1', skuId: 'BOLT', qty: 25, shipDate: '2026-03-05' };
const rush: ScenarioEdit = { id: 'd1', kind: 'add-demand', nodeId: 'N3', skuId: 'HOSE', qty: 8, dueDate: '2026-03-04', customer: 'Rush', priority: 1, unitMargin: 0 };

describe('the open scenarios the worker keeps', () => {
  it('applies an edit to the open plan, recomputing only the two rows a transfer touches', () => {
    const plans = new ScenarioPlans(model);
    const { plan } = plans.planFor({ id: 'sc', base, edits: [] });
    expect(planKpis(plan).unitsShort).toBe(20);
    const applied = plans.apply({ id: 'sc', base, edits: [] }, [transfer]);
    expect(applied).toEqual({ ok: true, touchedRows: 2, notes: [] });
    expect(plan.recomputedRows()).toHaveLength(2);
    expect(planKpis(plan)).toMatchObject({ unitsShort: 0, transferCost: 12.5 });
  });

  it('reuses the plan while the saved edits extend it, and opens it again when they do not (undo)', () => {
    const plans = new ScenarioPlans(model);
    const first = plans.planFor({ id: 'sc', base, edits: [transfer] }).plan;
    expect(plans.planFor({ id: 'sc', base, edits: [transfer, rush] }).plan).toBe(first);
    expect(first.edits.map((edit) => edit.id)).toEqual(['t1', 'd1']);
    const undone = plans.planFor({ id: 'sc', base, edits: [transfer] }).plan;
    expect(undone).not.toBe(first);
    expect(undone.edits.map((edit) => edit.id)).toEqual(['t1']);
  });

  it('leaves the scenario exactly as it was when one edit of a batch is refused', () => {
    const plans = new ScenarioPlans(model);
    const scenario = { id: 'sc', base, edits: [transfer] };
    const refused = plans.apply(scenario, [rush, { ...transfer, id: 't2', shipDate: '2026-09-01' }]);
    expect(refused).toEqual({ ok: false, refusal: { editIndex: 2, editId: 't2', path: 'shipDate', message: expect.stringContaining('outside the planning horizon') } });
    const { plan } = plans.planFor(scenario);
    expect(plan.edits.map((edit) => edit.id)).toEqual(['t1']);
    const fresh = openScenario(model, [transfer]);
    expect(fresh.ok && planKpis(plan)).toEqual(fresh.ok && planKpis(fresh.plan));
  });

  it('drops a plan cancelled between two edits of a batch, so the saved scenario is what opens next', () => {
    const plans = new ScenarioPlans(model);
    const scenario = { id: 'sc', base, edits: [transfer] };
    let asked = 0;
    const control = { isCancelled: () => ++asked > 1 };
    expect(() => plans.apply(scenario, [rush, { ...rush, id: 'd2' }], control)).toThrow(PlanningCancelled);
    expect(plans.planFor(scenario).plan.edits.map((edit) => edit.id)).toEqual(['t1']);
  });

  it('refuses saved edits that no longer apply instead of dropping them', () => {
    const plans = new ScenarioPlans(model);
    expect(() => plans.planFor({ id: 'sc', base, edits: [{ ...transfer, fromNodeId: 'N9' }] })).toThrow(PlanningRefusal);
    expect(() => plans.planFor({ id: 'sc', base, edits: [{ ...transfer, fromNodeId: 'N9' }] })).toThrow(/no longer applies to this network: edit 0 \(t1\) refused: fromNodeId: node N9 is not in the snapshot/);
  });

  it('keeps only a few plans open, the least recently used going first', () => {
    const plans = new ScenarioPlans(model, 2);
    const a = plans.planFor({ id: 'a', base, edits: [] }).plan;
    plans.planFor({ id: 'b', base, edits: [] });
    plans.planFor({ id: 'a', base, edits: [] });
    plans.planFor({ id: 'c', base, edits: [] });
    expect(plans.size).toBe(2);
    expect(plans.planFor({ id: 'a', base, edits: [] }).plan).toBe(a);
  });
});
