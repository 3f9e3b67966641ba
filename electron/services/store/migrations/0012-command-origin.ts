import type { Migration } from './migration';

/**
 * Which network a command was approved on (JSON): `{"network":"odoo","url":…,"database":…}`, whose
 * warehouse, product and vendor ids it carries and to which server alone it may go, or
 * `{"network":"demo"}`, which goes to no Odoo. NULL: from no particular network (a retry that
 * dropped its ids, or a command queued before this was kept), looked up where it is pushed.
 */
export const migration0012CommandOrigin: Migration = {
  version: 12,
  name: 'command origin',
  up(db) {
    db.exec('ALTER TABLE outbox_commands ADD COLUMN made_on TEXT');
  },
};
