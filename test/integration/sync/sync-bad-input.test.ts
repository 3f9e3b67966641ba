import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { OdooAccessError, OdooAuthError, OdooClient, OdooError, OdooProtocolError } from '../../../electron/services/odoo';
import { SyncPageError } from '../../../electron/services/sync';
import { comparableNetwork } from './network-compare';
import { syncRig, type SyncRig } from './sync-fixture';

/** A client that hands the sync whatever `corrupt` makes of the quant pages Odoo sent. */
class CorruptingClient extends OdooClient {
  corrupt: (rows: unknown[]) => unknown = (rows) => rows;
  override async executeKw<T>(model: string, method: string, args: unknown[], kwargs: Record<string, unknown>, schema: z.ZodType<T>): Promise<T> {
    if (model === 'stock.quant' && method === 'search_read') {
      const rows = await super.executeKw(model, method, args, kwargs, schema);
      const corrupted = this.corrupt(rows as unknown[]);
      const parsed = schema.safeParse(corrupted);
      if (!parsed.success) throw new OdooProtocolError("Odoo's reply to stock.quant.search_read does not have the expected shape", { call: 'stock.quant.search_read' });
      return parsed.data;
    }
    return super.executeKw(model, method, args, kwargs, schema);
  }
}

describe('bad input during a sync', () => {
  let rig: SyncRig;
  beforeAll(async () => {
    rig = await syncRig({ nodes: 3, skus: 30, seed: 8 });
  });
  afterAll(async () => rig.close());

  it('a wrong API key: "Odoo refused the login for <user> on <database>", and nothing else changes', async () => {
    const target = await rig.cache();
    const attempt = target.sync.run(rig.client('planner', '0'.repeat(40)));
    await expect(attempt).rejects.toBeInstanceOf(OdooAuthError);
    await expect(attempt).rejects.toThrow(`Odoo refused the login for planner on ${rig.sim.database}`);
    expect(target.cache.readSnapshot()).toBeNull();
    expect(target.staging.cursors()).toEqual([]);
  });

  it('a user without read rights on a model: the message names the model and the missing right', async () => {
    const target = await rig.cache();
    const attempt = target.sync.run(rig.client('readonly'));
    await expect(attempt).rejects.toBeInstanceOf(OdooAccessError);
    await expect(attempt).rejects.toThrow(/readonly: You are not allowed to access '[^']+' \((stock\.[a-z.]+|product\.[a-z.]+)\) records/);
    expect(target.cache.readSnapshot()).toBeNull();
  });

  it('a record of the wrong shape: the page is refused whole, naming the record and why; the cache keeps what it had', async () => {
    const target = await rig.cache();
    await target.sync.run(rig.client());
    const before = comparableNetwork(target.cache.readSnapshot());
    const quantsBefore = target.staging.rows('stock.quant');
    // Force a full re-read of the quants, then have "Odoo" send one broken record.
    target.staging.db.prepare("DELETE FROM sync_cursors WHERE model = 'stock.quant'").run();
    const planner = rig.sim.users.find((user) => user.login === 'planner');
    const client = new CorruptingClient({ url: rig.sim.url, database: rig.sim.database, login: 'planner', apiKey: planner?.apiKey ?? '' });
    client.corrupt = (rows) => rows.map((row, index) => (index === 2 ? { ...(row as object), quantity: 'a lot' } : row));
    const attempt = target.sync.run(client);
    await expect(attempt).rejects.toBeInstanceOf(SyncPageError);
    await expect(attempt).rejects.toThrow(/stock\.quant record\(s\) from Odoo could not be used; nothing of that page was stored: #\d+ quantity: /);
    expect(target.staging.rows('stock.quant')).toEqual(quantsBefore);
    expect(comparableNetwork(target.cache.readSnapshot())).toEqual(before);
  });

  it('garbage of any kind in a page: a typed error, no crash, the cache unchanged', async () => {
    const target = await rig.cache();
    await target.sync.run(rig.client());
    const before = comparableNetwork(target.cache.readSnapshot());
    const planner = rig.sim.users.find((user) => user.login === 'planner');
    const client = new CorruptingClient({ url: rig.sim.url, database: rig.sim.database, login: 'planner', apiKey: planner?.apiKey ?? '' });
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.jsonValue(), fc.array(fc.jsonValue(), { minLength: 1, maxLength: 5 })), async (garbage) => {
        target.staging.db.prepare("DELETE FROM sync_cursors WHERE model = 'stock.quant'").run();
        client.corrupt = (rows) => (Array.isArray(garbage) ? [...rows.slice(0, 1), ...garbage] : garbage);
        const outcome = await target.sync.run(client).then(
          () => 'synced',
          (error: unknown) => error,
        );
        if (outcome !== 'synced') expect(outcome instanceof OdooError || outcome instanceof SyncPageError).toBe(true);
        expect(comparableNetwork(target.cache.readSnapshot())).toEqual(before);
      }),
      { numRuns: 25 },
    );
  });
});
