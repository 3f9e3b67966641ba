import type { Migration } from './migration';

/**
 * Which Odoo server a command's warehouse, product and vendor ids came from (JSON `{url, database}`),
 * so it is never pushed with them to another one. NULL: ids from no particular server (the demo, a
 * retry that dropped them, or a command queued before this was kept), looked up where it is pushed.
 */
export const migration0012CommandServer: Migration = {
  version: 12,
  name: 'command server',
  up(db) {
    db.exec('ALTER TABLE outbox_commands ADD COLUMN odoo_server TEXT');
  },
};
