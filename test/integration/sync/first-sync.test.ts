import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoNetwork } from '../../../shared/demo';
import type { NetworkSnapshot } from '../../../shared/domain';
import { DAY_ZERO, syncRig, type SyncRig } from './sync-fixture';

/** Quantities per node × SKU × day, so two networks with different line ids can be compared. */
function flowsByDay(lines: { nodeId: string; skuId: string; qty: number }[], dateOf: (line: never) => string): Map<string, number> {
  const totals = new Map<string, number>();
  for (const line of lines) {
    const key = `${line.nodeId}|${line.skuId}|${dateOf(line as never)}`;
    totals.set(key, Math.round(((totals.get(key) ?? 0) + line.qty) * 1000) / 1000);
  }
  return totals;
}

function positionsOf(snapshot: NetworkSnapshot): Map<string, [number, number]> {
  return new Map(snapshot.positions.filter((p) => p.onHand !== 0 || p.reserved !== 0).map((p) => [`${p.nodeId}|${p.skuId}`, [p.onHand, p.reserved]]));
}

describe.each([18, 17] as const)('the first sync from the stand-in speaking Odoo %i', (version) => {
  let rig: SyncRig;
  beforeAll(async () => {
    rig = await syncRig({ version, nodes: 4, skus: 40, seed: 11 });
  });
  afterAll(async () => rig.close());

  it('shows the same network as the demo with the same seed, and reconciles with Odoo on every node', async () => {
    const target = await rig.cache();
    const report = await target.sync.run(rig.client());
    expect(report.kind).toBe('first');
    expect(report.problems).toEqual([]);
    expect(report.reconciliation.nodes).toBe(4);
    expect(report.reconciliation.differences).toEqual([]);

    const synced = target.cache.readSnapshot();
    const demo = generateDemoNetwork({ seed: 11, nodes: 4, skus: 40, dayZero: DAY_ZERO, takenAt: `${DAY_ZERO}T09:00:00Z` }).snapshot;
    if (!synced) throw new Error('nothing synced');
    expect(synced.meta.source).toBe('odoo');
    expect(synced.nodes.map((node) => node.id)).toEqual(demo.nodes.map((node) => node.id));
    expect(synced.skus.map((sku) => [sku.id, sku.unitCost, sku.unitPrice])).toEqual(demo.skus.map((sku) => [sku.id, sku.unitCost, sku.unitPrice]));
    expect(positionsOf(synced)).toEqual(positionsOf(demo));
    expect(flowsByDay(synced.demand, (line: { dueDate: string }) => line.dueDate)).toEqual(flowsByDay(demo.demand, (line: { dueDate: string }) => line.dueDate));
    expect(flowsByDay(synced.supply, (line: { eta: string }) => line.eta)).toEqual(flowsByDay(demo.supply, (line: { eta: string }) => line.eta));
    const kinds = (snapshot: NetworkSnapshot): Record<string, number> => snapshot.supply.reduce<Record<string, number>>((acc, line) => ({ ...acc, [line.kind]: (acc[line.kind] ?? 0) + 1 }), {});
    expect(kinds(synced)).toEqual(kinds(demo));
    // Customers, priorities and margins travel from the sale orders.
    const key = (line: { nodeId: string; skuId: string; dueDate: string; customer: string; priority: number; unitMargin: number; qty: number }): string =>
      `${line.nodeId}|${line.skuId}|${line.dueDate}|${line.customer}|${line.priority}|${line.unitMargin}|${line.qty}`;
    expect(synced.demand.map(key).sort()).toEqual(demo.demand.map(key).sort());
    expect(synced.stockRules.length).toBe(demo.stockRules.length);
    expect(synced.supplierOptions.map((option) => [option.skuId, option.supplier, option.leadDays, option.minQty, option.multiple, option.unitPrice]).sort()).toEqual(
      demo.supplierOptions.map((option) => [option.skuId, option.supplier, option.leadDays, option.minQty, option.multiple, option.unitPrice]).sort(),
    );
    expect(synced.lanes.length).toBeGreaterThan(0);
    expect(target.progress.some((event) => event.label === 'Stock on hand' && event.done === event.total && event.total > 0)).toBe(true);
  });
});
