import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { coveredTransfers, outboxRig, type OutboxRig } from './outbox-fixture';
import { settled, testOutbox, until, type TestOutbox } from './outbox-harness';

const TEST_SERVER = { url: 'https://odoo-test.example.com', database: 'test' };

let rig: OutboxRig;
let outbox: TestOutbox | null = null;
beforeAll(async () => {
  rig = await outboxRig({ nodes: 3, skus: 40, seed: 17 });
});
afterEach(async () => {
  await outbox?.service.close();
  outbox = null;
});
afterAll(async () => rig.close());

/** The cache as a sync from the test server left it: its network, and that server's id for a product. */
function cacheFromTestServer(skuId: string, testServerProductId: number): void {
  rig.db.prepare("INSERT OR REPLACE INTO snapshot_meta (id, source, region_code, currency, taken_at, day_zero, horizon_days) VALUES (1, 'odoo', 'DEMO', 'EUR', ?, ?, 90)").run(new Date().toISOString(), rig.dayZero);
  rig.db.prepare('INSERT OR REPLACE INTO staging_source (id, url, database, since) VALUES (1, ?, ?, ?)').run(TEST_SERVER.url, TEST_SERVER.database, new Date().toISOString());
  rig.db.prepare("INSERT OR REPLACE INTO skus (id, code, name, uom, unit_cost, unit_price, odoo_product_id) VALUES (?, ?, 'Bolt', 'Units', 1, 2, ?)").run(skuId, skuId, testServerProductId);
}

function movesWithKey(key: string): Record<string, unknown>[] {
  const pickings = [...rig.sim.control.env().db.table('stock.picking').rows.values()].filter((picking) => picking.origin === key).map((picking) => picking.id as unknown);
  return [...rig.sim.control.env().db.table('stock.move').rows.values()].filter((move) => pickings.includes(move.picking_id));
}

describe('commands queued for one Odoo server, when the planner is pointed at another', () => {
  it('are not sent with the other server\'s ids: they wait in the dead letters saying why, and a retry sends them here, looked up by code', async () => {
    const [proposal] = coveredTransfers(rig.stock, 1, rig.dayZero, 'moved');
    if (!proposal) throw new Error('no transfer');
    // On the test server the SKU had another id: here that id is some other product.
    const otherProduct = Object.entries(rig.sim.productIds).find(([sku]) => sku !== proposal.skuId)?.[1] as number;
    cacheFromTestServer(proposal.skuId, otherProduct);

    outbox = testOutbox(rig);
    const [command] = outbox.service.enqueue({ batchId: 'B-moved', actor: 'supervisor@test', lines: [{ lineId: 'L1', proposal }] });
    const id = command?.id ?? '';
    await until(() => outbox?.service.detail(id).status === 'dead-letter', 'the command to be set aside');
    const parked = outbox.service.detail(id);
    expect(parked.lastError).toBe(
      `Queued for ${TEST_SERVER.url} (database ${TEST_SERVER.database}), but the planner now works with ${rig.sim.url} (database ${rig.sim.database}), where its warehouse, product and vendor ids mean other records; nothing was sent. Retry to send it to ${rig.sim.url}, looked up there by code, or cancel it.`,
    );
    expect(movesWithKey(command?.idempotencyKey ?? '')).toEqual([]);
    expect(outbox.events.map((event) => event.kind)).toEqual(['command-queued', 'command-dead-lettered']);

    outbox.service.retry(id);
    await settled(outbox);
    expect(outbox.service.detail(id).status).toBe('done');
    expect(movesWithKey(command?.idempotencyKey ?? '').map((move) => [move.product_id, move.product_uom_qty])).toEqual([[rig.sim.productIds[proposal.skuId], proposal.qty]]);
  });

  it('commands queued from this very server go as before', async () => {
    rig.db.prepare('UPDATE staging_source SET url = ?, database = ? WHERE id = 1').run(rig.sim.url, rig.sim.database);
    const [, proposal] = coveredTransfers(rig.stock, 2, rig.dayZero, 'same');
    if (!proposal) throw new Error('no transfer');
    rig.db.prepare('UPDATE skus SET odoo_product_id = ? WHERE id = ?').run(rig.sim.productIds[proposal.skuId], proposal.skuId);
    outbox = testOutbox(rig);
    const [here] = outbox.service.enqueue({ batchId: 'B-here', actor: 'supervisor@test', lines: [{ lineId: 'L1', proposal }] });
    await settled(outbox);
    expect(outbox.service.detail(here?.id ?? '').status).toBe('done');
  });

  it('a command queued for the other server and then cancelled ends at once: nothing of it was sent', async () => {
    rig.db.prepare('UPDATE staging_source SET url = ?, database = ? WHERE id = 1').run(TEST_SERVER.url, TEST_SERVER.database);
    const [, , , proposal] = coveredTransfers(rig.stock, 4, rig.dayZero, 'dropped');
    if (!proposal) throw new Error('no transfer');
    outbox = testOutbox(rig);
    const [command] = outbox.service.enqueue({ batchId: 'B-dropped', actor: 'supervisor@test', lines: [{ lineId: 'L1', proposal }] });
    const id = command?.id ?? '';
    await until(() => outbox?.service.detail(id).status === 'dead-letter', 'the command to be set aside');
    outbox.service.cancel(id);
    const view = outbox.service.detail(id);
    expect(view.status).toBe('cancelled');
    expect(view.history.at(-1)?.message).toMatch(/before anything was sent to Odoo/);
  });

  it('a command that had already been tried on the other server, then cancelled, ends in the planner saying what may remain there', async () => {
    rig.db.prepare("UPDATE snapshot_meta SET source = 'odoo' WHERE id = 1").run();
    rig.db.prepare('UPDATE staging_source SET url = ?, database = ? WHERE id = 1').run(TEST_SERVER.url, TEST_SERVER.database);
    const [, , , , , , proposal] = coveredTransfers(rig.stock, 7, rig.dayZero, 'tried');
    if (!proposal) throw new Error('no transfer');
    outbox = testOutbox(rig);
    const [command] = outbox.service.enqueue({ batchId: 'B-tried', actor: 'supervisor@test', lines: [{ lineId: 'L1', proposal }] });
    const id = command?.id ?? '';
    await until(() => outbox?.service.detail(id).status === 'dead-letter', 'the command to be set aside');
    // As if an attempt had reached the test server before the planner was pointed here.
    rig.db.prepare('UPDATE outbox_commands SET attempts = 1 WHERE id = ?').run(id);
    outbox.service.cancel(id);
    await until(() => outbox?.service.detail(id).status === 'cancelled', 'the cancel to end');
    expect(outbox.service.detail(id).history.at(-1)?.message).toBe(
      `Cancelled in the planner. Anything carrying ${command?.idempotencyKey} in ${TEST_SERVER.url} (database ${TEST_SERVER.database}) stays there: cancel it in that Odoo.`,
    );
    expect(movesWithKey(command?.idempotencyKey ?? '')).toEqual([]);
  });

  it('a command approved on the demo network is never sent to an Odoo: set aside saying so, not retried, and cancelled at once', async () => {
    rig.db.prepare("UPDATE snapshot_meta SET source = 'demo' WHERE id = 1").run();
    const [, , , , proposal] = coveredTransfers(rig.stock, 5, rig.dayZero, 'demo');
    if (!proposal) throw new Error('no transfer');
    rig.db.prepare('UPDATE skus SET odoo_product_id = NULL').run();
    outbox = testOutbox(rig);
    const [command] = outbox.service.enqueue({ batchId: 'B-demo', actor: 'supervisor@test', lines: [{ lineId: 'L1', proposal }] });
    const id = command?.id ?? '';
    await until(() => outbox?.service.detail(id).status === 'dead-letter', 'the command to be set aside');
    expect(outbox.service.detail(id).lastError).toBe(`Approved on the demo network, and nothing of the demo is sent to Odoo: nothing was sent to ${rig.sim.url}. Cancel it, and approve the real line on Odoo's network.`);
    expect(() => outbox?.service.retry(id)).toThrow(/was approved on the demo network, and nothing of the demo is sent to Odoo/);
    expect(outbox.service.detail(id).status).toBe('dead-letter');
    outbox.service.cancel(id);
    expect(outbox.service.detail(id).status).toBe('cancelled');
    expect(movesWithKey(command?.idempotencyKey ?? '')).toEqual([]);
  });
});
