import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { demoProfile } from '../../support/planner-fixture';
import { comparableNetwork } from './network-compare';
import { syncRig, type CacheRig, type SyncRig } from './sync-fixture';

const Id = z.object({ id: z.number() });

async function everyStockRow(rig: CacheRig, profile = demoProfile()): Promise<unknown> {
  const page = await rig.planning.run('stock-page', {
    thresholds: profile.freshness,
    now: '2026-11-27T09:00:00.000Z',
    query: { filter: {}, sort: [{ column: 'nodeCode', direction: 'asc' }, { column: 'skuCode', direction: 'asc' }], offset: 0, limit: 2000 },
  });
  return page.rows;
}

describe('an incremental sync after changes in Odoo', () => {
  let rig: SyncRig;
  let target: CacheRig;
  beforeAll(async () => {
    rig = await syncRig({ nodes: 3, skus: 40, seed: 11 });
    target = await rig.cache();
    await target.sync.run(rig.client());
  });
  afterAll(async () => rig.close());

  it('picks up shipped, received, cancelled and new orders, drops what is done, and still reconciles', async () => {
    const admin = rig.client('admin', 'admin');
    const validate = { skip_backorder: true };
    const [delivery] = await admin.searchRead('stock.picking', [['picking_type_code', '=', 'outgoing'], ['state', '=', 'assigned']], ['id'], Id, { limit: 1 });
    const [receipt] = await admin.searchRead('stock.picking', [['picking_type_code', '=', 'incoming'], ['state', '=', 'assigned']], ['id'], Id, { limit: 1, order: 'id desc' });
    if (!delivery || !receipt) throw new Error('the demo has no open delivery or receipt');
    await admin.callOnRecords('stock.picking', 'button_validate', [delivery.id], z.unknown(), { context: { ...validate, picking_ids_not_to_backorder: [delivery.id] } });
    await admin.callOnRecords('stock.picking', 'button_validate', [receipt.id], z.unknown(), { context: { ...validate, picking_ids_not_to_backorder: [receipt.id] } });
    const [order] = await admin.searchRead('purchase.order', [['state', '=', 'purchase']], ['id'], Id, { limit: 1 });
    await admin.callOnRecords('purchase.order', 'button_cancel', [order?.id ?? 0], z.null());
    const [customer] = await admin.searchRead('res.partner', [['customer_rank', '>', 0]], ['id'], Id, { limit: 1 });
    const [product] = await admin.searchRead('product.product', [['default_code', '=', 'SKU-00007']], ['id'], Id);
    const sale = await admin.create('sale.order', {
      partner_id: customer?.id,
      warehouse_id: rig.sim.warehouseIds.FSL01,
      commitment_date: '2026-12-10 11:00:00',
      order_line: [[0, 0, { product_id: product?.id, product_uom_qty: 17 }]],
    });
    await admin.callOnRecords('sale.order', 'action_confirm', [sale], z.unknown());

    const report = await target.sync.run(rig.client());
    expect(report.kind).toBe('incremental');
    // Master data did not change: only the rows these changes reach were rebuilt and written.
    expect(report.rebuilt).toBe('changes only');
    expect(report.reconciliation.differences).toEqual([]);
    const network = target.cache.readSnapshot();
    expect(network?.demand.filter((line) => line.nodeId === 'FSL01' && line.skuId === 'SKU-00007' && line.dueDate === '2026-12-10' && line.qty === 17)).toHaveLength(1);

    // The incrementally maintained cache equals a cache filled from scratch now.
    const fresh = await rig.cache();
    await fresh.sync.run(rig.client());
    expect(comparableNetwork(network)).toEqual(comparableNetwork(fresh.cache.readSnapshot()));
    // And the figures the planner sees from the patched network are those of the fresh one.
    expect(await everyStockRow(target)).toEqual(await everyStockRow(fresh));
  });

  it('drops reordering rules archived or deleted in Odoo, and quants deleted there', async () => {
    const admin = rig.client('admin', 'admin');
    const Rule = z.object({ id: z.number(), product_id: z.tuple([z.number(), z.string()]), warehouse_id: z.tuple([z.number(), z.string()]) });
    const [archived, deleted] = await admin.searchRead('stock.warehouse.orderpoint', [], ['product_id', 'warehouse_id'], Rule, { limit: 2, order: 'id desc' });
    if (!archived || !deleted) throw new Error('the demo has no reordering rules');
    await admin.write('stock.warehouse.orderpoint', [archived.id], { active: false });
    await admin.callOnRecords('stock.warehouse.orderpoint', 'unlink', [deleted.id], z.unknown());
    // Odoo deletes emptied quants itself (stock.quant._unlink_zero_quants, run by its scheduler); no user may.
    const [quant] = await admin.searchRead('stock.quant', [['location_id.usage', '=', 'internal'], ['reserved_quantity', '=', 0]], ['id'], Id, { limit: 1, order: 'id desc' });
    const db = rig.sim.control.env().db;
    db.transaction(() => db.remove('stock.quant', quant?.id ?? 0));
    const report = await target.sync.run(rig.client());
    expect(report.rebuilt).toBe('changes only');
    const rules = report.pulls.find((pull) => pull.model === 'stock.warehouse.orderpoint');
    expect(rules?.removed).toBe(2);
    expect(report.pulls.find((pull) => pull.model === 'stock.quant')?.removed).toBe(1);
    const fresh = await rig.cache();
    await fresh.sync.run(rig.client());
    expect(comparableNetwork(target.cache.readSnapshot())).toEqual(comparableNetwork(fresh.cache.readSnapshot()));
    expect(await everyStockRow(target)).toEqual(await everyStockRow(fresh));
  });

  it('rebuilds the whole network when master data changed, and still equals a cache filled from scratch', async () => {
    const admin = rig.client('admin', 'admin');
    const [product] = await admin.searchRead('product.product', [['default_code', '=', 'SKU-00003']], ['id'], Id);
    await admin.write('product.product', [product?.id ?? 0], { standard_price: 123.45 });
    const report = await target.sync.run(rig.client());
    expect(report.rebuilt).toBe('whole network');
    expect(target.cache.readSnapshot()?.skus.find((sku) => sku.id === 'SKU-00003')?.unitCost).toBe(123.45);
    const fresh = await rig.cache();
    await fresh.sync.run(rig.client());
    expect(comparableNetwork(target.cache.readSnapshot())).toEqual(comparableNetwork(fresh.cache.readSnapshot()));
  });

  it('rebuilds the whole network when the last sync did not finish, since its staged rows are not in the network yet', async () => {
    const admin = rig.client('admin', 'admin');
    const [quant] = await admin.searchRead('stock.quant', [['location_id.usage', '=', 'internal'], ['quantity', '>', 5]], ['id'], Id, { limit: 1 });
    await admin.write('stock.quant', [quant?.id ?? 0], { quantity: 5 });
    target.staging.finishRun(target.staging.startRun('incremental', new Date().toISOString()), 'failed', new Date().toISOString(), 'killed');
    const report = await target.sync.run(rig.client());
    expect(report.rebuilt).toBe('whole network');
    const fresh = await rig.cache();
    await fresh.sync.run(rig.client());
    expect(comparableNetwork(target.cache.readSnapshot())).toEqual(comparableNetwork(fresh.cache.readSnapshot()));
  });

  it('changes nothing when nothing changed in Odoo, and reads only the overlap window', async () => {
    const before = comparableNetwork(target.cache.readSnapshot());
    const report = await target.sync.run(rig.client());
    const quants = report.pulls.find((pull) => pull.model === 'stock.quant');
    expect(quants?.phase).toBe('incremental');
    // The 10-minute overlap re-lists what was written just before the last sync; never more than exists.
    expect(quants?.read).toBeLessThanOrEqual(rig.sim.control.env().db.table('stock.quant').rows.size);
    expect(report.reconciliation.differences).toEqual([]);
    expect(comparableNetwork(target.cache.readSnapshot())).toEqual(before);
  });

  it('reads in full only the records Odoo changed since it last read them', async () => {
    const { OdooSync } = await import('../../../electron/services/sync');
    const { silentLog } = await import('../../../electron/app/log');
    const { PlanningHost } = await import('../../../electron/services/planning');
    const { sourceWorkerEntry } = await import('../../support/worker-entry');
    const quiet = await rig.cache();
    const planning = new PlanningHost(sourceWorkerEntry(), silentLog());
    const strict = new OdooSync({ db: quiet.staging.db, dbPath: quiet.dbPath, profile: rig.profile, planning, log: silentLog(), overlapMinutes: 0 });
    await strict.run(rig.client());
    // write_date has one-second precision: move past the seeding second, then touch one record per model.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const admin = rig.client('admin', 'admin');
    const [warehouse] = await admin.searchRead('stock.warehouse', [], ['id'], Id, { limit: 1 });
    await admin.write('stock.warehouse', [warehouse?.id ?? 0], { name: 'Renamed DC' });
    await strict.run(rig.client());
    const report = await strict.run(rig.client());
    await planning.close();
    const read = Object.fromEntries(report.pulls.map((pull) => [pull.model, pull.read]));
    expect(read["stock.warehouse"]).toBe(0); // already staged at that write_date
    expect(read['stock.quant']).toBe(0);
    expect(read['stock.move']).toBe(0);
  });
});
