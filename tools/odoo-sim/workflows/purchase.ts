import { checkAccess } from '../orm/access';
import type { Env } from '../orm/env';
import { missingError, userError } from '../orm/errors';
import type { Row } from '../orm/model-spec';
import { createRecords, writeRows } from '../orm/records';
import { nextSequence, sequenceByCode } from '../models/base';
import { actionCancel as cancelPickings, actionConfirm as confirmPickings } from './picking';

function orders(env: Env, ids: readonly number[]): Row[] {
  checkAccess(env, 'purchase.order', 'write');
  const missing = ids.filter((id) => !env.row('purchase.order', id));
  if (missing.length > 0) throw missingError('purchase.order', missing, env.uid);
  return ids.map((id) => env.row('purchase.order', id) as Row);
}

function linesOf(env: Env, order: Row): Row[] {
  return [...(env.db.table('purchase.order.line').lookup('order_id', order.id) ?? [])].sort((a, b) => a - b).map((id) => env.row('purchase.order.line', id) as Row);
}

function touch(env: Env, model: string, row: Row, values: Record<string, unknown>): void {
  env.db.update(model, row, { ...values, write_uid: env.uid, write_date: env.now() });
}

export function defaultPickingType(env: Env): number | false {
  const companyId = env.companyId();
  const table = env.db.table('stock.picking.type');
  for (const id of table.ids()) {
    const type = table.get(id);
    if (type && type.code === 'incoming' && type.company_id === companyId && type.active !== false) return type.id;
  }
  return false;
}

export function prepareOrder(env: Env, vals: Record<string, unknown>): void {
  if (!vals.name || vals.name === 'New' || vals.name === '/') vals.name = nextSequence(env, sequenceByCode(env, 'purchase.order'));
}

function addDays(value: string, days: number): string {
  const date = new Date(`${value.replace(' ', 'T')}Z`);
  date.setTime(date.getTime() + days * 86_400_000);
  return date.toISOString().slice(0, 19).replace('T', ' ');
}

/** `_select_seller`: the vendor's pricelist line for this product whose minimum the quantity reaches. */
function selectSeller(env: Env, productId: number, partnerId: unknown, qty: number): Row | undefined {
  const product = env.row('product.product', productId);
  const table = env.db.table('product.supplierinfo');
  const candidates = [...(table.lookup('product_tmpl_id', product?.product_tmpl_id) ?? [])]
    .map((id) => table.get(id) as Row)
    .filter((info) => info.partner_id === partnerId && (info.product_id === false || info.product_id === productId) && (Number(info.min_qty) || 0) <= qty + 1e-9)
    .sort((a, b) => (Number(a.sequence) || 0) - (Number(b.sequence) || 0) || (Number(b.min_qty) || 0) - (Number(a.min_qty) || 0) || (Number(a.price) || 0) - (Number(b.price) || 0) || a.id - b.id);
  return candidates[0];
}

/** PO line create fills what the onchanges would: description, UoM, price and planned date from the vendor pricelist. */
export function prepareLine(env: Env, vals: Record<string, unknown>): void {
  const order = env.row('purchase.order', vals.order_id as number);
  const product = env.row('product.product', vals.product_id as number);
  const template = env.row('product.template', product?.product_tmpl_id as number);
  if (!product || !order) return;
  const seller = selectSeller(env, product.id, order.partner_id, Number(vals.product_qty) || 0);
  if (!vals.name) vals.name = product.default_code ? `[${String(product.default_code)}] ${String(template?.name ?? '')}` : String(template?.name ?? '');
  if (!vals.product_uom && template) vals.product_uom = template.uom_po_id;
  if (vals.price_unit === undefined) vals.price_unit = seller ? Number(seller.price) || 0 : Number(product.standard_price) || 0;
  if (!vals.date_planned) vals.date_planned = addDays(String(order.date_order), seller ? Number(seller.delay) || 0 : 0);
}

export function afterLineChange(env: Env, line: Row): void {
  const order = env.row('purchase.order', line.order_id as number);
  if (!order) return;
  const dates = linesOf(env, order).map((other) => other.date_planned).filter((date): date is string => typeof date === 'string').sort();
  const datePlanned = dates[0] ?? false;
  if (datePlanned !== order.date_planned) env.db.update('purchase.order', order, { date_planned: datePlanned });
}

/**
 * `purchase.order.line.write` with a new `date_planned` (`_update_move_date_deadline`): the line's
 * moves not yet done or cancelled get it as their deadline, so a vendor's new promise reaches the
 * receipt (and its write date, which is how an incremental sync notices it).
 */
export function afterLineWrite(env: Env, lines: Row[], vals: Record<string, unknown>): void {
  for (const line of lines) afterLineChange(env, line);
  if (!vals.date_planned) return;
  for (const line of lines) {
    const open = [...(env.db.table('stock.move').lookup('purchase_line_id', line.id) ?? [])].filter((id) => !['done', 'cancel'].includes(String(env.row('stock.move', id)?.state)));
    if (open.length > 0) writeRows(env, 'stock.move', open, { date_deadline: line.date_planned });
  }
}

function amountTotal(env: Env, order: Row): number {
  return linesOf(env, order).reduce((sum, line) => sum + (Number(line.product_qty) || 0) * (Number(line.price_unit) || 0) * (1 - (Number(line.discount) || 0) / 100), 0);
}

/** `_approval_allowed`: one-step company, amount under the threshold, or a purchase manager. */
function approvalAllowed(env: Env, order: Row): boolean {
  const company = env.row('res.company', order.company_id as number);
  if (!company || company.po_double_validation !== 'two_step') return true;
  if (amountTotal(env, order) < (Number(company.po_double_validation_amount) || 0)) return true;
  return env.hasGroup('purchase.group_purchase_manager');
}

function receiptsOf(env: Env, order: Row): Row[] {
  return [...(env.db.table('stock.picking').lookup('purchase_id', order.id) ?? [])].map((id) => env.row('stock.picking', id) as Row);
}

export function qtyReceived(env: Env, line: Row): number {
  let total = 0;
  for (const id of env.db.table('stock.move').lookup('purchase_line_id', line.id) ?? []) {
    const move = env.row('stock.move', id);
    if (move?.state !== 'done') continue;
    const dest = env.row('stock.location', move.location_dest_id as number);
    total += dest?.usage === 'supplier' ? -(Number(move.quantity) || 0) : Number(move.quantity) || 0;
  }
  return total;
}

export function receiptStatus(env: Env, order: Row): string | false {
  const receipts = receiptsOf(env, order).filter((picking) => picking.state !== 'cancel');
  if (receipts.length === 0) return false;
  if (receipts.every((picking) => picking.state === 'done')) return 'full';
  if (receipts.some((picking) => picking.state === 'done')) return 'partial';
  return 'pending';
}

export function effectiveDate(env: Env, order: Row): string | false {
  const done = receiptsOf(env, order).filter((picking) => picking.state === 'done').map((picking) => String(picking.date_done)).sort();
  return done[0] ?? false;
}

function goodsLine(env: Env, line: Row): boolean {
  if (line.display_type || typeof line.product_id !== 'number') return false;
  const template = env.row('product.template', env.row('product.product', line.product_id)?.product_tmpl_id as number);
  return template?.type === 'consu' || template?.type === 'product';
}

/** purchase_stock `_create_picking`: one receipt from the vendor location, moves dated by the lines' planned dates. */
function createReceipt(env: Env, order: Row): void {
  const lines = linesOf(env, order).filter((line) => goodsLine(env, line));
  if (lines.length === 0) return;
  const su = env.sudo();
  const type = env.row('stock.picking.type', order.picking_type_id as number);
  const partner = env.row('res.partner', order.partner_id as number);
  const vendorLocation = (partner?.property_stock_supplier as number | false) || env.ref('stock.stock_location_suppliers');
  const dest = (type?.default_location_dest_id as number | false) || false;
  let groupId = order.group_id as number | false;
  if (!groupId) {
    groupId = su.db.insert('procurement.group', { name: order.name, move_type: 'direct', partner_id: order.partner_id, sale_id: false, create_uid: env.uid, create_date: env.now(), write_uid: env.uid, write_date: env.now() }).id;
    su.db.update('purchase.order', order, { group_id: groupId });
  }
  const [pickingId] = createRecords(su, 'stock.picking', [
    {
      picking_type_id: order.picking_type_id,
      partner_id: order.partner_id,
      user_id: order.user_id ?? false,
      origin: order.name,
      location_id: vendorLocation,
      location_dest_id: dest,
      purchase_id: order.id,
      group_id: groupId,
      scheduled_date: order.date_planned || env.now(),
      move_ids: lines.map((line) => [
        0,
        0,
        {
          name: line.name,
          product_id: line.product_id,
          product_uom_qty: line.product_qty,
          product_uom: line.product_uom,
          location_id: vendorLocation,
          location_dest_id: dest,
          date: line.date_planned || env.now(),
          date_deadline: line.date_planned || false,
          purchase_line_id: line.id,
          ...(env.version >= 18 ? { location_final_id: dest } : {}),
          price_unit: line.price_unit,
          group_id: groupId,
          origin: order.name,
          partner_id: order.dest_address_id || false,
          warehouse_id: type?.warehouse_id ?? false,
        },
      ]),
    },
  ]);
  if (pickingId !== undefined) confirmPickings(su, [pickingId]);
}

function addVendorAsSeller(env: Env, order: Row): void {
  for (const line of linesOf(env, order)) {
    if (typeof line.product_id !== 'number') continue;
    const product = env.row('product.product', line.product_id);
    const sellers = [...(env.db.table('product.supplierinfo').lookup('product_tmpl_id', product?.product_tmpl_id) ?? [])].map((id) => env.row('product.supplierinfo', id) as Row);
    if (sellers.some((seller) => seller.partner_id === order.partner_id) || sellers.length > 10) continue;
    createRecords(env.sudo(), 'product.supplierinfo', [
      { partner_id: order.partner_id, product_tmpl_id: product?.product_tmpl_id, product_id: false, min_qty: 0, price: line.price_unit, delay: 0, sequence: Math.max(0, ...sellers.map((seller) => Number(seller.sequence) || 0)) + 1 },
    ]);
  }
}

export function buttonConfirm(env: Env, ids: readonly number[]): true {
  for (const order of orders(env, ids)) {
    // Only RFQs are confirmed; other states are skipped silently, like Odoo.
    if (order.state !== 'draft' && order.state !== 'sent') continue;
    addVendorAsSeller(env, order);
    if (approvalAllowed(env, order)) approve(env, order);
    else touch(env, 'purchase.order', order, { state: 'to approve' });
  }
  return true;
}

function approve(env: Env, order: Row): void {
  const company = env.row('res.company', order.company_id as number);
  touch(env, 'purchase.order', order, { state: company?.po_lock === 'lock' && env.version <= 18 ? 'done' : 'purchase', date_approve: env.now() });
  createReceipt(env, order);
}

/** `button_approve`: keeps only orders the user may approve, without an error for the others. */
export function buttonApprove(env: Env, ids: readonly number[]): Record<string, never> {
  for (const order of orders(env, ids)) {
    if (order.state !== 'to approve' && order.state !== 'draft' && order.state !== 'sent') continue;
    if (!approvalAllowed(env, order)) continue;
    approve(env, order);
  }
  return {};
}

/** Returns None (JSON-RPC: no `result`; XML-RPC: a marshalling fault after the commit). */
export function buttonCancel(env: Env, ids: readonly number[]): null {
  const found = orders(env, ids);
  const withDoneReceipts = found.filter((order) => receiptsOf(env, order).some((picking) => picking.state === 'done'));
  if (withDoneReceipts.length > 0) {
    throw userError(`Unable to cancel purchase order(s): ${withDoneReceipts.map((order) => String(order.name)).join(', ')} since they have receipts that are already done.`);
  }
  for (const order of found) {
    const open = receiptsOf(env, order).filter((picking) => picking.state !== 'done' && picking.state !== 'cancel').map((picking) => picking.id);
    if (open.length > 0) cancelPickings(env.sudo(), open);
    touch(env, 'purchase.order', order, { state: 'cancel' });
  }
  return null;
}

export function buttonDraft(env: Env, ids: readonly number[]): Record<string, never> {
  for (const order of orders(env, ids)) touch(env, 'purchase.order', order, { state: 'draft' });
  return {};
}

export function setState(env: Env, ids: readonly number[], from: string | null, to: string): null {
  for (const order of orders(env, ids)) if (from === null || order.state === from) touch(env, 'purchase.order', order, { state: to, ...(to === 'done' ? { priority: '0' } : {}) });
  return null;
}
