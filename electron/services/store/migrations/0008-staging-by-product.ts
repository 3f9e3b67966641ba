import type { Migration } from './migration';

/**
 * An incremental sync adds up a node × SKU's stock again from its staged quants, and re-reads the
 * reordering rules of the products that changed; without these it would scan every staged row.
 */
export const migration0008StagingByProduct: Migration = {
  version: 8,
  name: 'staging by product',
  up(db) {
    db.exec(`
      CREATE INDEX odoo_quants_by_place ON odoo_quants (product_id, location_id);
      CREATE INDEX odoo_orderpoints_by_product ON odoo_orderpoints (product_id);
      CREATE INDEX odoo_moves_by_partner ON odoo_moves (partner_id);
    `);
  },
};
