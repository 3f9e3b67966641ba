import { describe, expect, it } from 'vitest';
import { projectStock } from '../../../shared/engine';
import { freshnessByNode, staleNodeIds } from '../../../electron/services/planning/views/freshness';
import { summariseNetwork } from '../../../electron/services/planning/views/network-summary';
import { networkSnapshot } from '../../factories/snapshot';

const thresholds = { stockMinutes: 60, demandMinutes: 60, supplyMinutes: 240, masterMinutes: 1440 };

describe('the Network summary', () => {
  const snapshot = networkSnapshot({
    dayZero: '2026-03-02',
    nodes: ['N1', 'N2'],
    skus: [{ id: 'A', unitPrice: 3 }, { id: 'B', unitPrice: 7 }],
    positions: [
      { nodeId: 'N1', skuId: 'A', onHand: 2, reserved: 0 },
      { nodeId: 'N1', skuId: 'B', onHand: 100, reserved: 0 },
    ],
    demand: [
      { nodeId: 'N1', skuId: 'A', qty: 5, dueDate: '2026-03-04' }, // short day 2 by 3
      { nodeId: 'N1', skuId: 'B', qty: 120, dueDate: '2026-03-22' }, // short day 20 by 20
    ],
  });
  const projection = projectStock(snapshot);

  it('counts shortages within 7 and 30 days and adds up the value at risk', () => {
    const summary = summariseNetwork(snapshot, projection, freshnessByNode(snapshot, thresholds, new Date('2026-03-02T06:30:00Z')));
    const n1 = summary.nodes.find((node) => node.nodeId === 'N1');
    expect(n1).toMatchObject({ shortWithin7Days: 1, shortWithin30Days: 2, unitsShort: 23, valueAtRisk: 3 * 3 + 20 * 7 });
    // Demand-weighted: (2 days × 5 + 20 days × 120) / 125
    expect(n1?.daysOfCover).toBe(19.3);
    expect(summary.totals).toMatchObject({ shortWithin7Days: 1, shortWithin30Days: 2, skuRows: 4 });
  });

  it('marks a node stale when any kind of its data is older than the region allows, or was never taken', () => {
    // The factory records only stock freshness: demand, supply and master data were never taken.
    const freshness = freshnessByNode(snapshot, thresholds, new Date('2026-03-02T06:30:00Z'));
    expect(freshness.get('N1')?.find((view) => view.kind === 'stock')).toMatchObject({ ageMinutes: 30, stale: false });
    expect(freshness.get('N1')?.find((view) => view.kind === 'demand')).toMatchObject({ asOf: null, stale: true });
    expect(staleNodeIds(freshness)).toEqual(new Set(['N1', 'N2']));
    const complete = { ...snapshot, freshness: snapshot.nodes.flatMap((node) => (['master', 'stock', 'demand', 'supply'] as const).map((kind) => ({ nodeId: node.id, kind, asOf: '2026-03-02T06:00:00.000Z' }))) };
    expect(staleNodeIds(freshnessByNode(complete, thresholds, new Date('2026-03-02T06:30:00Z')))).toEqual(new Set());
    expect(staleNodeIds(freshnessByNode(complete, thresholds, new Date('2026-03-02T07:30:00Z')))).toEqual(new Set(['N1', 'N2']));
  });
});
