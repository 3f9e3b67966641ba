import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { enqueueApproved } from '../../../electron/services/outbox';
import { LATEST_SCHEMA_VERSION, MIGRATIONS, migrate, OutboxStore } from '../../../electron/services/store';
import { demoProfile } from '../../support/planner-fixture';
import { makeTempDir } from '../../support/temp-dir';
import { transferProposal } from './outbox-fixture';

describe('migration 0006 (outbox)', () => {
  let temp = makeTempDir('outbox-migration');
  afterEach(() => {
    temp.remove();
    temp = makeTempDir('outbox-migration');
  });

  const earlier = [0, ...MIGRATIONS.map((migration) => migration.version).filter((version) => version < 6)];
  it.each(earlier)('brings a cache at version %i to an empty, working, unpaused outbox, keeping the network rows', (version) => {
    const db = new Database(`${temp.path}/v${version}.db`);
    migrate(db, MIGRATIONS.filter((migration) => migration.version <= version));
    if (version >= 1) {
      db.exec(`
        INSERT INTO nodes (id, code, name, area, kind, odoo_warehouse_id) VALUES ('RDC1', 'RDC1', 'Prague DC', 'North', 'regional-warehouse', 7);
        INSERT INTO skus (id, code, name, uom, unit_cost, unit_price, odoo_product_id) VALUES ('SKU-1', 'SKU-1', 'Bolt', 'Units', 1, 2, 41);
      `);
    }
    migrate(db, MIGRATIONS);
    expect(db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const store = new OutboxStore(db);
    expect(store.counts()).toEqual({ queued: 0, pushing: 0, done: 0, 'needs-replanning': 0, 'dead-letter': 0, cancelled: 0, retrying: 0, blocked: 0, cancelling: 0 });
    expect(store.paused().paused).toBe(false);
    const [command] = enqueueApproved(db, { batchId: 'B', actor: 'tester', lines: [{ lineId: 'L', proposal: transferProposal('p', 'RDC1', 'FSL01', 'SKU-1', 3, '2026-01-05') }] }, { profile: demoProfile() });
    const stored = store.get(command?.id ?? '');
    expect(stored?.state).toBe('queued');
    // What an older cache knew about the node and SKU travels with the command as Odoo id hints.
    expect(stored?.payload).toMatchObject({ from: { id: 'RDC1', odooWarehouseId: version >= 1 ? 7 : null }, sku: { id: 'SKU-1', odooProductId: version >= 1 ? 41 : null } });
    db.close();
  });
});
