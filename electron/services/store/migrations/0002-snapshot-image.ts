import type { Migration } from './migration';

const NETWORK_TABLES = ['snapshot_meta', 'nodes', 'skus', 'lanes', 'stock_rules', 'supplier_options', 'stock_positions', 'supply_lines', 'demand_lines', 'freshness'];

/**
 * A columnar copy of the whole network for fast warm starts. Triggers drop it on any change to
 * the tables it was made from, so whatever writes the cache can never leave a stale copy behind.
 */
export const migration0002SnapshotImage: Migration = {
  version: 2,
  name: 'snapshot image',
  up(db) {
    db.exec(`
      CREATE TABLE snapshot_image (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        format INTEGER NOT NULL,
        document TEXT NOT NULL
      );
    `);
    for (const table of NETWORK_TABLES) {
      for (const event of ['INSERT', 'UPDATE', 'DELETE']) {
        db.exec(`CREATE TRIGGER ${table}_${event.toLowerCase()}_drops_image AFTER ${event} ON ${table} BEGIN DELETE FROM snapshot_image; END;`);
      }
    }
  },
};
