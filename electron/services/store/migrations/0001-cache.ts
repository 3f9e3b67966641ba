import type { Migration } from './migration';

/** The network cache: master data, positions, open flows, and when each node's data was taken. */
export const migration0001Cache: Migration = {
  version: 1,
  name: 'network cache',
  up(db) {
    db.exec(`
      CREATE TABLE snapshot_meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        source TEXT NOT NULL CHECK (source IN ('demo', 'odoo', 'file')),
        region_code TEXT NOT NULL,
        currency TEXT NOT NULL,
        taken_at TEXT NOT NULL,
        day_zero TEXT NOT NULL,
        horizon_days INTEGER NOT NULL,
        demo_seed INTEGER,
        demo_nodes INTEGER,
        demo_skus INTEGER
      );
      CREATE TABLE nodes (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        area TEXT NOT NULL,
        kind TEXT NOT NULL,
        odoo_warehouse_id INTEGER
      );
      CREATE TABLE skus (
        id TEXT PRIMARY KEY,
        code TEXT NOT NULL,
        name TEXT NOT NULL,
        uom TEXT NOT NULL,
        unit_cost REAL NOT NULL,
        unit_price REAL NOT NULL,
        abc_class TEXT,
        odoo_product_id INTEGER
      );
      CREATE TABLE lanes (
        from_node_id TEXT NOT NULL,
        to_node_id TEXT NOT NULL,
        transit_days INTEGER NOT NULL,
        cost_per_unit REAL NOT NULL,
        daily_capacity INTEGER,
        PRIMARY KEY (from_node_id, to_node_id)
      ) WITHOUT ROWID;
      CREATE TABLE stock_rules (
        node_id TEXT NOT NULL,
        sku_id TEXT NOT NULL,
        min_qty REAL NOT NULL,
        max_qty REAL NOT NULL,
        multiple REAL NOT NULL,
        safety_stock REAL NOT NULL,
        PRIMARY KEY (node_id, sku_id)
      ) WITHOUT ROWID;
      CREATE TABLE supplier_options (
        id TEXT PRIMARY KEY,
        sku_id TEXT NOT NULL,
        supplier TEXT NOT NULL,
        odoo_partner_id INTEGER,
        lead_days INTEGER NOT NULL,
        min_qty REAL NOT NULL,
        multiple REAL NOT NULL,
        unit_price REAL NOT NULL
      );
      CREATE INDEX supplier_options_by_sku ON supplier_options (sku_id);
      CREATE TABLE stock_positions (
        node_id TEXT NOT NULL,
        sku_id TEXT NOT NULL,
        on_hand REAL NOT NULL,
        reserved REAL NOT NULL,
        PRIMARY KEY (node_id, sku_id)
      ) WITHOUT ROWID;
      CREATE TABLE supply_lines (
        id TEXT PRIMARY KEY,
        node_id TEXT NOT NULL,
        sku_id TEXT NOT NULL,
        qty REAL NOT NULL,
        eta TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('purchase', 'transfer-in', 'transit')),
        counterparty TEXT,
        source_model TEXT,
        source_id INTEGER,
        source_name TEXT
      );
      CREATE INDEX supply_lines_by_row ON supply_lines (node_id, sku_id);
      CREATE TABLE demand_lines (
        id TEXT PRIMARY KEY,
        node_id TEXT NOT NULL,
        sku_id TEXT NOT NULL,
        qty REAL NOT NULL,
        due_date TEXT NOT NULL,
        customer TEXT NOT NULL,
        priority INTEGER NOT NULL,
        unit_margin REAL NOT NULL,
        source_model TEXT,
        source_id INTEGER,
        source_name TEXT
      );
      CREATE INDEX demand_lines_by_row ON demand_lines (node_id, sku_id);
      CREATE TABLE freshness (
        node_id TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('master', 'stock', 'demand', 'supply')),
        as_of TEXT NOT NULL,
        PRIMARY KEY (node_id, kind)
      ) WITHOUT ROWID;
    `);
  },
};
