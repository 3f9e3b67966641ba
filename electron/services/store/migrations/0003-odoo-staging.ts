import type { Migration } from './migration';

/**
 * Odoo's rows as the sync last read them, keyed by Odoo id, and where each pull got to. Pages are
 * upserted here one transaction at a time, so a sync killed half-way resumes without duplicates;
 * the network tables are rebuilt from these rows only once a pull is complete.
 */
export const migration0003OdooStaging: Migration = {
  version: 3,
  name: 'odoo staging',
  up(db) {
    db.exec(`
      CREATE TABLE odoo_warehouses (id INTEGER PRIMARY KEY, code TEXT NOT NULL, name TEXT NOT NULL, view_location_id INTEGER, lot_stock_id INTEGER, company_id INTEGER, write_date TEXT);
      CREATE TABLE odoo_locations (id INTEGER PRIMARY KEY, warehouse_id INTEGER, usage TEXT NOT NULL, complete_name TEXT, write_date TEXT);
      CREATE TABLE odoo_products (id INTEGER PRIMARY KEY, tmpl_id INTEGER, default_code TEXT, name TEXT NOT NULL, uom TEXT, standard_price REAL NOT NULL, list_price REAL NOT NULL, write_date TEXT);
      CREATE TABLE odoo_supplierinfo (id INTEGER PRIMARY KEY, partner_id INTEGER, partner_name TEXT NOT NULL, product_id INTEGER, tmpl_id INTEGER, min_qty REAL NOT NULL, price REAL NOT NULL, delay INTEGER NOT NULL, sequence INTEGER NOT NULL, write_date TEXT);
      CREATE TABLE odoo_packagings (id INTEGER PRIMARY KEY, product_id INTEGER, name TEXT NOT NULL, qty REAL NOT NULL, write_date TEXT);
      CREATE TABLE odoo_orderpoints (id INTEGER PRIMARY KEY, warehouse_id INTEGER, location_id INTEGER, product_id INTEGER NOT NULL, min_qty REAL NOT NULL, max_qty REAL NOT NULL, multiple REAL NOT NULL, write_date TEXT);
      CREATE TABLE odoo_quants (id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL, location_id INTEGER NOT NULL, quantity REAL NOT NULL, reserved REAL NOT NULL, write_date TEXT);
      CREATE TABLE odoo_moves (
        id INTEGER PRIMARY KEY, product_id INTEGER NOT NULL, qty REAL NOT NULL, location_id INTEGER NOT NULL, location_dest_id INTEGER NOT NULL,
        date TEXT NOT NULL, date_deadline TEXT, state TEXT NOT NULL, picking_id INTEGER, picking_name TEXT, partner_id INTEGER, sale_line_id INTEGER, purchase_line_id INTEGER, write_date TEXT
      );
      CREATE INDEX odoo_moves_by_sale_line ON odoo_moves (sale_line_id);
      CREATE INDEX odoo_moves_by_purchase_line ON odoo_moves (purchase_line_id);
      CREATE TABLE odoo_sale_lines (id INTEGER PRIMARY KEY, order_name TEXT NOT NULL, partner_id INTEGER, commitment_date TEXT, price_unit REAL NOT NULL, purchase_price REAL, write_date TEXT);
      CREATE TABLE odoo_purchase_lines (id INTEGER PRIMARY KEY, order_name TEXT NOT NULL, partner_id INTEGER, date_planned TEXT, write_date TEXT);
      CREATE TABLE odoo_partners (id INTEGER PRIMARY KEY, name TEXT NOT NULL, category_ids TEXT NOT NULL, write_date TEXT);
      CREATE TABLE odoo_partner_categories (id INTEGER PRIMARY KEY, name TEXT NOT NULL);
      CREATE TABLE sync_cursors (
        model TEXT PRIMARY KEY,
        -- 'first': paging by id from last_id; 'incremental': by write_date from write_date
        phase TEXT NOT NULL CHECK (phase IN ('first', 'incremental')),
        last_id INTEGER NOT NULL DEFAULT 0,
        write_date TEXT,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        kind TEXT NOT NULL CHECK (kind IN ('first', 'incremental')),
        started_at TEXT NOT NULL,
        finished_at TEXT,
        outcome TEXT CHECK (outcome IN ('done', 'failed', 'cancelled')),
        detail TEXT
      );
    `);
  },
};
