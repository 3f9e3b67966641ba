import type { Migration } from './migration';

/**
 * What each sync changed against the one before it (the Network screen's "What changed"), one
 * record per sync; the log keeps the latest few, it is not an archive (Odoo is the record).
 */
export const migration0010SyncChanges: Migration = {
  version: 10,
  name: 'sync changes',
  up(db) {
    db.exec(`
      CREATE TABLE sync_changes (
        taken_at TEXT PRIMARY KEY,
        previous_taken_at TEXT NOT NULL,
        counts TEXT NOT NULL,
        record TEXT NOT NULL
      );
    `);
  },
};
