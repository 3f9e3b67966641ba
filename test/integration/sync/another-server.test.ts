import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OdooClient } from '../../../electron/services/odoo';
import { SyncChangeLog } from '../../../electron/services/store';
import { comparableNetwork } from './network-compare';
import { syncRig, type CacheRig, type SyncRig } from './sync-fixture';

describe('a sync from another Odoo server (test to production, or another database)', () => {
  let first: SyncRig;
  let second: SyncRig;
  let target: CacheRig;
  beforeAll(async () => {
    first = await syncRig({ nodes: 3, skus: 40, seed: 11 });
    second = await syncRig({ nodes: 3, skus: 40, seed: 29 });
    target = await first.cache();
    await target.sync.run(first.client());
    await target.sync.run(first.client());
  });
  afterAll(async () => {
    await first.close();
    await second.close();
  });

  it('records which server the staged rows came from', () => {
    expect(target.staging.source()).toMatchObject({ url: first.sim.url, database: first.sim.database });
  });

  it('a mistyped server that does not answer forgets nothing of the one before', async () => {
    const cursors = target.staging.cursors();
    const unreachable = new OdooClient({ url: 'http://127.0.0.1:9', database: 'typo', login: 'planner', apiKey: 'key' }, { timeoutMs: 2_000 });
    await expect(target.sync.run(unreachable)).rejects.toThrow();
    expect(target.staging.cursors()).toEqual(cursors);
    expect(target.staging.source()).toMatchObject({ url: first.sim.url });
  });

  it("starts over from the new server, says why, and builds exactly that server's network, with no rows of the old one", async () => {
    const report = await target.sync.run(second.client());
    expect(report.kind).toBe('first');
    expect(report.startedOver).toBe(
      `The Odoo server changed from ${first.sim.url} (database ${first.sim.database}) to ${second.sim.url} (database ${second.sim.database}): what was read from the other one was set aside, and everything was read again.`,
    );
    expect(report.changes).toBeNull();
    expect(report.reconciliation.differences).toEqual([]);
    expect(target.staging.source()).toMatchObject({ url: second.sim.url, database: second.sim.database });

    const fresh = await second.cache();
    await fresh.sync.run(second.client());
    expect(comparableNetwork(target.cache.readSnapshot())).toEqual(comparableNetwork(fresh.cache.readSnapshot()));
    const db = new Database(target.dbPath, { readonly: true });
    try {
      // The first server's sync changes say nothing about this one.
      expect(new SyncChangeLog(db).list()).toEqual([]);
    } finally {
      db.close();
    }

    // And from then on, syncs from the new server are incremental again.
    const again = await target.sync.run(second.client());
    expect(again.kind).toBe('incremental');
    expect(again.startedOver).toBeNull();
  });
});
