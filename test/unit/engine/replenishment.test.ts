import { describe, expect, it } from 'vitest';
import type { NetworkSnapshot } from '../../../shared/domain';
import { buildNetworkModel, openScenario, proposeReplenishment, ScenarioPlan } from '../../../shared/engine';
import { networkSnapshot, workedExampleSnapshot } from '../../factories/snapshot';

/**
 * Hand-checkable cases. N1 is DESIGN.md's worked example with a rule of min 10 / max 100:
 * B = 70 (d0–2), 20 (d3–4), 40 (d5), −20 (d6 on), so it drops below 10 on day 6 (2026-03-08) and
 * needs 100 − (−20) = 120 to be back at its maximum at its lowest point.
 */
function network(extra: Partial<Parameters<typeof workedExampleSnapshot>[0]> = {}): NetworkSnapshot {
  return workedExampleSnapshot({
    nodes: ['N1', 'N2', 'N3'],
    skus: [{ id: 'S1', unitPrice: 10, unitCost: 4 }],
    positions: [
      { nodeId: 'N1', skuId: 'S1', onHand: 100, reserved: 30 },
      { nodeId: 'N2', skuId: 'S1', onHand: 200, reserved: 0 },
    ],
    stockRules: [
      { nodeId: 'N1', skuId: 'S1', min: 10, max: 100, multiple: 1, safetyStock: 0 },
      { nodeId: 'N2', skuId: 'S1', min: 30, max: 300, multiple: 1, safetyStock: 0 },
    ],
    ...extra,
  });
}

function option(id: string, fields: { leadDays: number; minQty?: number; multiple?: number; unitPrice: number; supplier?: string }) {
  return { id, skuId: 'S1', supplier: fields.supplier ?? 'Alpen Tools', odooPartnerId: null, minQty: fields.minQty ?? 0, multiple: fields.multiple ?? 1, leadDays: fields.leadDays, unitPrice: fields.unitPrice };
}

function replenish(snapshot: NetworkSnapshot) {
  return proposeReplenishment(new ScenarioPlan(buildNetworkModel(snapshot)));
}

describe('replenishment proposals a planner can check by hand', () => {
  it('transfers 120 from N2, shipped two days before N1 drops, and says why in words and numbers', () => {
    const plan = replenish(network());
    expect(plan.proposals).toHaveLength(1);
    const proposal = plan.proposals[0];
    expect(proposal).toMatchObject({ kind: 'transfer', nodeId: 'N1', fromNodeId: 'N2', qty: 120, shipDate: '2026-03-06', arrivalDate: '2026-03-08', neededBy: '2026-03-08', daysLate: 0, cost: 60 });
    expect(proposal?.reason.text).toBe(
      'N1 falls below its minimum 10 of S1 on 2026-03-08 (lowest -20); 120 brings it back to its maximum 100. ' +
        'Transfer 120 from N2, which can spare 170 from 2026-03-06 and still keep its minimum 30. ' +
        'Ships 2026-03-06, 2-day lane, arrives 2026-03-08, in time. Freight 120 × 0.50 = 60.00.',
    );
    expect(proposal?.reason.figures).toEqual({
      minimum: 10,
      maximum: 100,
      lowestBalance: -20,
      needQty: 120,
      alreadyTransferred: 0,
      sourceSpare: 170,
      sourceMinimum: 30,
      sharedAmongNodes: 1,
      transitDays: 2,
      costPerUnit: 0.5,
    });
  });

  it('never takes the source below what it has promised: N2 keeps 150 for its own order on day 20', () => {
    const snapshot = network({
      demand: [...network().demand.map(({ id: _id, ...line }) => line), { nodeId: 'N2', skuId: 'S1', qty: 150, dueDate: '2026-03-22' }],
      supplierOptions: [option('S1@1', { leadDays: 3, unitPrice: 4 })],
    });
    const plan = replenish(snapshot);
    // N2: 200 until day 19, 50 from day 20; minimum 30 → it can spare 50 − 30 = 20.
    expect(plan.proposals.map((p) => [p.kind, p.qty])).toEqual([
      ['transfer', 20],
      ['purchase', 100],
    ]);
    expect(plan.proposals[0]?.reason.text).toContain('Transfer 20 from N2, which can spare 20 from 2026-03-06 and still keep its minimum 30.');
    expect(plan.proposals[1]?.reason.text).toContain('20 of it already comes by transfer; this covers 100 more.');
    expect(plan.proposals[1]?.reason.text).toContain('Buy 100 from Alpen Tools: ordered 2026-03-05, 3 days lead time, arrives 2026-03-08, in time. Cost 100 × 4.00 = 400.00.');
  });

  it('buys on time rather than transfer cheaply but late, and says what it passed over', () => {
    const snapshot = network({
      positions: [
        { nodeId: 'N1', skuId: 'S1', onHand: 100, reserved: 30 },
        { nodeId: 'N3', skuId: 'S1', onHand: 500, reserved: 0 },
      ],
      lanes: [{ fromNodeId: 'N3', toNodeId: 'N1', transitDays: 9, costPerUnit: 0.2, dailyCapacity: null }],
      supplierOptions: [option('S1@1', { leadDays: 3, unitPrice: 4 })],
    });
    // (N2 has a rule but no stock here, so it gets its own purchase; N1's is the one that matters.)
    const forN1 = replenish(snapshot).proposals.filter((proposal) => proposal.nodeId === 'N1');
    expect(forN1).toHaveLength(1);
    expect(forN1[0]).toMatchObject({ kind: 'purchase', qty: 120, orderDate: '2026-03-05', arrivalDate: '2026-03-08', daysLate: 0, cost: 480 });
    expect(forN1[0]?.reason.text).toContain('A transfer from N3 costs less (0.20 a unit) but arrives 2026-03-11, 3 days late.');
  });

  it('raises a purchase to the supplier minimum and then to its multiple', () => {
    const snapshot = network({ lanes: [], supplierOptions: [option('S1@1', { leadDays: 2, minQty: 130, multiple: 25, unitPrice: 2 })] });
    const proposal = replenish(snapshot).proposals[0];
    // 120 needed → minimum 130 → next multiple of 25 is 150.
    expect(proposal).toMatchObject({ kind: 'purchase', requestedQty: 120, qty: 150, cost: 300, orderDate: '2026-03-06', arrivalDate: '2026-03-08' });
    expect(proposal?.reason.text).toContain('Buy 150 from Alpen Tools (120 needed, raised to its minimum order 130 and to a multiple of 25): ordered 2026-03-06');
  });

  it('orders today when even the fastest supplier is late, and says how late', () => {
    const snapshot = network({ lanes: [], supplierOptions: [option('S1@1', { leadDays: 10, unitPrice: 2 }), option('S1@2', { leadDays: 14, unitPrice: 1, supplier: 'Rhein Components' })] });
    const proposal = replenish(snapshot).proposals[0];
    expect(proposal).toMatchObject({ kind: 'purchase', supplier: 'Alpen Tools', orderDate: '2026-03-02', arrivalDate: '2026-03-12', daysLate: 4 });
    expect(proposal?.reason.text).toContain('ordered 2026-03-02, 10 days lead time, arrives 2026-03-12, 4 days late (nothing sooner). Cost 120 × 2.00 = 240.00.');
  });

  it('shares one source among equally short nodes in proportion to need, and reports what is left unmet', () => {
    // N1 and N3 both drop to −10 on day 2 with a maximum of 30 and 10: they need 40 and 20.
    // N2 can spare 30 (on hand 40, minimum 10), so 40:20 gives 20 and 10.
    const snapshot = networkSnapshot({
      dayZero: '2026-03-02',
      nodes: ['N1', 'N2', 'N3'],
      skus: [{ id: 'S1' }],
      positions: [{ nodeId: 'N2', skuId: 'S1', onHand: 40, reserved: 0 }],
      demand: [
        { nodeId: 'N1', skuId: 'S1', qty: 10, dueDate: '2026-03-04' },
        { nodeId: 'N3', skuId: 'S1', qty: 10, dueDate: '2026-03-04' },
      ],
      lanes: [
        { fromNodeId: 'N2', toNodeId: 'N1', transitDays: 1, costPerUnit: 1, dailyCapacity: null },
        { fromNodeId: 'N2', toNodeId: 'N3', transitDays: 1, costPerUnit: 1, dailyCapacity: null },
      ],
      stockRules: [
        { nodeId: 'N1', skuId: 'S1', min: 0, max: 30, multiple: 1, safetyStock: 0 },
        { nodeId: 'N2', skuId: 'S1', min: 10, max: 40, multiple: 1, safetyStock: 0 },
        { nodeId: 'N3', skuId: 'S1', min: 0, max: 10, multiple: 1, safetyStock: 0 },
      ],
    });
    const plan = replenish(snapshot);
    expect(plan.proposals.map((p) => [p.nodeId, p.qty])).toEqual([
      ['N1', 20],
      ['N3', 10],
    ]);
    expect(plan.proposals[0]?.reason.text).toContain('Transfer 20 from N2, which can spare 30 from 2026-03-03 and still keep its minimum 10. 2 nodes asked it for 60, so it is shared in proportion to need.');
    expect(plan.unmet).toEqual([
      { nodeId: 'N1', skuId: 'S1', qty: 20, neededBy: '2026-03-04', reason: 'N1 still needs S1 after 20 by transfer, but no node with a lane to it can spare any and S1 has no supplier option.' },
      { nodeId: 'N3', skuId: 'S1', qty: 10, neededBy: '2026-03-04', reason: 'N3 still needs S1 after 10 by transfer, but no node with a lane to it can spare any and S1 has no supplier option.' },
    ]);
  });

  it('holds a transfer until a source outage ends, and then it is late', () => {
    const outcome = openScenario(buildNetworkModel(network()), [{ id: 'o', kind: 'node-outage', nodeId: 'N2', fromDate: '2026-03-04', toDate: '2026-03-07' }]);
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    const proposal = proposeReplenishment(outcome.plan).proposals[0];
    // Ideal ship day 4 (2026-03-06) falls in the outage; first day N2 ships again is 2026-03-08, + 2 days.
    expect(proposal).toMatchObject({ kind: 'transfer', shipDate: '2026-03-08', arrivalDate: '2026-03-10', daysLate: 2 });
  });
});
