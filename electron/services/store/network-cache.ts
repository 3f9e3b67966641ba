import type { Database } from 'better-sqlite3';
import type { DataKind, Freshness, NetworkSnapshot, OdooRecordRef, SnapshotMeta, SupplyKind } from '../../../shared/domain';
import { decodeSnapshotImage, encodeSnapshotImage, SNAPSHOT_IMAGE_FORMAT } from './snapshot-image';

interface MetaRow {
  source: SnapshotMeta['source'];
  region_code: string;
  currency: string;
  taken_at: string;
  day_zero: string;
  horizon_days: number;
  demo_seed: number | null;
  demo_nodes: number | null;
  demo_skus: number | null;
}

interface SourceColumns {
  source_model: string | null;
  source_id: number | null;
  source_name: string | null;
}

function sourceOf(row: SourceColumns): OdooRecordRef | null {
  return row.source_model !== null && row.source_id !== null ? { model: row.source_model, id: row.source_id, name: row.source_name ?? '' } : null;
}

function metaFromRow(row: MetaRow): SnapshotMeta {
  return {
    source: row.source,
    regionCode: row.region_code,
    currency: row.currency,
    takenAt: row.taken_at,
    dayZero: row.day_zero,
    horizonDays: row.horizon_days,
    demo: row.demo_seed !== null && row.demo_nodes !== null && row.demo_skus !== null ? { seed: row.demo_seed, nodes: row.demo_nodes, skus: row.demo_skus } : null,
  };
}

const NETWORK_TABLES = ['snapshot_meta', 'nodes', 'skus', 'lanes', 'stock_rules', 'supplier_options', 'stock_positions', 'supply_lines', 'demand_lines', 'freshness'] as const;

/** Reads and replaces the cached picture of the network. Queries live here, not in the services. */
export class NetworkCache {
  constructor(private readonly db: Database) {}

  readMeta(): SnapshotMeta | null {
    const row = this.db.prepare('SELECT * FROM snapshot_meta WHERE id = 1').get() as MetaRow | undefined;
    return row ? metaFromRow(row) : null;
  }

  hasSnapshot(): boolean {
    return this.readMeta() !== null;
  }

  counts(): Record<(typeof NETWORK_TABLES)[number], number> {
    const entries = NETWORK_TABLES.map((table) => [table, (this.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n] as const);
    return Object.fromEntries(entries) as Record<(typeof NETWORK_TABLES)[number], number>;
  }

  readFreshness(): Freshness[] {
    return (this.db.prepare('SELECT node_id, kind, as_of FROM freshness ORDER BY node_id, kind').all() as { node_id: string; kind: DataKind; as_of: string }[]).map(
      (row) => ({ nodeId: row.node_id, kind: row.kind, asOf: row.as_of }),
    );
  }

  /** Replaces the whole cached network in one transaction: a reader never sees half of two snapshots. */
  replaceSnapshot(snapshot: NetworkSnapshot): void {
    this.db.transaction(() => {
      for (const step of this.replacementSteps(snapshot)) step();
    })();
  }

  /**
   * The same replacement, still one transaction, but handing control back between slices so the
   * planning worker can answer the screen while a large network is being stored. A reader on
   * another connection sees the old network until the commit; a crash leaves the old one intact.
   */
  async replaceSnapshotInSlices(snapshot: NetworkSnapshot, pause: () => Promise<void>): Promise<void> {
    this.db.exec('BEGIN IMMEDIATE');
    try {
      for (const step of this.replacementSteps(snapshot)) {
        step();
        await pause();
      }
      this.db.exec('COMMIT');
    } catch (error) {
      if (this.db.inTransaction) this.db.exec('ROLLBACK');
      throw error;
    }
  }

  private *replacementSteps(snapshot: NetworkSnapshot): Generator<() => void> {
    const db = this.db;
    const SLICE = 5_000;
    function* sliced<T>(items: readonly T[], insert: (item: T) => void): Generator<() => void> {
      for (let start = 0; start < items.length; start += SLICE) {
        yield () => {
          const end = Math.min(items.length, start + SLICE);
          for (let i = start; i < end; i++) insert(items[i] as T);
        };
      }
    }
    yield () => {
      for (const table of NETWORK_TABLES) db.prepare(`DELETE FROM ${table}`).run();
      const { meta } = snapshot;
      db.prepare(
        `INSERT INTO snapshot_meta (id, source, region_code, currency, taken_at, day_zero, horizon_days, demo_seed, demo_nodes, demo_skus)
         VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(meta.source, meta.regionCode, meta.currency, meta.takenAt, meta.dayZero, meta.horizonDays, meta.demo?.seed ?? null, meta.demo?.nodes ?? null, meta.demo?.skus ?? null);
      const insertNode = db.prepare('INSERT INTO nodes (id, code, name, area, kind, odoo_warehouse_id) VALUES (?, ?, ?, ?, ?, ?)');
      for (const node of snapshot.nodes) insertNode.run(node.id, node.code, node.name, node.area, node.kind, node.odooWarehouseId);
      const insertLane = db.prepare('INSERT INTO lanes (from_node_id, to_node_id, transit_days, cost_per_unit, daily_capacity) VALUES (?, ?, ?, ?, ?)');
      for (const lane of snapshot.lanes) insertLane.run(lane.fromNodeId, lane.toNodeId, lane.transitDays, lane.costPerUnit, lane.dailyCapacity);
      const insertFreshness = db.prepare('INSERT INTO freshness (node_id, kind, as_of) VALUES (?, ?, ?)');
      for (const entry of snapshot.freshness) insertFreshness.run(entry.nodeId, entry.kind, entry.asOf);
    };
    const insertSku = db.prepare('INSERT INTO skus (id, code, name, uom, unit_cost, unit_price, abc_class, odoo_product_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    yield* sliced(snapshot.skus, (sku) => insertSku.run(sku.id, sku.code, sku.name, sku.uom, sku.unitCost, sku.unitPrice, sku.abcClass, sku.odooProductId));
    const insertRule = db.prepare('INSERT INTO stock_rules (node_id, sku_id, min_qty, max_qty, multiple, safety_stock) VALUES (?, ?, ?, ?, ?, ?)');
    yield* sliced(snapshot.stockRules, (rule) => insertRule.run(rule.nodeId, rule.skuId, rule.min, rule.max, rule.multiple, rule.safetyStock));
    const insertOption = db.prepare(
      'INSERT INTO supplier_options (id, sku_id, supplier, odoo_partner_id, lead_days, min_qty, multiple, unit_price) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    );
    yield* sliced(snapshot.supplierOptions, (option) =>
      insertOption.run(option.id, option.skuId, option.supplier, option.odooPartnerId, option.leadDays, option.minQty, option.multiple, option.unitPrice),
    );
    const insertPosition = db.prepare('INSERT INTO stock_positions (node_id, sku_id, on_hand, reserved) VALUES (?, ?, ?, ?)');
    yield* sliced(snapshot.positions, (position) => insertPosition.run(position.nodeId, position.skuId, position.onHand, position.reserved));
    const insertSupply = db.prepare(
      'INSERT INTO supply_lines (id, node_id, sku_id, qty, eta, kind, counterparty, source_model, source_id, source_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    yield* sliced(snapshot.supply, (line) =>
      insertSupply.run(line.id, line.nodeId, line.skuId, line.qty, line.eta, line.kind, line.counterparty, line.source?.model ?? null, line.source?.id ?? null, line.source?.name ?? null),
    );
    const insertDemand = db.prepare(
      'INSERT INTO demand_lines (id, node_id, sku_id, qty, due_date, customer, priority, unit_margin, source_model, source_id, source_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    yield* sliced(snapshot.demand, (line) =>
      insertDemand.run(
        line.id,
        line.nodeId,
        line.skuId,
        line.qty,
        line.dueDate,
        line.customer,
        line.priority,
        line.unitMargin,
        line.source?.model ?? null,
        line.source?.id ?? null,
        line.source?.name ?? null,
      ),
    );
    yield () => this.storeImage(snapshot);
  }

  /** Per SKU of one node: on hand, open supply and open demand, whatever their dates (for reconciliation with Odoo). */
  totalsForNode(nodeId: string): { onHand: Map<string, number>; incoming: Map<string, number>; outgoing: Map<string, number> } {
    const collect = (sql: string): Map<string, number> =>
      new Map((this.db.prepare(sql).raw().all(nodeId) as [string, number][]).map(([sku, qty]) => [sku, qty]));
    return {
      onHand: collect('SELECT sku_id, on_hand FROM stock_positions WHERE node_id = ?'),
      incoming: collect('SELECT sku_id, sum(qty) FROM supply_lines WHERE node_id = ? GROUP BY sku_id'),
      outgoing: collect('SELECT sku_id, sum(qty) FROM demand_lines WHERE node_id = ? GROUP BY sku_id'),
    };
  }

  /** Which Odoo warehouse each node is and which Odoo product each SKU is, as the last sync found them. */
  odooIdentities(): { nodes: { nodeId: string; warehouseId: number }[]; skuOfProduct: Map<number, string> } {
    const nodes = (this.db.prepare('SELECT id, odoo_warehouse_id FROM nodes WHERE odoo_warehouse_id IS NOT NULL ORDER BY rowid').raw().all() as [string, number][]).map(([nodeId, warehouseId]) => ({ nodeId, warehouseId }));
    const skus = this.db.prepare('SELECT odoo_product_id, id FROM skus WHERE odoo_product_id IS NOT NULL').raw().all() as [number, string][];
    return { nodes, skuOfProduct: new Map(skus) };
  }

  /** Keeps a columnar copy of `snapshot`, which must be what the tables hold right now. */
  storeImage(snapshot: NetworkSnapshot): void {
    this.db.prepare('INSERT OR REPLACE INTO snapshot_image (id, format, document) VALUES (1, ?, ?)').run(SNAPSHOT_IMAGE_FORMAT, encodeSnapshotImage(snapshot));
  }

  hasImage(): boolean {
    return this.db.prepare('SELECT 1 FROM snapshot_image WHERE id = 1 AND format = ?').get(SNAPSHOT_IMAGE_FORMAT) !== undefined;
  }

  /**
   * The cached network, from its columnar image when there is a current one, else from the
   * tables (and then the image is made again for next time).
   */
  readSnapshot(): NetworkSnapshot | null {
    const row = this.db.prepare('SELECT document FROM snapshot_image WHERE id = 1 AND format = ?').get(SNAPSHOT_IMAGE_FORMAT) as { document: string } | undefined;
    const fromImage = row ? decodeSnapshotImage(row.document) : null;
    if (fromImage) return fromImage;
    const snapshot = this.readSnapshotFromTables();
    if (snapshot) this.storeImage(snapshot);
    return snapshot;
  }

  /** The cached network as the engine's input, row by row from the tables; null when nothing has been loaded yet. */
  readSnapshotFromTables(): NetworkSnapshot | null {
    const db = this.db;
    const meta = this.readMeta();
    if (!meta) return null;
    type NodeRow = { id: string; code: string; name: string; area: string; kind: NetworkSnapshot['nodes'][number]['kind']; odoo_warehouse_id: number | null };
    type SkuRow = { id: string; code: string; name: string; uom: string; unit_cost: number; unit_price: number; abc_class: 'A' | 'B' | 'C' | null; odoo_product_id: number | null };
    type LaneRow = { from_node_id: string; to_node_id: string; transit_days: number; cost_per_unit: number; daily_capacity: number | null };
    type RuleRow = { node_id: string; sku_id: string; min_qty: number; max_qty: number; multiple: number; safety_stock: number };
    type OptionRow = { id: string; sku_id: string; supplier: string; odoo_partner_id: number | null; lead_days: number; min_qty: number; multiple: number; unit_price: number };
    type PositionRow = { node_id: string; sku_id: string; on_hand: number; reserved: number };
    type SupplyRow = SourceColumns & { id: string; node_id: string; sku_id: string; qty: number; eta: string; kind: SupplyKind; counterparty: string | null };
    type DemandRow = SourceColumns & { id: string; node_id: string; sku_id: string; qty: number; due_date: string; customer: string; priority: number; unit_margin: number };
    return {
      meta,
      nodes: (db.prepare('SELECT * FROM nodes ORDER BY rowid').all() as NodeRow[]).map((row) => ({
        id: row.id,
        code: row.code,
        name: row.name,
        area: row.area,
        kind: row.kind,
        odooWarehouseId: row.odoo_warehouse_id,
      })),
      skus: (db.prepare('SELECT * FROM skus ORDER BY rowid').all() as SkuRow[]).map((row) => ({
        id: row.id,
        code: row.code,
        name: row.name,
        uom: row.uom,
        unitCost: row.unit_cost,
        unitPrice: row.unit_price,
        abcClass: row.abc_class,
        odooProductId: row.odoo_product_id,
      })),
      lanes: (db.prepare('SELECT * FROM lanes ORDER BY from_node_id, to_node_id').all() as LaneRow[]).map((row) => ({
        fromNodeId: row.from_node_id,
        toNodeId: row.to_node_id,
        transitDays: row.transit_days,
        costPerUnit: row.cost_per_unit,
        dailyCapacity: row.daily_capacity,
      })),
      stockRules: (db.prepare('SELECT * FROM stock_rules ORDER BY node_id, sku_id').all() as RuleRow[]).map((row) => ({
        nodeId: row.node_id,
        skuId: row.sku_id,
        min: row.min_qty,
        max: row.max_qty,
        multiple: row.multiple,
        safetyStock: row.safety_stock,
      })),
      supplierOptions: (db.prepare('SELECT * FROM supplier_options ORDER BY rowid').all() as OptionRow[]).map((row) => ({
        id: row.id,
        skuId: row.sku_id,
        supplier: row.supplier,
        odooPartnerId: row.odoo_partner_id,
        leadDays: row.lead_days,
        minQty: row.min_qty,
        multiple: row.multiple,
        unitPrice: row.unit_price,
      })),
      positions: (db.prepare('SELECT * FROM stock_positions ORDER BY node_id, sku_id').all() as PositionRow[]).map((row) => ({
        nodeId: row.node_id,
        skuId: row.sku_id,
        onHand: row.on_hand,
        reserved: row.reserved,
      })),
      supply: (db.prepare('SELECT * FROM supply_lines ORDER BY id').all() as SupplyRow[]).map((row) => ({
        id: row.id,
        nodeId: row.node_id,
        skuId: row.sku_id,
        qty: row.qty,
        eta: row.eta,
        kind: row.kind,
        counterparty: row.counterparty,
        source: sourceOf(row),
      })),
      demand: (db.prepare('SELECT * FROM demand_lines ORDER BY id').all() as DemandRow[]).map((row) => ({
        id: row.id,
        nodeId: row.node_id,
        skuId: row.sku_id,
        qty: row.qty,
        dueDate: row.due_date,
        customer: row.customer,
        priority: row.priority,
        unitMargin: row.unit_margin,
        source: sourceOf(row),
      })),
      freshness: this.readFreshness(),
    };
  }
}
