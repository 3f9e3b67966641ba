import { describe, expect, it } from 'vitest';
import type { NetworkSnapshot } from '../../../shared/domain';
import { allocateDemand, buildNetworkModel, openScenario, ScenarioPlan } from '../../../shared/engine';
import { networkSnapshot } from '../../factories/snapshot';

type Order = { id: string; nodeId: string; qty: number; dueDate: string; priority?: number; unitMargin?: number; customer?: string };

function network(input: { stock: Record<string, number>; orders: Order[]; lanes?: NetworkSnapshot['lanes']; supply?: NetworkSnapshot['supply'] }): NetworkSnapshot {
  const nodes = ['N1', 'N2', 'N3'];
  return networkSnapshot({
    dayZero: '2026-03-02',
    nodes,
    skus: [{ id: 'S1', unitPrice: 50, unitCost: 30 }],
    positions: Object.entries(input.stock).map(([nodeId, onHand]) => ({ nodeId, skuId: 'S1', onHand, reserved: 0 })),
    demand: input.orders.map((order) => ({ skuId: 'S1', priority: 3, unitMargin: 20, customer: `Customer ${order.id}`, ...order })),
    supply: input.supply ?? [],
    lanes: input.lanes ?? [],
  });
}

function allocate(snapshot: NetworkSnapshot) {
  return allocateDemand(new ScenarioPlan(buildNetworkModel(snapshot)));
}

const lane = (fromNodeId: string, toNodeId: string, transitDays: number, costPerUnit: number) => ({ fromNodeId, toNodeId, transitDays, costPerUnit, dailyCapacity: null });

describe('allocation a planner can check by hand', () => {
  it('serves an order from another warehouse when its own has none, shipping in time over the lane', () => {
    // N1 has nothing; N2 has 100 and a 2-day lane to N1 at 0.50 a unit. The order is due on day 5,
    // so N2 ships on day 3 and it arrives on time: value 40 × (20 − 0.50) = 780.
    const plan = allocate(network({ stock: { N2: 100 }, orders: [{ id: 'A', nodeId: 'N1', qty: 40, dueDate: '2026-03-07' }], lanes: [lane('N2', 'N1', 2, 0.5)] }));
    const line = plan.lines[0];
    expect(line).toMatchObject({ demandLineId: 'A', currentNodeId: 'N1', servedQty: 40, unservedQty: 0, moved: true, margin: 800, transportCost: 20, latePenalty: 0, value: 780 });
    expect(line?.parts).toEqual([
      { nodeId: 'N2', qty: 40, shipDate: '2026-03-05', arrivalDate: '2026-03-07', transitDays: 2, lateDays: 0, unitTransportCost: 0.5, unitLatePenalty: 0 },
    ]);
    expect(plan.totals).toMatchObject({ lines: 1, unitsDemanded: 40, unitsServed: 40, linesMoved: 1, objective: 780, rationedSkus: 0 });
  });

  it('keeps an order at its own warehouse when that is cheapest, and uses the cheaper lane when it must move', () => {
    const plan = allocate(
      network({
        stock: { N1: 10, N2: 100, N3: 100 },
        orders: [{ id: 'A', nodeId: 'N1', qty: 30, dueDate: '2026-03-12' }],
        lanes: [lane('N2', 'N1', 1, 2), lane('N3', 'N1', 1, 0.75)],
      }),
    );
    expect(plan.lines[0]?.parts.map((part) => [part.nodeId, part.qty, part.unitTransportCost])).toEqual([
      ['N1', 10, 0],
      ['N3', 20, 0.75],
    ]);
  });

  it('charges a late penalty of 2% of the unit price a day when the only stock arrives late', () => {
    // Due day 1; N1 gets 30 on day 4: 3 days late × 2% × 50 = 3.00 a unit.
    const plan = allocate(network({ stock: {}, orders: [{ id: 'A', nodeId: 'N1', qty: 30, dueDate: '2026-03-03' }], supply: [{ id: 'P1', nodeId: 'N1', skuId: 'S1', qty: 30, eta: '2026-03-06', kind: 'purchase', counterparty: null, source: null }] }));
    expect(plan.lines[0]?.parts[0]).toMatchObject({ nodeId: 'N1', shipDate: '2026-03-06', lateDays: 3, unitLatePenalty: 3 });
    expect(plan.lines[0]).toMatchObject({ latePenalty: 90, value: 30 * 20 - 90 });
  });

  it('gives priority 1 customers their full order before anyone else, then shares the rest in proportion to need', () => {
    // 100 in stock: the P1 order takes 40; P3 orders of 80 and 40 share the other 60 as 40 and 20.
    const plan = allocate(
      network({
        stock: { N1: 100 },
        orders: [
          { id: 'B', nodeId: 'N1', qty: 80, dueDate: '2026-03-04', priority: 3 },
          { id: 'A', nodeId: 'N1', qty: 40, dueDate: '2026-03-05', priority: 1 },
          { id: 'C', nodeId: 'N1', qty: 40, dueDate: '2026-03-04', priority: 3 },
        ],
      }),
    );
    const served = Object.fromEntries(plan.lines.map((line) => [line.demandLineId, line.servedQty]));
    expect(served).toEqual({ A: 40, B: 40, C: 20 });
    expect(plan.totals).toMatchObject({ unitsServed: 100, unitsUnserved: 60, rationedSkus: 1 });
  });

  it('shares in whole units, the odd unit going to the largest remainder', () => {
    // 10 units for needs of 7, 7 and 6 (20): exact shares 3.5, 3.5, 3 → 3, 3, 3 and one more unit
    // for the first of the two equal remainders by id (A).
    const plan = allocate(
      network({
        stock: { N1: 10 },
        orders: [
          { id: 'B', nodeId: 'N1', qty: 7, dueDate: '2026-03-04' },
          { id: 'A', nodeId: 'N1', qty: 7, dueDate: '2026-03-04' },
          { id: 'C', nodeId: 'N1', qty: 6, dueDate: '2026-03-04' },
        ],
      }),
    );
    expect(Object.fromEntries(plan.lines.map((line) => [line.demandLineId, line.servedQty]))).toEqual({ A: 4, B: 3, C: 3 });
  });

  it('does not promise stock a scenario transfer already ships out, and ships nothing from a node in outage until it ends', () => {
    const model = buildNetworkModel(
      network({ stock: { N2: 50 }, orders: [{ id: 'A', nodeId: 'N1', qty: 40, dueDate: '2026-03-05' }], lanes: [lane('N2', 'N1', 1, 1), lane('N2', 'N3', 1, 1)] }),
    );
    const outcome = openScenario(model, [
      { id: 't', kind: 'add-transfer', fromNodeId: 'N2', toNodeId: 'N3', skuId: 'S1', qty: 30, shipDate: '2026-03-02' },
      { id: 'o', kind: 'node-outage', nodeId: 'N2', fromDate: '2026-03-02', toDate: '2026-03-04' },
    ]);
    if (!outcome.ok) throw new Error(outcome.refusal.message);
    const line = allocateDemand(outcome.plan).lines[0];
    // 50 − 30 promised to N3 leaves 20; N2 ships again on day 3 and the lane takes 1 day: 1 day late.
    expect(line?.servedQty).toBe(20);
    expect(line?.parts[0]).toMatchObject({ nodeId: 'N2', shipDate: '2026-03-05', arrivalDate: '2026-03-06', lateDays: 1 });
  });
});
