import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OdooClient } from '../../../electron/services/odoo';
import { OutboxStore } from '../../../electron/services/store';
import { countsByKey, coveredTransfers, outboxRig, purchaseProposal, purchases, type OutboxRig } from './outbox-fixture';
import { settled, testOutbox, type TestOutbox } from './outbox-harness';

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

function row(model: string, id: number): Record<string, unknown> {
  return rig.sim.control.env().db.table(model).get(id) as Record<string, unknown>;
}

function pickingsWithKey(key: string): Record<string, unknown>[] {
  return [...rig.sim.control.env().db.table('stock.picking').rows.values()].filter((picking) => picking.origin === key);
}

function movesOf(pickingId: number): Record<string, unknown>[] {
  return [...rig.sim.control.env().db.table('stock.move').rows.values()].filter((move) => move.picking_id === pickingId);
}

describe('the outbox pushes approved work to Odoo', () => {
  it('an approved internal transfer becomes one reserved picking between the two stock locations, carrying its key', async () => {
    outbox = testOutbox(rig);
    const [proposal] = coveredTransfers(rig.stock, 1, rig.dayZero, 'one');
    if (!proposal) throw new Error('no transfer');
    const [command] = outbox.service.enqueue({ batchId: 'B-1', actor: 'supervisor@test', lines: [{ lineId: 'L1', proposal }] });
    await settled(outbox);

    const pickings = pickingsWithKey(command?.idempotencyKey ?? '');
    expect(pickings).toHaveLength(1);
    const picking = pickings[0] as Record<string, unknown>;
    const from = row('stock.warehouse', rig.sim.warehouseIds[proposal.fromNodeId] as number);
    const to = row('stock.warehouse', rig.sim.warehouseIds[proposal.nodeId] as number);
    expect(picking.state).toBe('assigned');
    expect(picking.location_id).toBe(from.lot_stock_id);
    expect(picking.location_dest_id).toBe(to.lot_stock_id);
    expect(picking.picking_type_id).toBe(from.int_type_id);
    const moves = movesOf(picking.id as number);
    expect(moves.map((move) => [move.product_id, move.product_uom_qty])).toEqual([[rig.sim.productIds[proposal.skuId], proposal.qty]]);

    const view = outbox.service.detail(command?.id ?? '');
    expect(view.status).toBe('done');
    expect(view.odooRecords).toEqual([{ model: 'stock.picking', id: picking.id, name: picking.name, role: 'picking', state: 'assigned' }]);
    expect(view.history.map((entry) => entry.event)).toEqual(['queued', 'pushed']);
    expect(view.history[1]?.message).toContain(String(picking.name));
    expect(outbox.events.map((event) => event.kind)).toEqual(['command-queued', 'command-pushed']);
    expect(outbox.notices).toEqual([expect.stringContaining('Batch B-1 is fully in Odoo: 1 command')]);
  });

  it('with the resupply flow, a delivery to transit and a receipt at the destination, chained, the receipt waiting for the delivery', async () => {
    outbox = testOutbox(rig, rig.profile({ transferMode: 'resupply-via-transit' }));
    const [proposal] = coveredTransfers(rig.stock, 1, rig.dayZero, 'resupply');
    if (!proposal) throw new Error('no transfer');
    const [command] = outbox.service.enqueue({ batchId: 'B-2', actor: 'supervisor@test', lines: [{ lineId: 'L1', proposal }] });
    await settled(outbox);

    const legs = pickingsWithKey(command?.idempotencyKey ?? '').sort((a, b) => (a.id as number) - (b.id as number));
    expect(legs).toHaveLength(2);
    const [delivery, receipt] = legs as [Record<string, unknown>, Record<string, unknown>];
    const env = rig.sim.control.env();
    const transit = row('res.company', env.companyId()).internal_transit_location_id;
    const from = row('stock.warehouse', rig.sim.warehouseIds[proposal.fromNodeId] as number);
    const to = row('stock.warehouse', rig.sim.warehouseIds[proposal.nodeId] as number);
    expect([delivery.picking_type_id, delivery.location_id, delivery.location_dest_id, delivery.state]).toEqual([from.out_type_id, from.lot_stock_id, transit, 'assigned']);
    expect([receipt.picking_type_id, receipt.location_id, receipt.location_dest_id, receipt.state]).toEqual([to.in_type_id, transit, to.lot_stock_id, 'waiting']);
    const [deliveryMove] = movesOf(delivery.id as number);
    const [receiptMove] = movesOf(receipt.id as number);
    // Odoo keeps both directions in one relation; the stand-in stores only the side that was written
    // (the contract test on a real Odoo checks the delivery side too).
    expect(receiptMove?.move_orig_ids).toEqual([deliveryMove?.id]);
    expect(receiptMove?.procure_method).toBe('make_to_order');
    expect(outbox.service.detail(command?.id ?? '').odooRecords.map((record) => [record.role, record.state])).toEqual([
      ['delivery', 'assigned'],
      ['receipt', 'waiting'],
    ]);
  });

  it('a purchase becomes a draft RFQ, or a confirmed PO where the matrix said so; the key is in origin and vendor reference', async () => {
    outbox = testOutbox(rig);
    const [draft, confirmed] = purchases(rig.stock, 2, rig.dayZero, 'po');
    if (!draft || !confirmed) throw new Error('no purchases');
    const queued = outbox.service.enqueue({
      batchId: 'B-3',
      actor: 'supervisor@test',
      lines: [
        { lineId: 'L1', proposal: draft },
        { lineId: 'L2', proposal: confirmed, confirmPurchase: true },
      ],
    });
    await settled(outbox);
    const orders = queued.map((command) => [...rig.sim.control.env().db.table('purchase.order').rows.values()].filter((order) => order.origin === command.idempotencyKey));
    expect(orders.map((list) => list.length)).toEqual([1, 1]);
    const [rfq, po] = orders.map((list) => list[0] as Record<string, unknown>) as [Record<string, unknown>, Record<string, unknown>];
    expect(rfq.state).toBe('draft');
    // Small orders are approved at once; above the company's double-validation amount they wait for a manager.
    expect(['purchase', 'to approve']).toContain(po.state);
    expect(rfq.partner_ref).toBe(queued[0]?.idempotencyKey);
    const lines = [...rig.sim.control.env().db.table('purchase.order.line').rows.values()].filter((line) => line.order_id === rfq.id);
    expect(lines.map((line) => [line.product_id, line.product_qty])).toEqual([[rig.sim.productIds[draft.skuId], draft.qty]]);
    expect(row('res.partner', rfq.partner_id as number).name).toBe(draft.supplier);
  });

  it('groups purchase lines per supplier and receiving node when the profile says so', async () => {
    outbox = testOutbox(rig, rig.profile({ purchaseGrouping: 'per-supplier' }));
    const sku = [...rig.stock.vendors.keys()].sort()[0] as string;
    const vendor = rig.stock.vendors.get(sku)?.[0] as string;
    const other = [...rig.stock.vendors.entries()].find(([, vendors]) => vendors[0] !== vendor);
    if (!other) throw new Error('need two vendors');
    const node = rig.stock.nodes[0] as string;
    const lines = [
      { lineId: 'A', proposal: purchaseProposal('a', node, sku, vendor, 3, rig.dayZero) },
      { lineId: 'B', proposal: purchaseProposal('b', node, sku, vendor, 4, rig.dayZero) },
      { lineId: 'C', proposal: purchaseProposal('c', node, other[0], other[1][0] as string, 5, rig.dayZero) },
    ];
    const queued = outbox.service.enqueue({ batchId: 'B-4', actor: 'supervisor@test', lines });
    expect(queued.map((command) => command.lineIds)).toEqual([['A', 'B'], ['C']]);
    await settled(outbox);
    const counts = countsByKey(rig.sim, 'purchase.order', queued.map((command) => command.idempotencyKey));
    expect([...counts.values()]).toEqual([1, 1]);
    const order = [...rig.sim.control.env().db.table('purchase.order').rows.values()].find((entry) => entry.origin === queued[0]?.idempotencyKey) as Record<string, unknown>;
    const orderLines = [...rig.sim.control.env().db.table('purchase.order.line').rows.values()].filter((line) => line.order_id === order.id);
    expect(orderLines.map((line) => line.product_qty)).toEqual([3, 4]);
  });

  it('an answer lost after Odoo committed the create does not make a second record', async () => {
    outbox = testOutbox(rig, rig.profile(), { pusher: { unknownOutcomeGraceMs: 1_000 } });
    rig.sim.control.failNext('drop-after-commit', 1, { model: 'stock.picking', method: 'create' });
    const proposals = coveredTransfers(rig.stock, 3, rig.dayZero, 'lost').slice(0, 3);
    const queued = outbox.service.enqueue({ batchId: 'B-5', actor: 'supervisor@test', lines: proposals.map((proposal, index) => ({ lineId: `L${index}`, proposal })) });
    await settled(outbox);
    expect(rig.sim.control.stats().injected['drop-after-commit']).toBeGreaterThan(0);
    expect([...countsByKey(rig.sim, 'stock.picking', queued.map((command) => command.idempotencyKey)).values()]).toEqual([1, 1, 1]);
    const detail = outbox.service.detail(queued[0]?.id ?? '');
    expect(detail.status).toBe('done');
    expect(detail.history.map((entry) => entry.event)).toEqual(['queued', 'attempt-failed', 'pushed']);
    // Odoo might still have been running the create: the key is searched again only after the grace period.
    const failed = new OutboxStore(rig.db).history(queued[0]?.id ?? '').find((entry) => entry.event === 'attempt-failed');
    expect(failed?.detail).toMatchObject({ outcomeUnknown: true });
    expect(Date.parse((failed?.detail as { retryAt: string }).retryAt) - Date.parse(failed?.at ?? '')).toBeGreaterThanOrEqual(1_000);
  });

  it('picks up a picking an earlier, interrupted attempt left as a draft, and confirms it instead of making another', async () => {
    outbox = testOutbox(rig, rig.profile(), { start: false });
    const [proposal] = coveredTransfers(rig.stock, 1, rig.dayZero, 'crash');
    if (!proposal) throw new Error('no transfer');
    const [command] = outbox.service.enqueue({ batchId: null, actor: 'supervisor@test', lines: [{ lineId: 'L1', proposal }] });
    // What a pusher killed between its create and its confirm leaves in Odoo.
    const planner = new OdooClient(rig.connection());
    const from = row('stock.warehouse', rig.sim.warehouseIds[proposal.fromNodeId] as number);
    const to = row('stock.warehouse', rig.sim.warehouseIds[proposal.nodeId] as number);
    await planner.create('stock.picking', {
      picking_type_id: from.int_type_id,
      location_id: from.lot_stock_id,
      location_dest_id: to.lot_stock_id,
      origin: command?.idempotencyKey,
      move_ids: [[0, 0, { name: 'left over', product_id: rig.sim.productIds[proposal.skuId], product_uom_qty: proposal.qty }]],
    });
    outbox.service.start();
    await settled(outbox);
    const pickings = pickingsWithKey(command?.idempotencyKey ?? '');
    expect(pickings.map((picking) => picking.state)).toEqual(['assigned']);
  });
});
