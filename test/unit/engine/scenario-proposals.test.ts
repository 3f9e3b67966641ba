import { describe, expect, it } from 'vitest';
import type { ScenarioEdit } from '../../../shared/domain';
import { buildNetworkModel, openScenario, ScenarioPlan, scenarioProposals } from '../../../shared/engine';
import { workedExampleSnapshot } from '../../factories/snapshot';

/**
 * N1 is DESIGN.md's worked example with a rule of min 10 / max 100: it falls below its minimum on
 * day 6 (2026-03-08). N2 ships to N1 in 2 days at 0.50 a unit; S1@1 delivers in 3 days at 4.
 */
function model() {
  return buildNetworkModel(
    workedExampleSnapshot({
      positions: [
        { nodeId: 'N1', skuId: 'S1', onHand: 100, reserved: 30 },
        { nodeId: 'N2', skuId: 'S1', onHand: 200, reserved: 0 },
      ],
      stockRules: [{ nodeId: 'N1', skuId: 'S1', min: 10, max: 100, multiple: 1, safetyStock: 0 }],
      supplierOptions: [{ id: 'S1@1', skuId: 'S1', supplier: 'Alpen Tools', odooPartnerId: null, minQty: 50, multiple: 10, leadDays: 3, unitPrice: 4 }],
    }),
  );
}

function proposalsAfter(edits: ScenarioEdit[]) {
  const network = model();
  const opened = openScenario(network, edits);
  if (!opened.ok) throw new Error(opened.refusal.message);
  return scenarioProposals(opened.plan, new ScenarioPlan(network));
}

describe("a scenario's transfers and purchases as proposals for approval", () => {
  it('dates and prices a transfer and a purchase as the scenario plans them, in the order they were added', () => {
    const proposals = proposalsAfter([
      { id: 'buy-1', kind: 'add-purchase', supplierOptionId: 'S1@1', nodeId: 'N1', qty: 42, orderDate: '2026-03-04' },
      { id: 'move-1', kind: 'add-transfer', fromNodeId: 'N2', toNodeId: 'N1', skuId: 'S1', qty: 40, shipDate: '2026-03-05', note: 'Cover the Monday orders' },
    ]);
    expect(proposals).toEqual([
      expect.objectContaining({ id: 'buy-1', kind: 'purchase', supplier: 'Alpen Tools', requestedQty: 42, qty: 50, orderDate: '2026-03-04', arrivalDate: '2026-03-07', neededBy: '2026-03-08', daysLate: 0, cost: 200 }),
      expect.objectContaining({ id: 'move-1', kind: 'transfer', fromNodeId: 'N2', nodeId: 'N1', qty: 40, shipDate: '2026-03-05', arrivalDate: '2026-03-07', neededBy: '2026-03-08', daysLate: 0, cost: 20 }),
    ]);
    expect(proposals[0]?.reason.text).toBe('Planned in the scenario: 50 × S1 from Alpen Tools for N1, ordered 2026-03-04, arriving 2026-03-07, 200.00 at 4.00 a unit.');
    // The planner's note is the reason the approver reads.
    expect(proposals[1]?.reason.text).toBe('Cover the Monday orders');
  });

  it('follows later edits: an outage holds the shipment, new lane terms change transit and cost, a delay makes a purchase late', () => {
    const proposals = proposalsAfter([
      { id: 'move-1', kind: 'add-transfer', fromNodeId: 'N2', toNodeId: 'N1', skuId: 'S1', qty: 40, shipDate: '2026-03-03' },
      { id: 'out', kind: 'node-outage', nodeId: 'N2', fromDate: '2026-03-03', toDate: '2026-03-04' },
      { id: 'lane', kind: 'change-lane', fromNodeId: 'N2', toNodeId: 'N1', transitDays: 4, costPerUnit: 1.25 },
      { id: 'buy-1', kind: 'add-purchase', supplierOptionId: 'S1@1', nodeId: 'N1', qty: 60, orderDate: '2026-03-04' },
      { id: 'late', kind: 'delay-supply', supplyLineId: 'buy-1', days: 5 },
    ]);
    expect(proposals.map((proposal) => [proposal.id, proposal.arrivalDate, proposal.daysLate, proposal.cost])).toEqual([
      ['move-1', '2026-03-09', 1, 50],
      ['buy-1', '2026-03-12', 4, 240],
    ]);
    expect(proposals[0]).toMatchObject({ shipDate: '2026-03-05' });
  });

  it('proposes nothing for a cancelled purchase or a removed transfer, and nothing for the baseline', () => {
    expect(
      proposalsAfter([
        { id: 'buy-1', kind: 'add-purchase', supplierOptionId: 'S1@1', nodeId: 'N1', qty: 60, orderDate: '2026-03-04' },
        { id: 'move-1', kind: 'add-transfer', fromNodeId: 'N2', toNodeId: 'N1', skuId: 'S1', qty: 40, shipDate: '2026-03-05' },
        { id: 'drop', kind: 'cancel-supply', supplyLineId: 'buy-1' },
        { id: 'undo-move', kind: 'remove-transfer', transferId: 'move-1' },
      ]),
    ).toEqual([]);
    expect(proposalsAfter([])).toEqual([]);
  });
});
