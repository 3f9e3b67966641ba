import type { Migration } from './migration';

/**
 * The network a batch was submitted on (JSON, as a command's `made_on`): its approved lines are
 * queued for that network, not for whatever the cache holds when the last approval comes in (a
 * batch proposed on the demo stays the demo's after the first Odoo sync). NULL: imported from a
 * file, or submitted before this was kept.
 */
export const migration0013BatchNetwork: Migration = {
  version: 13,
  name: 'batch network',
  up(db) {
    db.exec('ALTER TABLE approval_batches ADD COLUMN made_on TEXT');
  },
};
