import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDemoNetwork } from '../../../shared/demo';
import { NetworkSnapshot } from '../../../shared/domain';

const base = { dayZero: '2026-11-27', takenAt: '2026-11-27T07:00:00.000Z' };

describe('the demo network', () => {
  const network = generateDemoNetwork({ seed: 42, nodes: 10, skus: 2000, ...base });
  const { snapshot } = network;

  it('is byte-for-byte the same for the same seed and day, and different for another seed', () => {
    const again = generateDemoNetwork({ seed: 42, nodes: 10, skus: 2000, ...base });
    expect(JSON.stringify(again)).toBe(JSON.stringify(network));
    const other = generateDemoNetwork({ seed: 43, nodes: 10, skus: 2000, ...base });
    expect(JSON.stringify(other.snapshot.positions)).not.toBe(JSON.stringify(snapshot.positions));
  });

  it('has 3 regional warehouses, 6 forward stocking locations and one 3PL by default', () => {
    const kinds = snapshot.nodes.map((node) => node.kind);
    expect(kinds.filter((kind) => kind === 'regional-warehouse')).toHaveLength(3);
    expect(kinds.filter((kind) => kind === 'forward-stocking')).toHaveLength(6);
    expect(kinds.filter((kind) => kind === '3pl')).toHaveLength(1);
    expect(snapshot.positions).toHaveLength(10 * 2000);
    expect(snapshot.nodes.every((node) => node.code.length <= 5)).toBe(true); // Odoo warehouse codes
  });

  it('passes its own schema', () => {
    expect(NetworkSnapshot.safeParse(snapshot).success).toBe(true);
  });

  it('looks like a real distribution business', () => {
    const classes = snapshot.skus.map((sku) => sku.abcClass);
    const share = (c: string): number => classes.filter((value) => value === c).length / classes.length;
    expect(share('A')).toBeGreaterThan(0.1);
    expect(share('A')).toBeLessThan(0.2);
    expect(share('C')).toBeGreaterThan(0.45);
    expect(snapshot.skus.some((sku) => /Snow shovel|Garden hose|De-icing salt/.test(sku.name))).toBe(true);
    const late = snapshot.supply.filter((line) => line.kind === 'purchase' && line.eta < base.dayZero);
    expect(late.length).toBeGreaterThan(0);
    expect(snapshot.supply.some((line) => line.kind === 'transit')).toBe(true);
    expect(snapshot.supply.some((line) => line.kind === 'transfer-in')).toBe(true);
    expect(snapshot.demand.some((line) => line.dueDate < base.dayZero)).toBe(true);
    expect(new Set(snapshot.demand.map((line) => line.priority))).toEqual(new Set([1, 2, 3]));
    expect(snapshot.demand.every((line) => line.dueDate <= '2027-02-24')).toBe(true);
    expect(snapshot.stockRules.every((rule) => rule.min <= rule.max)).toBe(true);
    expect(snapshot.supplierOptions.every((option) => option.leadDays >= 5 && option.multiple >= 1)).toBe(true);
  });

  it('reserves stock only for what is due now, and never more than is on hand', () => {
    const onHand = new Map(snapshot.positions.map((position) => [`${position.nodeId}|${position.skuId}`, position]));
    const demandById = new Map(snapshot.demand.map((line) => [line.id, line]));
    for (const reservation of network.reservations) {
      const line = demandById.get(reservation.demandLineId);
      expect((line?.dueDate ?? '9999') <= base.dayZero).toBe(true);
      expect(reservation.qty).toBeLessThanOrEqual(line?.qty ?? 0);
    }
    for (const position of onHand.values()) expect(position.reserved).toBeLessThanOrEqual(Math.max(0, position.onHand));
  });

  it('scales to 25 nodes with the same layout rule', () => {
    const big = generateDemoNetwork({ seed: 1, nodes: 25, skus: 50, ...base });
    expect(big.snapshot.nodes).toHaveLength(25);
    expect(new Set(big.snapshot.nodes.map((node) => node.code)).size).toBe(25);
  });

  it('matches the nodes and lanes of regions/demo.json, so the demo and the demo region agree', () => {
    const profile = JSON.parse(readFileSync(new URL('../../../regions/demo.json', import.meta.url), 'utf8')) as {
      nodes: { code: string; name: string; area: string; kind: string }[];
      lanes: { from: string; to: string; transitDays: number; costPerUnit: number }[];
    };
    expect(profile.nodes).toEqual(snapshot.nodes.map((node) => ({ code: node.code, name: node.name, area: node.area, kind: node.kind })));
    expect(profile.lanes.map((lane) => [lane.from, lane.to, lane.transitDays, lane.costPerUnit])).toEqual(
      snapshot.lanes.map((lane) => [lane.fromNodeId, lane.toNodeId, lane.transitDays, lane.costPerUnit]),
    );
  });
});
