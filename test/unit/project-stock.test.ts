import { describe, expect, it } from 'vitest';
import { daysOfCoverAt, projectStock, unitsShortAt, valueAtRiskAt } from '../../shared/engine';
import { networkSnapshot } from '../factories/snapshot';

describe('projected stock (DESIGN.md worked example)', () => {
  const snapshot = networkSnapshot({
    dayZero: '2026-03-02',
    nodes: ['N1', 'N2'],
    skus: [{ id: 'S1', unitPrice: 10 }],
    positions: [{ nodeId: 'N1', skuId: 'S1', onHand: 100, reserved: 30 }],
    demand: [
      { nodeId: 'N1', skuId: 'S1', qty: 30, dueDate: '2026-03-02' },
      { nodeId: 'N1', skuId: 'S1', qty: 50, dueDate: '2026-03-05' },
      { nodeId: 'N1', skuId: 'S1', qty: 60, dueDate: '2026-03-08' },
    ],
    supply: [{ nodeId: 'N1', skuId: 'S1', qty: 20, eta: '2026-03-07' }],
  });

  it('runs short on day 6 by 20 units and never subtracts the reservation twice', () => {
    const projection = projectStock(snapshot);
    expect(projection.lowestBalance[0]).toBe(-20);
    expect(projection.firstShortageDay[0]).toBe(6);
    expect(unitsShortAt(projection, 0)).toBe(20);
    expect(daysOfCoverAt(projection, 0)).toBe(6);
    expect(valueAtRiskAt(projection, 0)).toBe(200);
    expect((projection.onHand[0] ?? 0) - (projection.reserved[0] ?? 0)).toBe(70);
  });

  it('puts overdue demand on day 0', () => {
    const late = networkSnapshot({
      dayZero: '2026-03-02',
      nodes: ['N1'],
      skus: [{ id: 'S1', unitPrice: 1 }],
      positions: [{ nodeId: 'N1', skuId: 'S1', onHand: 5, reserved: 0 }],
      demand: [{ nodeId: 'N1', skuId: 'S1', qty: 8, dueDate: '2026-02-20' }],
      supply: [],
    });
    const projection = projectStock(late);
    expect(projection.firstShortageDay[0]).toBe(0);
    expect(projection.demand7[0]).toBe(8);
  });
});
