import { checkAccess } from '../orm/access';
import type { Env } from '../orm/env';
import { missingError, userError } from '../orm/errors';
import type { Row } from '../orm/model-spec';
import { createRecords } from '../orm/records';
import { nextSequence, sequenceByCode } from '../models/base';
import { actionCancel as cancelPickings, actionConfirm as confirmPickings } from './picking';

function orders(env: Env, ids: readonly number[]): Row[] {
  checkAccess(env, 'sale.order', 'write');
  const missing = ids.filter((id) => !env.row('sale.order', id));
  if (missing.length > 0) throw missingError('sale.order', missing, env.uid);
  return ids.map((id) => env.row('sale.order', id) as Row);
}

function linesOf(env: Env, order: Row): Row[] {
  return [...(env.db.table('sale.order.line').lookup('order_id', order.id) ?? [])].sort((a, b) => a - b).map((id) => env.row('sale.order.line', id) as Row);
}

export function defaultWarehouse(env: Env): number | false {
  const companyId = env.companyId();
  const table = env.db.table('stock.warehouse');
  for (const id of table.ids()) {
    const wh = table.get(id);
    if (wh && wh.company_id === companyId && wh.active !== false) return wh.id;
  }
  return false;
}

export function prepareOrder(env: Env, vals: Record<string, unknown>): void {
  if (!vals.name || vals.name === 'New' || vals.name === '/') vals.name = nextSequence(env, sequenceByCode(env, 'sale.order'));
}

export function prepareLine(env: Env, vals: Record<string, unknown>): void {
  const product = env.row('product.product', vals.product_id as number);
  const template = env.row('product.template', product?.product_tmpl_id as number);
  if (!vals.name && product) vals.name = product.default_code ? `[${String(product.default_code)}] ${String(template?.name ?? '')}` : String(template?.name ?? '');
  if (!vals.product_uom && template) vals.product_uom = template.uom_id;
  if (vals.price_unit === undefined && template) vals.price_unit = template.list_price;
  if (vals.purchase_price === undefined && product) vals.purchase_price = product.standard_price ?? 0;
}

export function expectedDate(env: Env, order: Row): string | false {
  if (order.state === 'sale' || order.state === 'cancel') return order.commitment_date as string | false || false;
  return (order.commitment_date as string | false) || (order.date_order as string | false) || false;
}

function deliveriesOf(env: Env, order: Row): Row[] {
  return [...(env.db.table('stock.picking').lookup('sale_id', order.id) ?? [])].map((id) => env.row('stock.picking', id) as Row);
}

export function deliveryStatus(env: Env, order: Row): string | false {
  const pickings = deliveriesOf(env, order).filter((picking) => picking.state !== 'cancel');
  if (pickings.length === 0) return false;
  if (pickings.every((picking) => picking.state === 'done')) return 'full';
  if (pickings.some((picking) => picking.state === 'done')) return 'partial';
  return 'pending';
}

export function effectiveDate(env: Env, order: Row): string | false {
  const done = deliveriesOf(env, order).filter((picking) => picking.state === 'done').map((picking) => String(picking.date_done)).sort();
  return done[0] ?? false;
}

export function qtyDelivered(env: Env, line: Row): number {
  let total = 0;
  for (const id of env.db.table('stock.move').lookup('sale_line_id', line.id) ?? []) {
    const move = env.row('stock.move', id);
    if (move?.state !== 'done') continue;
    const dest = env.row('stock.location', move.location_dest_id as number);
    total += dest?.usage === 'customer' ? Number(move.quantity) || 0 : -(Number(move.quantity) || 0);
  }
  return total;
}

function addDaysToDatetime(value: string, days: number): string {
  const date = new Date(`${value.replace(' ', 'T')}Z`);
  date.setTime(date.getTime() + days * 86_400_000);
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

function goodsLine(env: Env, line: Row): boolean {
  if (line.display_type || typeof line.product_id !== 'number') return false;
  const template = env.row('product.template', env.row('product.product', line.product_id)?.product_tmpl_id as number);
  return template?.type === 'consu' || template?.type === 'product';
}

/** sale_stock `_action_launch_stock_rule`: one delivery from the order's warehouse (origin = SO name). */
function launchDelivery(env: Env, order: Row): void {
  const lines = linesOf(env, order).filter((line) => goodsLine(env, line));
  if (lines.length === 0) return;
  const wh = env.row('stock.warehouse', order.warehouse_id as number);
  if (!wh) throw userError('You must set a warehouse on your sale order to proceed.');
  const type = env.row('stock.picking.type', wh.out_type_id as number);
  const partner = env.row('res.partner', order.partner_id as number);
  const customerLocation = (partner?.property_stock_customer as number | false) || env.ref('stock.stock_location_customers');
  const su = env.sudo();
  const group = su.db.insert('procurement.group', { name: order.name, move_type: order.picking_policy ?? 'direct', partner_id: order.partner_id, sale_id: order.id, create_uid: env.uid, create_date: env.now(), write_uid: env.uid, write_date: env.now() });
  su.db.update('sale.order', order, { procurement_group_id: group.id });
  const dateFor = (line: Row): string => (order.commitment_date as string | false) || addDaysToDatetime(String(order.date_order), Number(line.customer_lead) || 0);
  const [pickingId] = createRecords(su, 'stock.picking', [
    {
      picking_type_id: type?.id ?? false,
      location_id: wh.lot_stock_id,
      location_dest_id: customerLocation,
      partner_id: order.partner_id,
      origin: order.client_order_ref ? `${String(order.name)} - ${String(order.client_order_ref)}` : order.name,
      sale_id: order.id,
      group_id: group.id,
      move_type: order.picking_policy ?? 'direct',
      scheduled_date: dateFor(lines[0] as Row),
      move_ids: lines.map((line) => [
        0,
        0,
        {
          name: line.name,
          product_id: line.product_id,
          product_uom_qty: line.product_uom_qty,
          product_uom: line.product_uom,
          location_id: wh.lot_stock_id,
          location_dest_id: customerLocation,
          date: dateFor(line),
          date_deadline: (order.commitment_date as string | false) || dateFor(line),
          sale_line_id: line.id,
          ...(env.version >= 18 ? { location_final_id: customerLocation } : {}),
          group_id: group.id,
          warehouse_id: wh.id,
          partner_id: order.partner_id,
          price_unit: line.purchase_price ?? 0,
        },
      ]),
    },
  ]);
  if (pickingId !== undefined) confirmPickings(su, [pickingId]);
}

export function actionConfirm(env: Env, ids: readonly number[]): true {
  const found = orders(env, ids);
  for (const order of found) {
    if (order.state !== 'draft' && order.state !== 'sent') {
      throw userError(env.version >= 18 ? 'Some orders are not in a state requiring confirmation.' : `The following orders are not in a state requiring confirmation: ${found.map((o) => String(o.name)).join(', ')}`);
    }
    if (linesOf(env, order).some((line) => !line.display_type && !line.product_id)) throw userError('A line on these orders missing a product, you cannot confirm it.');
  }
  for (const order of found) {
    env.db.update('sale.order', order, { state: 'sale', date_order: env.now(), write_uid: env.uid, write_date: env.now() });
    launchDelivery(env, order);
  }
  return true;
}

export function actionCancel(env: Env, ids: readonly number[]): true {
  const found = orders(env, ids);
  if (found.some((order) => order.locked)) throw userError('You cannot cancel a locked order. Please unlock it first.');
  for (const order of found) {
    const open = deliveriesOf(env, order).filter((picking) => picking.state !== 'done' && picking.state !== 'cancel').map((picking) => picking.id);
    if (open.length > 0) actionCancel_(env, open);
    env.db.update('sale.order', order, { state: 'cancel', write_uid: env.uid, write_date: env.now() });
  }
  return true;
}

function actionCancel_(env: Env, pickingIds: number[]): void {
  cancelPickings(env.sudo(), pickingIds);
}

export function actionDraft(env: Env, ids: readonly number[]): true {
  for (const order of orders(env, ids)) if (order.state === 'cancel' || order.state === 'sent') env.db.update('sale.order', order, { state: 'draft', write_uid: env.uid, write_date: env.now() });
  return true;
}

export function setLocked(env: Env, ids: readonly number[], locked: boolean): true {
  for (const order of orders(env, ids)) env.db.update('sale.order', order, { locked, write_uid: env.uid, write_date: env.now() });
  return true;
}
