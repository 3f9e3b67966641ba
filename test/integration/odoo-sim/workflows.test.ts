import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { RunningOdooSim } from '../../../tools/odoo-sim';
import { OdooCaller } from './odoo-rpc';
import { startSmallSim } from './start-small';

let sim: RunningOdooSim;
let planner: OdooCaller;
let supervisor: OdooCaller;
let stock: Record<string, number>;
let internalType: number;
let productId: number;

interface Picking {
  id: number;
  state: string;
  name: string;
  origin: string | false;
  backorder_id: [number, string] | false;
  backorder_ids: number[];
  move_ids: number[];
}
interface Move {
  id: number;
  state: string;
  product_uom_qty: number;
  quantity: number;
  picked: boolean;
}

async function setOnHand(location: number, qty: number): Promise<void> {
  // Inventory adjustment through the superuser: set the quant's quantity directly.
  const env = sim.control.env();
  const table = env.db.table('stock.quant');
  const existing = [...table.rows.values()].find((quant) => quant.product_id === productId && quant.location_id === location);
  if (existing) env.db.update('stock.quant', existing, { quantity: qty, reserved_quantity: 0 });
  else env.db.insert('stock.quant', { product_id: productId, location_id: location, quantity: qty, reserved_quantity: 0, in_date: env.now(), company_id: 1 });
}

async function transfer(qty: number, origin: string): Promise<number> {
  return planner.call<number>('stock.picking', 'create', [{ picking_type_id: internalType, location_id: stock.RDC1, location_dest_id: stock.FSL01, origin, move_ids: [[0, 0, { name: 'transfer', product_id: productId, product_uom_qty: qty }]] }]);
}

const picking = async (id: number): Promise<Picking> => (await planner.call<Picking[]>('stock.picking', 'read', [[id], ['state', 'name', 'origin', 'backorder_id', 'backorder_ids', 'move_ids']]))[0] as Picking;
const moves = async (ids: number[]): Promise<Move[]> => planner.call<Move[]>('stock.move', 'read', [ids, ['state', 'product_uom_qty', 'quantity', 'picked']]);
const onHand = async (location: number): Promise<number> =>
  (await planner.call<{ qty_available: number }[]>('product.product', 'read', [[productId], ['qty_available']], { context: { location } }))[0]?.qty_available ?? NaN;

beforeAll(async () => {
  sim = await startSmallSim();
  planner = OdooCaller.as(sim, 'planner');
  supervisor = OdooCaller.as(sim, 'supervisor');
  const warehouses = await planner.searchRead<{ code: string; lot_stock_id: [number, string]; int_type_id: [number, string] }>('stock.warehouse', [], ['code', 'lot_stock_id', 'int_type_id']);
  stock = Object.fromEntries(warehouses.map((wh) => [wh.code, wh.lot_stock_id[0]]));
  internalType = warehouses.find((wh) => wh.code === 'RDC1')?.int_type_id[0] as number;
  // A product nobody else uses in these tests, with no open moves from RDC1.
  productId = await supervisor.call<number>('product.product', 'create', [{ name: 'Workflow widget', default_code: 'WF-1', is_storable: true }]);
});
afterAll(() => sim.close());

describe('stock.picking', () => {
  beforeEach(async () => {
    await setOnHand(stock.RDC1 as number, 10);
  });

  it('confirm reserves at once when stock exists; validate moves the quants', async () => {
    const id = await transfer(4, 'WF-full');
    expect((await picking(id)).state).toBe('draft');
    expect(await planner.call('stock.picking', 'action_confirm', [[id]])).toBe(true);
    const confirmed = await picking(id);
    expect(confirmed.state).toBe('assigned');
    expect(await moves(confirmed.move_ids)).toMatchObject([{ state: 'assigned', quantity: 4 }]);
    expect(await planner.call('stock.picking', 'button_validate', [[id]])).toBe(true);
    expect((await picking(id)).state).toBe('done');
    expect(await onHand(stock.RDC1 as number)).toBe(6);
    expect(await onHand(stock.FSL01 as number)).toBe(4);
    expect(await planner.call('stock.picking', 'button_validate', [[id]])).toBe(true);
  });

  it('partial availability: picking ready, move partially available; validate returns the backorder wizard', async () => {
    const id = await transfer(15, 'WF-partial');
    await planner.call('stock.picking', 'action_confirm', [[id]]);
    const ready = await picking(id);
    expect(ready.state).toBe('assigned');
    expect(await moves(ready.move_ids)).toMatchObject([{ state: 'partially_available', quantity: 10 }]);
    const action = await planner.call<Record<string, unknown>>('stock.picking', 'button_validate', [[id]]);
    expect(action).toMatchObject({
      name: 'Create Backorder?',
      type: 'ir.actions.act_window',
      res_model: 'stock.backorder.confirmation',
      target: 'new',
      context: { button_validate_picking_ids: [id], default_show_transfers: false, default_pick_ids: [[4, id]] },
    });
    expect((await picking(id)).state).toBe('assigned');

    const wizard = await planner.call<number>('stock.backorder.confirmation', 'create', [{}], { context: action.context });
    // Without button_validate_picking_ids the wizard does nothing and says true.
    expect(await planner.call('stock.backorder.confirmation', 'process', [[wizard]])).toBe(true);
    expect((await picking(id)).state).toBe('assigned');
    expect(await planner.call('stock.backorder.confirmation', 'process', [[wizard]], { context: { button_validate_picking_ids: [id] } })).toBe(true);
    const done = await picking(id);
    expect(done.state).toBe('done');
    expect(done.backorder_ids).toHaveLength(1);
    const backorder = await picking(done.backorder_ids[0] as number);
    expect(backorder).toMatchObject({ state: 'confirmed', origin: 'WF-partial', backorder_id: [id, done.name] });
    expect(await moves(backorder.move_ids)).toMatchObject([{ product_uom_qty: 5, state: 'confirmed' }]);
    expect(await moves(done.move_ids)).toMatchObject([{ product_uom_qty: 10, quantity: 10, state: 'done' }]);
  });

  it('process_cancel_backorder validates without a backorder', async () => {
    const id = await transfer(12, 'WF-cancel-bo');
    await planner.call('stock.picking', 'action_confirm', [[id]]);
    const action = await planner.call<{ context: Record<string, unknown> }>('stock.picking', 'button_validate', [[id]]);
    const wizard = await planner.call<number>('stock.backorder.confirmation', 'create', [{ pick_ids: [[6, 0, [id]]] }]);
    expect(await planner.call('stock.backorder.confirmation', 'process_cancel_backorder', [[wizard]], { context: action.context })).toBe(true);
    const done = await picking(id);
    expect(done).toMatchObject({ state: 'done', backorder_ids: [] });
    const states = (await moves(done.move_ids)).map((move) => [move.state, move.product_uom_qty]).sort();
    expect(states).toEqual([['cancel', 2], ['done', 10]]);
  });

  it('skip_backorder still creates the backorder; with picking_ids_not_to_backorder it does not', async () => {
    const first = await transfer(8, 'WF-skip');
    await planner.call('stock.picking', 'action_confirm', [[first]]);
    const [move] = (await picking(first)).move_ids;
    await planner.call('stock.move', 'write', [[move], { quantity: 5, picked: true }]);
    expect(await planner.call('stock.picking', 'button_validate', [[first]], { context: { skip_backorder: true } })).toBe(true);
    expect((await picking(first)).backorder_ids).toHaveLength(1);

    await setOnHand(stock.RDC1 as number, 10);
    const second = await transfer(8, 'WF-no-bo');
    await planner.call('stock.picking', 'action_confirm', [[second]]);
    const [move2] = (await picking(second)).move_ids;
    await planner.call('stock.move', 'write', [[move2], { quantity: 3, picked: true }]);
    expect(await planner.call('stock.picking', 'button_validate', [[second]], { context: { skip_backorder: true, picking_ids_not_to_backorder: [second] } })).toBe(true);
    expect(await picking(second)).toMatchObject({ state: 'done', backorder_ids: [] });
  });

  it('without stock: assign keeps it waiting, validate refuses; an empty transfer cannot be checked or validated', async () => {
    await setOnHand(stock.RDC1 as number, 0);
    const id = await transfer(3, 'WF-nostock');
    await planner.call('stock.picking', 'action_confirm', [[id]]);
    expect(await planner.call('stock.picking', 'action_assign', [[id]])).toBe(true);
    expect((await picking(id)).state).toBe('confirmed');
    expect((await planner.fails('stock.picking', 'button_validate', [[id]])).data).toMatchObject({
      name: 'odoo.exceptions.UserError',
      message: 'You cannot validate a transfer if no quantities are reserved. To force the transfer, encode quantities.',
    });
    const empty = await planner.call<number>('stock.picking', 'create', [{ picking_type_id: internalType, location_dest_id: stock.FSL01 }]);
    expect((await planner.fails('stock.picking', 'action_assign', [[empty]])).data).toMatchObject({ name: 'odoo.exceptions.UserError', message: 'Nothing to check the availability for.' });
    expect((await planner.fails('stock.picking', 'button_validate', [[empty]])).data.message).toBe('You can’t validate an empty transfer. Please add some products to move before proceeding.');
  });

  it('cancel releases the reservation', async () => {
    const id = await transfer(6, 'WF-cancel');
    await planner.call('stock.picking', 'action_confirm', [[id]]);
    expect(await onHand(stock.RDC1 as number)).toBe(10);
    const free = async (): Promise<number> => (await planner.call<{ free_qty: number }[]>('product.product', 'read', [[productId], ['free_qty']], { context: { location: stock.RDC1 } }))[0]?.free_qty ?? NaN;
    expect(await free()).toBe(4);
    expect(await planner.call('stock.picking', 'action_cancel', [[id]])).toBe(true);
    expect((await picking(id)).state).toBe('cancel');
    expect(await free()).toBe(10);
  });

  it('deleting a transfer deletes its moves, so they stop counting; a done one cannot be deleted', async () => {
    const outgoing = async (): Promise<number> => (await planner.call<{ outgoing_qty: number }[]>('product.product', 'read', [[productId], ['outgoing_qty']], { context: { location: stock.RDC1 } }))[0]?.outgoing_qty ?? NaN;
    const before = await outgoing();
    const id = await transfer(3, 'WF-delete');
    await planner.call('stock.picking', 'action_confirm', [[id]]);
    expect(await outgoing()).toBe(before + 3);
    const moveIds = (await picking(id)).move_ids;
    // Deleting the moves needs Inventory / Administrator, as stock.picking.unlink deletes them without sudo.
    expect((await planner.fails('stock.picking', 'unlink', [[id]])).data.message).toMatch(/^You are not allowed to delete 'Stock Move' \(stock\.move\) records\./);
    expect(await supervisor.call('stock.picking', 'unlink', [[id]])).toBe(true);
    expect(await planner.call('stock.move', 'search_count', [[['id', 'in', moveIds]]])).toBe(0);
    expect(await outgoing()).toBe(before);
    const done = await transfer(1, 'WF-delete-done');
    await planner.call('stock.picking', 'button_validate', [[done]]);
    expect((await supervisor.fails('stock.picking', 'unlink', [[done]])).data).toMatchObject({ name: 'odoo.exceptions.UserError', message: 'You can only delete draft or cancelled moves.' });
  });

  it('do_unreserve returns None, so the JSON-RPC reply has no result', async () => {
    const id = await transfer(2, 'WF-unreserve');
    await planner.call('stock.picking', 'action_confirm', [[id]]);
    const reply = await planner.raw('stock.picking', 'do_unreserve', [[id]]);
    expect(reply.body).toEqual({ jsonrpc: '2.0', id: 1 });
    expect((await picking(id)).state).toBe('confirmed');
  });
});

describe('purchase.order', () => {
  let vendor: number;
  beforeAll(async () => {
    vendor = await supervisor.call<number>('res.partner', 'create', [{ name: 'Workflow Vendor', supplier_rank: 1 }]);
  });

  const order = async (price: number, qty: number, origin: string): Promise<number> =>
    planner.call<number>('purchase.order', 'create', [{ partner_id: vendor, origin, order_line: [[0, 0, { product_id: productId, product_qty: qty, price_unit: price }]] }]);
  const state = async (id: number): Promise<{ state: string; name: string; picking_ids: number[] }> =>
    (await planner.call<{ state: string; name: string; picking_ids: number[] }[]>('purchase.order', 'read', [[id], ['state', 'name', 'picking_ids']]))[0] as { state: string; name: string; picking_ids: number[] };

  it('below the double-validation amount: confirm → purchase with a receipt whose origin is the PO name', async () => {
    const id = await order(10, 5, 'PLN:small');
    expect(await planner.call('purchase.order', 'button_confirm', [[id]])).toBe(true);
    const po = await state(id);
    expect(po.state).toBe('purchase');
    const receipts = await planner.searchRead<{ origin: string; state: string; location_id: [number, string] }>('stock.picking', [['purchase_id', '=', id]], ['origin', 'state', 'location_id']);
    expect(receipts).toHaveLength(1);
    expect(receipts[0]).toMatchObject({ origin: po.name, state: 'assigned', location_id: [expect.any(Number), 'Partners/Vendors'] });
    // A second confirm is a silent no-op.
    expect(await planner.call('purchase.order', 'button_confirm', [[id]])).toBe(true);
    expect(await planner.call('stock.picking', 'search_count', [[['purchase_id', '=', id]]])).toBe(1);
  });

  it('above it: to approve; a purchase user approving changes nothing, a manager approves and gets the receipt', async () => {
    const id = await order(1000, 6, 'PLN:big');
    await planner.call('purchase.order', 'button_confirm', [[id]]);
    expect((await state(id)).state).toBe('to approve');
    expect(await planner.call('purchase.order', 'button_approve', [[id]])).toEqual({});
    expect(await state(id)).toMatchObject({ state: 'to approve', picking_ids: [] });
    expect(await supervisor.call('purchase.order', 'button_approve', [[id]])).toEqual({});
    const approved = await state(id);
    expect(approved.state).toBe('purchase');
    expect(approved.picking_ids).toHaveLength(1);
  });

  it('a purchase manager confirming a big order skips the approval step', async () => {
    const id = await supervisor.call<number>('purchase.order', 'create', [{ partner_id: vendor, order_line: [[0, 0, { product_id: productId, product_qty: 100, price_unit: 100 }]] }]);
    await supervisor.call('purchase.order', 'button_confirm', [[id]]);
    expect((await state(id)).state).toBe('purchase');
  });

  it('cancel returns None and cancels the open receipt; after a done receipt it is refused', async () => {
    const id = await order(10, 3, 'PLN:cancel');
    await planner.call('purchase.order', 'button_confirm', [[id]]);
    expect((await planner.raw('purchase.order', 'button_cancel', [[id]])).body).toEqual({ jsonrpc: '2.0', id: 1 });
    expect((await state(id)).state).toBe('cancel');
    expect(await planner.searchRead('stock.picking', [['purchase_id', '=', id]], ['state'])).toMatchObject([{ state: 'cancel' }]);

    const received = await order(10, 2, 'PLN:received');
    await planner.call('purchase.order', 'button_confirm', [[received]]);
    const [receipt] = (await state(received)).picking_ids;
    expect(await planner.call('stock.picking', 'button_validate', [[receipt]])).toBe(true);
    const po = await state(received);
    expect((await planner.fails('purchase.order', 'button_cancel', [[received]])).data).toMatchObject({
      name: 'odoo.exceptions.UserError',
      message: `Unable to cancel purchase order(s): ${po.name} since they have receipts that are already done.`,
    });
    expect(await planner.searchRead('purchase.order.line', [['order_id', '=', received]], ['qty_received'])).toMatchObject([{ qty_received: 2 }]);
  });

  it('deletes an order only once it is cancelled', async () => {
    const id = await order(10, 1, 'PLN:delete');
    expect((await planner.fails('purchase.order', 'unlink', [[id]])).data).toMatchObject({ name: 'odoo.exceptions.UserError', message: 'In order to delete a purchase order, you must cancel it first.' });
    await planner.raw('purchase.order', 'button_cancel', [[id]]);
    expect(await planner.call('purchase.order', 'unlink', [[id]])).toBe(true);
    expect(await planner.call('purchase.order', 'search_count', [[['id', '=', id]]])).toBe(0);
  });

  it('button_draft brings a cancelled order back to draft and returns {}', async () => {
    const id = await order(10, 1, 'PLN:draft');
    await planner.raw('purchase.order', 'button_cancel', [[id]]);
    expect(await planner.call('purchase.order', 'button_draft', [[id]])).toEqual({});
    expect((await state(id)).state).toBe('draft');
  });
});

describe('sale.order', () => {
  it('a stock user confirms an order (creating it needs Sales rights); the delivery origin is the SO name plus the customer reference', async () => {
    const admin = OdooCaller.as(sim, 'admin');
    const customer = await supervisor.call<number>('res.partner', 'create', [{ name: 'Workflow Customer', customer_rank: 1 }]);
    const [wh] = await planner.searchRead<{ id: number }>('stock.warehouse', [['code', '=', 'RDC1']], ['id']);
    expect((await planner.fails('sale.order', 'create', [{ partner_id: customer }])).data.name).toBe('odoo.exceptions.AccessError');
    const id = await admin.call<number>('sale.order', 'create', [{ partner_id: customer, warehouse_id: wh?.id, client_order_ref: 'REF-9', commitment_date: '2026-03-10 11:00:00', order_line: [[0, 0, { product_id: productId, product_uom_qty: 2 }]] }]);
    expect(await planner.call('sale.order', 'action_confirm', [[id]])).toBe(true);
    const [so] = await planner.call<{ name: string; state: string; picking_ids: number[] }[]>('sale.order', 'read', [[id], ['name', 'state', 'picking_ids']]);
    expect(so?.state).toBe('sale');
    expect(so?.picking_ids).toHaveLength(1);
    const [delivery] = await planner.searchRead<{ origin: string; picking_type_code: string; sale_id: [number, string]; scheduled_date: string }>('stock.picking', [['sale_id', '=', id]], ['origin', 'picking_type_code', 'sale_id', 'scheduled_date']);
    expect(delivery).toMatchObject({ origin: `${so?.name} - REF-9`, picking_type_code: 'outgoing', sale_id: [id, so?.name], scheduled_date: '2026-03-10 11:00:00' });
    expect((await planner.fails('sale.order', 'action_confirm', [[id]])).data).toMatchObject({ name: 'odoo.exceptions.UserError', message: 'Some orders are not in a state requiring confirmation.' });
  });
});

describe('stock.quant inventory adjustment', () => {
  it('sets the counted quantity in inventory mode and applies it (None result)', async () => {
    const supervisor = OdooCaller.as(sim, 'supervisor');
    const quantId = await supervisor.call<number>('stock.quant', 'create', [{ product_id: productId, location_id: stock.TPL1, inventory_quantity: 42 }], { context: { inventory_mode: true } });
    const again = await supervisor.call<number>('stock.quant', 'create', [{ product_id: productId, location_id: stock.TPL1, inventory_quantity: 40 }], { context: { inventory_mode: true } });
    expect(again).toBe(quantId);
    expect((await supervisor.raw('stock.quant', 'action_apply_inventory', [[quantId]])).body).toEqual({ jsonrpc: '2.0', id: 1 });
    expect(await onHand(stock.TPL1 as number)).toBe(40);
    expect(await planner.call('res.users', 'context_get', [])).toEqual({ lang: 'en_US', tz: 'Europe/Amsterdam', uid: sim.users.find((u) => u.login === 'planner')?.uid });
  });
});
