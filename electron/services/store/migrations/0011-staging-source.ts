import type { Migration } from './migration';

/**
 * Which Odoo server and database the staged rows were read from. Record ids are per database: rows
 * of two servers must never meet in staging, so a sync from another server starts over.
 */
export const migration0011StagingSource: Migration = {
  version: 11,
  name: 'staging source',
  up(db) {
    db.exec(`
      CREATE TABLE staging_source (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        url TEXT NOT NULL,
        database TEXT NOT NULL,
        since TEXT NOT NULL
      );
    `);
  },
};
