import { describe, expect, it } from 'vitest';
import type { ScenarioComparison } from '../../../shared/domain';
import { buildNetworkModel } from '../../../shared/engine';
import { changedRowsPage } from '../../../electron/services/planning/views/compare-view';
import { NetworkLabels } from '../../../electron/services/planning/views/network-labels';
import { networkSnapshot } from '../../factories/snapshot';

const labels = new NetworkLabels(buildNetworkModel(networkSnapshot({ dayZero: '2026-03-02', nodes: ['N1', 'N2'], skus: [{ id: 'A' }, { id: 'B' }] })));
const outlook = (unitsShort: number) => ({ lowestBalance: -unitsShort, firstShortageDate: null, belowMinDate: null, unitsShort, stockoutDays: 0, endBalance: 0 });
const kpis = { demandUnits: 0, unitsShort: 0, fillRate: 1, stockoutNodeDays: 0, transferCost: 0, purchaseCost: 0, inventoryValue: 0 };
const comparison: ScenarioComparison = {
  base: kpis,
  scenario: kpis,
  delta: kpis,
  changedRows: [
    { nodeId: 'N1', skuId: 'A', base: outlook(10), scenario: outlook(4) },
    { nodeId: 'N1', skuId: 'B', base: outlook(0), scenario: outlook(3) },
    { nodeId: 'N2', skuId: 'A', base: outlook(5), scenario: outlook(0) },
  ],
};
const keys = (rows: { nodeId: string; skuId: string; unitsShortDelta: number }[]) => rows.map((row) => `${row.nodeId}/${row.skuId} ${row.unitsShortDelta}`);

describe('the changed rows of a comparison', () => {
  it('page in row order, or by how much shortage changed, either way', () => {
    expect(keys(changedRowsPage(comparison, labels, { sort: 'row', direction: 'asc', offset: 0, limit: 10 }).rows)).toEqual(['N1/A -6', 'N1/B 3', 'N2/A -5']);
    expect(keys(changedRowsPage(comparison, labels, { sort: 'unitsShortDelta', direction: 'asc', offset: 0, limit: 10 }).rows)).toEqual(['N1/A -6', 'N2/A -5', 'N1/B 3']);
    expect(keys(changedRowsPage(comparison, labels, { sort: 'unitsShortDelta', direction: 'desc', offset: 1, limit: 1 }).rows)).toEqual(['N2/A -5']);
    expect(changedRowsPage(comparison, labels, { sort: 'row', direction: 'desc', offset: 0, limit: 1 })).toMatchObject({ total: 3, rows: [{ nodeId: 'N2', skuId: 'A' }] });
  });
});
