import type { DemandLine, NetworkSnapshot, StockPosition, SupplyLine } from '../../shared/domain';

interface SnapshotFactoryInput {
  dayZero: string;
  nodes: string[];
  skus: { id: string; unitPrice?: number; unitCost?: number }[];
  positions?: StockPosition[];
  demand?: (Pick<DemandLine, 'nodeId' | 'skuId' | 'qty' | 'dueDate'> & Partial<DemandLine>)[];
  supply?: (Pick<SupplyLine, 'nodeId' | 'skuId' | 'qty' | 'eta'> & Partial<SupplyLine>)[];
  lanes?: NetworkSnapshot['lanes'];
  stockRules?: NetworkSnapshot['stockRules'];
  supplierOptions?: NetworkSnapshot['supplierOptions'];
  horizonDays?: number;
}

/** A small hand-made network for tests that a planner could check with a pencil. */
export function networkSnapshot(input: SnapshotFactoryInput): NetworkSnapshot {
  const takenAt = `${input.dayZero}T06:00:00.000Z`;
  return {
    meta: { source: 'file', regionCode: 'test', currency: 'EUR', takenAt, dayZero: input.dayZero, horizonDays: input.horizonDays ?? 90, demo: null },
    nodes: input.nodes.map((id) => ({ id, code: id, name: `Node ${id}`, area: 'Test', kind: 'regional-warehouse', odooWarehouseId: null })),
    skus: input.skus.map((sku) => ({
      id: sku.id,
      code: sku.id,
      name: `Item ${sku.id}`,
      uom: 'Units',
      unitCost: sku.unitCost ?? 1,
      unitPrice: sku.unitPrice ?? 2,
      abcClass: 'A',
      odooProductId: null,
    })),
    lanes: input.lanes ?? [],
    supplierOptions: input.supplierOptions ?? [],
    stockRules: input.stockRules ?? [],
    positions: input.positions ?? [],
    supply: (input.supply ?? []).map((line, index) => ({ id: `S${index + 1}`, kind: 'purchase', counterparty: null, source: null, ...line })),
    demand: (input.demand ?? []).map((line, index) => ({
      id: `D${index + 1}`,
      customer: 'Customer',
      priority: 3,
      unitMargin: 1,
      source: null,
      ...line,
    })),
    freshness: input.nodes.map((nodeId) => ({ nodeId, kind: 'stock', asOf: takenAt })),
  };
}

/**
 * DESIGN.md's worked example (Planning semantics): N1 projects 70, 20, 40 then −20 from day 6; N2
 * holds 80 two days away at 0.50 a unit. Tests add rules, options or nodes through `extra`.
 */
export function workedExampleSnapshot(extra: Partial<SnapshotFactoryInput> = {}): NetworkSnapshot {
  return networkSnapshot({
    dayZero: '2026-03-02',
    nodes: ['N1', 'N2'],
    skus: [{ id: 'S1', unitPrice: 10, unitCost: 6 }],
    positions: [
      { nodeId: 'N1', skuId: 'S1', onHand: 100, reserved: 30 },
      { nodeId: 'N2', skuId: 'S1', onHand: 80, reserved: 0 },
    ],
    demand: [
      { nodeId: 'N1', skuId: 'S1', qty: 30, dueDate: '2026-03-02' },
      { nodeId: 'N1', skuId: 'S1', qty: 50, dueDate: '2026-03-05' },
      { nodeId: 'N1', skuId: 'S1', qty: 60, dueDate: '2026-03-08' },
    ],
    supply: [{ nodeId: 'N1', skuId: 'S1', qty: 20, eta: '2026-03-07' }],
    lanes: [{ fromNodeId: 'N2', toNodeId: 'N1', transitDays: 2, costPerUnit: 0.5, dailyCapacity: null }],
    ...extra,
  });
}
