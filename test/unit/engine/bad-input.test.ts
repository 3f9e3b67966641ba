import { describe, expect, it } from 'vitest';
import { describeProblems, NetworkSnapshot, Scenario } from '../../../shared/domain';
import { buildNetworkModel, checkSnapshotReferences, describeRefusal, materializeScenario, openScenario, ScenarioPlan } from '../../../shared/engine';
import { networkSnapshot } from '../../factories/snapshot';

function snapshot() {
  return networkSnapshot({
    dayZero: '2026-03-02',
    horizonDays: 30,
    nodes: ['N1', 'N2', 'N3'],
    skus: [{ id: 'S1' }],
    positions: [{ nodeId: 'N1', skuId: 'S1', onHand: 50, reserved: 0 }],
    demand: [{ nodeId: 'N1', skuId: 'S1', qty: 20, dueDate: '2026-03-05' }],
    supply: [
      { nodeId: 'N1', skuId: 'S1', qty: 10, eta: '2026-03-06', kind: 'transit' },
      { nodeId: 'N1', skuId: 'S1', qty: 10, eta: '2026-03-08', kind: 'purchase' },
    ],
    lanes: [{ fromNodeId: 'N2', toNodeId: 'N1', transitDays: 2, costPerUnit: 1, dailyCapacity: null }],
  });
}

const transfer = { id: 't1', kind: 'add-transfer', fromNodeId: 'N2', toNodeId: 'N1', skuId: 'S1', qty: 5, shipDate: '2026-03-03' };

function fingerprint(plan: ScenarioPlan): string {
  return JSON.stringify({ edits: plan.edits, lowest: Array.from(plan.figures.lowestBalance), snapshot: materializeScenario(plan) });
}

describe('edits the engine refuses, saying which and why, leaving the scenario as it was', () => {
  const cases: [string, Record<string, unknown>, string, RegExp][] = [
    ['an unknown source node', { ...transfer, fromNodeId: 'N9' }, 'fromNodeId', /node N9 is not in the snapshot/],
    ['an unknown SKU', { ...transfer, skuId: 'S9' }, 'skuId', /SKU S9 is not in the snapshot/],
    ['a lane that does not exist', { ...transfer, fromNodeId: 'N3' }, 'toNodeId', /there is no lane from N3 to N1/],
    ['a transfer to itself', { ...transfer, fromNodeId: 'N1' }, 'toNodeId', /two different nodes/],
    ['a negative quantity', { ...transfer, qty: -5 }, 'qty', /more than zero/],
    ['a quantity that is not a number', { ...transfer, qty: Number.NaN }, 'qty', /number/],
    ['an infinite quantity', { ...transfer, qty: Number.POSITIVE_INFINITY }, 'qty', /./],
    ['a ship date past the horizon', { ...transfer, shipDate: '2026-04-15' }, 'shipDate', /2026-04-15 is outside the planning horizon 2026-03-02 … 2026-03-31/],
    ['a ship date before day 0', { ...transfer, shipDate: '2026-03-01' }, 'shipDate', /outside the planning horizon/],
    ['a field the edit does not have', { ...transfer, qtty: 5 }, '(root)', /qtty/],
    ['an unknown supply line', { id: 'd', kind: 'delay-supply', supplyLineId: 'S99', days: 2 }, 'supplyLineId', /supply line S99 is neither in the snapshot nor a purchase/],
    ['a delay of part of a day', { id: 'd', kind: 'delay-supply', supplyLineId: 'S2', days: 1.5 }, 'days', /whole days/],
    ['removing a transfer already on the road', { id: 'r', kind: 'remove-transfer', transferId: 'S1' }, 'transferId', /already shipped/],
    ['an unknown supplier option', { id: 'p', kind: 'add-purchase', supplierOptionId: 'X', nodeId: 'N1', qty: 5, orderDate: '2026-03-03' }, 'supplierOptionId', /supplier option X is not in the snapshot/],
    ['a demand scale with nothing to scale', { id: 's', kind: 'scale-demand', nodeId: 'N3', factor: 2 }, 'nodeId', /no demand lines match \(node N3\)/],
    ['a negative demand scale', { id: 's', kind: 'scale-demand', factor: -1 }, 'factor', /negative/],
    ['an outage that ends before it starts', { id: 'o', kind: 'node-outage', nodeId: 'N2', fromDate: '2026-03-09', toDate: '2026-03-04' }, 'toDate', /fromDate must not be after toDate/],
    ['a lane change on no lane', { id: 'l', kind: 'change-lane', fromNodeId: 'N1', toNodeId: 'N3', transitDays: 1 }, 'toNodeId', /no lane from N1 to N3/],
    ['an edit id already used', { ...transfer, id: 'first' }, 'id', /edit id first is already used/],
  ];

  it.each(cases)('refuses %s', (_what, edit, path, message) => {
    const plan = new ScenarioPlan(buildNetworkModel(snapshot()));
    expect(plan.apply({ id: 'first', kind: 'add-demand', nodeId: 'N2', skuId: 'S1', qty: 3, dueDate: '2026-03-10' }).ok).toBe(true);
    const before = fingerprint(plan);
    const outcome = plan.apply(edit);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refusal.path).toBe(path);
    expect(outcome.refusal.message).toMatch(message);
    expect(outcome.refusal.editIndex).toBe(1);
    expect(fingerprint(plan)).toBe(before);
  });

  it('opening a scenario stops at the first refused edit and says which one', () => {
    const outcome = openScenario(buildNetworkModel(snapshot()), [transfer, { ...transfer, id: 't2', fromNodeId: 'N7' }, { ...transfer, id: 't3' }]);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(describeRefusal(outcome.refusal)).toBe('edit 1 (t2) refused: fromNodeId: node N7 is not in the snapshot');
  });

  it('a cancelled supply line cannot be cancelled again', () => {
    const plan = new ScenarioPlan(buildNetworkModel(snapshot()));
    expect(plan.apply({ id: 'c1', kind: 'cancel-supply', supplyLineId: 'S2' }).ok).toBe(true);
    const again = plan.apply({ id: 'c2', kind: 'cancel-supply', supplyLineId: 'S2' });
    expect(again.ok ? '' : again.refusal.message).toBe('supply line S2 is already cancelled in this scenario');
  });
});

describe('files that fail their schema name the path of the bad field', () => {
  it('a scenario file with a negative quantity in its second edit', () => {
    const parsed = Scenario.safeParse({
      id: 'sc',
      name: 'Try',
      base: { regionCode: 'test', takenAt: '2026-03-02T06:00:00.000Z', dayZero: '2026-03-02' },
      edits: [transfer, { ...transfer, id: 't2', qty: -3 }],
    });
    expect(parsed.success).toBe(false);
    if (!parsed.success) expect(describeProblems(parsed.error)).toBe('edits[1].qty: must be more than zero units');
  });

  it('a scenario file with two edits sharing an id', () => {
    const parsed = Scenario.safeParse({ id: 'sc', name: 'Try', base: { regionCode: 'test', takenAt: '2026-03-02T06:00:00.000Z', dayZero: '2026-03-02' }, edits: [transfer, transfer] });
    expect(parsed.success ? '' : describeProblems(parsed.error)).toBe('edits[1].id: duplicate edit id t1');
  });

  it('a snapshot with a bad field deep inside', () => {
    const bad = structuredClone(snapshot()) as unknown as { demand: { qty: unknown }[] };
    (bad.demand[0] as { qty: unknown }).qty = 'twenty';
    const parsed = NetworkSnapshot.safeParse(bad);
    expect(parsed.success ? '' : describeProblems(parsed.error)).toMatch(/^demand\[0\]\.qty: /);
  });

  it('a snapshot whose lines name nodes and SKUs it does not have', () => {
    const broken = snapshot();
    broken.demand.push({ ...(broken.demand[0] as NetworkSnapshot['demand'][number]), id: 'D9', nodeId: 'N8' });
    broken.stockRules.push({ nodeId: 'N1', skuId: 'S7', min: 1, max: 2, multiple: 1, safetyStock: 0 });
    broken.lanes.push({ fromNodeId: 'N2', toNodeId: 'N2', transitDays: 1, costPerUnit: 1, dailyCapacity: null });
    expect(checkSnapshotReferences(broken)).toEqual([
      { path: 'lanes[1].toNodeId', message: 'a lane must join two different nodes' },
      { path: 'stockRules[0].skuId', message: 'unknown SKU S7' },
      { path: 'demand[1].nodeId', message: 'unknown node N8' },
    ]);
  });
});
