import type { Database } from 'better-sqlite3';
import type { RowFlows } from '../../../shared/approvals';

export interface FactsMeta {
  takenAt: string;
  dayZero: string;
  horizonDays: number;
}

export interface LaneTerms {
  fromNodeId: string;
  toNodeId: string;
  transitDays: number;
  costPerUnit: number;
}

export interface SupplierTerms {
  id: string;
  skuId: string;
  supplier: string;
  leadDays: number;
  minQty: number;
  multiple: number;
  unitPrice: number;
}

/**
 * Small, indexed reads of the network cache for checking one proposal at a time (a lane's cost, a
 * supplier's price, one node × SKU's flows). They run on the main process because each touches a
 * handful of rows; anything that reads the whole network belongs in the planning worker.
 */
export class NetworkFacts {
  constructor(private readonly db: Database) {}

  meta(): FactsMeta | null {
    const row = this.db.prepare('SELECT taken_at, day_zero, horizon_days FROM snapshot_meta WHERE id = 1').get() as { taken_at: string; day_zero: string; horizon_days: number } | undefined;
    return row ? { takenAt: row.taken_at, dayZero: row.day_zero, horizonDays: row.horizon_days } : null;
  }

  nodeCode(nodeId: string): string | null {
    const row = this.db.prepare('SELECT code FROM nodes WHERE id = ?').get(nodeId) as { code: string } | undefined;
    return row?.code ?? null;
  }

  skuUnitCost(skuId: string): number | null {
    const row = this.db.prepare('SELECT unit_cost FROM skus WHERE id = ?').get(skuId) as { unit_cost: number } | undefined;
    return row?.unit_cost ?? null;
  }

  hasSku(skuId: string): boolean {
    return this.db.prepare('SELECT 1 FROM skus WHERE id = ?').get(skuId) !== undefined;
  }

  lane(fromNodeId: string, toNodeId: string): LaneTerms | null {
    const row = this.db.prepare('SELECT transit_days, cost_per_unit FROM lanes WHERE from_node_id = ? AND to_node_id = ?').get(fromNodeId, toNodeId) as
      | { transit_days: number; cost_per_unit: number }
      | undefined;
    return row ? { fromNodeId, toNodeId, transitDays: row.transit_days, costPerUnit: row.cost_per_unit } : null;
  }

  lanesInto(toNodeId: string): LaneTerms[] {
    const rows = this.db.prepare('SELECT from_node_id, transit_days, cost_per_unit FROM lanes WHERE to_node_id = ? ORDER BY cost_per_unit, from_node_id').all(toNodeId) as {
      from_node_id: string;
      transit_days: number;
      cost_per_unit: number;
    }[];
    return rows.map((row) => ({ fromNodeId: row.from_node_id, toNodeId, transitDays: row.transit_days, costPerUnit: row.cost_per_unit }));
  }

  supplierOption(id: string): SupplierTerms | null {
    const row = this.db.prepare('SELECT * FROM supplier_options WHERE id = ?').get(id) as SupplierRow | undefined;
    return row ? supplierFrom(row) : null;
  }

  supplierOptionsOf(skuId: string): SupplierTerms[] {
    return (this.db.prepare('SELECT * FROM supplier_options WHERE sku_id = ? ORDER BY unit_price, id').all(skuId) as SupplierRow[]).map(supplierFrom);
  }

  stockRule(nodeId: string, skuId: string): { min: number; max: number } | null {
    const row = this.db.prepare('SELECT min_qty, max_qty FROM stock_rules WHERE node_id = ? AND sku_id = ?').get(nodeId, skuId) as { min_qty: number; max_qty: number } | undefined;
    return row ? { min: row.min_qty, max: row.max_qty } : null;
  }

  /** On hand and open flows of one node × SKU (reserved is not needed: its demand line is counted). */
  rowFlows(nodeId: string, skuId: string): RowFlows {
    const position = this.db.prepare('SELECT on_hand FROM stock_positions WHERE node_id = ? AND sku_id = ?').get(nodeId, skuId) as { on_hand: number } | undefined;
    const supply = this.db.prepare('SELECT eta AS date, qty FROM supply_lines WHERE node_id = ? AND sku_id = ?').all(nodeId, skuId) as { date: string; qty: number }[];
    const demand = this.db.prepare('SELECT due_date AS date, qty FROM demand_lines WHERE node_id = ? AND sku_id = ?').all(nodeId, skuId) as { date: string; qty: number }[];
    return { onHand: position?.on_hand ?? 0, supply, demand };
  }
}

interface SupplierRow {
  id: string;
  sku_id: string;
  supplier: string;
  lead_days: number;
  min_qty: number;
  multiple: number;
  unit_price: number;
}

function supplierFrom(row: SupplierRow): SupplierTerms {
  return { id: row.id, skuId: row.sku_id, supplier: row.supplier, leadDays: row.lead_days, minQty: row.min_qty, multiple: row.multiple, unitPrice: row.unit_price };
}
