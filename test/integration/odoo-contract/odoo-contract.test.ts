import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { silentLog } from '../../../electron/app/log';
import { OdooAccessError, OdooAuthError, OdooClient, OdooServerError, OdooValidationError, type OdooSession } from '../../../electron/services/odoo';
import { PlanningHost } from '../../../electron/services/planning';
import { NetworkCache, openDatabase } from '../../../electron/services/store';
import { OdooSync } from '../../../electron/services/sync';
import { PULL_SPECS } from '../../../electron/services/sync/pull-specs';
import { demoProfile } from '../../support/planner-fixture';
import { makeTempDir } from '../../support/temp-dir';
import { sourceWorkerEntry } from '../../support/worker-entry';
import { odooTarget, type OdooTarget } from './odoo-target';

const target: OdooTarget = await odooTarget();

describe(`the Odoo contract, against the ${target.kind === 'live' ? `live Odoo at ${target.url}` : 'stand-in'}`, () => {
  let client: OdooClient;
  let session: OdooSession;
  beforeAll(async () => {
    client = new OdooClient({ url: target.url, database: target.database, login: target.login, apiKey: target.apiKey }, { timeoutMs: 60_000 });
    session = await client.connect();
  });
  afterAll(async () => target.close());

  it('is an Odoo 17 or 18 and says which', () => {
    expect([17, 18]).toContain(session.dialect.major);
    expect(session.serverVersion).toMatch(/^1[78]\./);
  });

  it('refuses a wrong API key at login', async () => {
    const wrong = new OdooClient({ url: target.url, database: target.database, login: target.login, apiKey: '0'.repeat(40) });
    await expect(wrong.connect()).rejects.toBeInstanceOf(OdooAuthError);
  });

  it.each(PULL_SPECS.map((spec) => [spec.model, spec] as const))('serves %s with every field the sync reads, in the shapes it expects', async (_model, spec) => {
    const rows = await client.executeKw(spec.model, 'search_read', [spec.domain(session.dialect)], { fields: spec.fields(session.dialect), limit: 20, order: 'id asc' }, z.array(z.unknown()));
    for (const row of rows) expect(spec.row.safeParse(row).success, JSON.stringify(row)).toBe(true);
  });

  it('scopes product quantities to a warehouse with this version\'s context key', async () => {
    const warehouses = await client.searchRead('stock.warehouse', [], ['id'], z.object({ id: z.number() }));
    const [product] = await client.search('product.product', session.dialect.storableProductDomain, { limit: 1 });
    const Quantities = z.object({ id: z.number(), qty_available: z.number() });
    const total = await client.read('product.product', [product ?? 0], ['qty_available'], Quantities);
    const perWarehouse = await Promise.all(
      warehouses.map(async (warehouse) => (await client.read('product.product', [product ?? 0], ['qty_available'], Quantities, { [session.dialect.warehouseContextKey]: warehouse.id }))[0]?.qty_available ?? 0),
    );
    expect(perWarehouse.reduce((sum, qty) => sum + qty, 0)).toBeCloseTo(total[0]?.qty_available ?? 0, 3);
  });

  it('reports unknown models and fields the way the client expects', async () => {
    await expect(client.searchRead('x.no.such.model', [], ['id'], z.object({ id: z.number() }))).rejects.toBeInstanceOf(OdooValidationError);
    await expect(client.searchRead('res.partner', [['no_such_field', '=', 1]], ['id'], z.object({ id: z.number() }))).rejects.toBeInstanceOf(OdooServerError);
    await expect(client.read('res.partner', [987_654_321], ['name'], z.object({ id: z.number() }))).resolves.toEqual([]);
  });

  it('answers res.users.has_group on the login\'s own record: implied groups count, an unknown XML id is not held, one record only', async () => {
    const has = (ids: number[], group: string): Promise<boolean> => client.executeKw('res.users', 'has_group', [ids, group], {}, z.boolean());
    // Every login the planner uses is an internal user.
    await expect(has([session.uid], 'base.group_user')).resolves.toBe(true);
    await expect(has([session.uid], 'no_such_module.no_such_group')).resolves.toBe(false);
    await expect(has([], 'base.group_user')).rejects.toBeInstanceOf(OdooServerError);
  });

  it('carries exchange files as attachments on the login\'s own user: found again by their mark, and refused on another user\'s record', async () => {
    const Attachment = z.object({ id: z.number(), name: z.string(), res_model: z.union([z.string(), z.literal(false)]), res_id: z.number(), datas: z.union([z.string(), z.literal(false)]) });
    const marked = [['res_model', '=', 'res.users'], ['description', '=like', 'Network Planner exchange file %']];
    await expect(client.searchRead('ir.attachment', marked, ['name', 'res_model', 'res_id'], Attachment.omit({ datas: true }), { limit: 5 })).resolves.toBeInstanceOf(Array);
    if (!target.allowWrites) return;
    const content = Buffer.from('{"contract":"test"}', 'utf8').toString('base64');
    const description = `Network Planner exchange file CONTRACT${Date.now()}`;
    const own = { name: 'contract.planner-exchange.json', description, res_model: 'res.users', res_id: session.uid, type: 'binary', mimetype: 'application/json', datas: content };
    const id = await client.create('ir.attachment', own);
    try {
      const found = await client.searchRead('ir.attachment', [...marked, ['description', '=', description]], ['name', 'res_model', 'res_id'], Attachment.omit({ datas: true }));
      expect(found).toEqual([{ id, name: own.name, res_model: 'res.users', res_id: session.uid }]);
      await expect(client.read('ir.attachment', [id], ['datas'], Attachment.pick({ id: true, datas: true }))).resolves.toEqual([{ id, datas: content }]);
      const [someoneElse] = await client.search('res.users', [['id', '!=', session.uid]], { limit: 1 });
      await expect(client.create('ir.attachment', { ...own, res_id: someoneElse })).rejects.toBeInstanceOf(OdooAccessError);
    } finally {
      await client.executeKw('ir.attachment', 'unlink', [[id]], {}, z.boolean());
    }
  });

  it("moves an open receipt's deadline with a confirmed purchase line's new planned date (how an incremental sync sees a vendor's new promise)", async () => {
    const Line = z.object({ id: z.number(), date_planned: z.string(), move_ids: z.array(z.number()) });
    const Move = z.object({ id: z.number(), state: z.string(), date_deadline: z.union([z.string(), z.literal(false)]) });
    const lines = await client.searchRead('purchase.order.line', [['order_id.state', '=', 'purchase'], ['qty_received', '=', 0], ['move_ids', '!=', false]], ['date_planned', 'move_ids'], Line, { limit: 1, order: 'id desc' });
    // The stand-in's demo always has one; a live server may have none open.
    if (target.kind === 'stand-in') expect(lines).toHaveLength(1);
    const line = lines[0];
    if (!target.allowWrites || !line) return;
    const later = new Date(Date.parse(`${line.date_planned.replace(' ', 'T')}Z`) + 3 * 86_400_000).toISOString().slice(0, 19).replace('T', ' ');
    await client.write('purchase.order.line', [line.id], { date_planned: later });
    try {
      const moves = await client.read('stock.move', line.move_ids, ['state', 'date_deadline'], Move);
      const open = moves.filter((move) => move.state !== 'done' && move.state !== 'cancel');
      expect(open.length).toBeGreaterThan(0);
      for (const move of open) expect(move.date_deadline).toBe(later);
    } finally {
      await client.write('purchase.order.line', [line.id], { date_planned: line.date_planned });
    }
  });

  it('syncs into a fresh cache that reconciles with Odoo on every warehouse, and again incrementally', async () => {
    const temp = makeTempDir('contract-sync');
    const dbPath = join(temp.path, 'cache.db');
    const { db } = openDatabase(dbPath);
    const planning = new PlanningHost(sourceWorkerEntry(), silentLog());
    try {
      const sync = new OdooSync({ db, dbPath, profile: demoProfile(), planning, log: silentLog() });
      const report = await sync.run(client);
      expect(report.reconciliation.differences).toEqual([]);
      expect(report.reconciliation.nodes).toBeGreaterThan(0);
      expect(new NetworkCache(db).readSnapshot()?.meta.source).toBe('odoo');
      // The second sync reads by write_date, drops what left the domain, counts against staging,
      // and patches the network it built: still no difference with Odoo's own figures.
      const again = await sync.run(client);
      expect(again.kind).toBe('incremental');
      expect(again.reconciliation.differences).toEqual([]);
      expect(again.network.rows).toBe(report.network.rows);
    } finally {
      await planning.close();
      db.close();
      temp.remove();
    }
  });
});
