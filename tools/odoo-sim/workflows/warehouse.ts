import type { Env } from '../orm/env';
import { userError, validationError } from '../orm/errors';
import type { Row } from '../orm/model-spec';
import { nextSequence, sequenceByCode } from '../models/base';
import { locationsUnder, productQuantities } from './quantities';

/** complete_name and warehouse_id of a new location (stored computes in Odoo). */
export function prepareLocation(env: Env, vals: Record<string, unknown>): void {
  const parent = env.row('stock.location', vals.location_id as number);
  const name = String(vals.name ?? '');
  vals.complete_name = parent && vals.usage !== 'view' ? `${String(parent.complete_name)}/${name}` : name;
  if (vals.warehouse_id === undefined) vals.warehouse_id = parent ? warehouseOfLocation(env, parent.id) : false;
  if (vals.company_id === undefined && parent) vals.company_id = parent.company_id ?? false;
}

export function warehouseOfLocation(env: Env, locationId: number): number | false {
  const views = new Map<number, number>();
  for (const wh of env.db.table('stock.warehouse').rows.values()) if (typeof wh.view_location_id === 'number') views.set(wh.view_location_id, wh.id);
  let current = env.row('stock.location', locationId);
  let guard = 0;
  while (current && guard++ < 64) {
    const wh = views.get(current.id);
    if (wh !== undefined) return wh;
    current = env.row('stock.location', current.location_id as number);
  }
  return false;
}

export function refreshLocationNames(env: Env): void {
  const table = env.db.table('stock.location');
  for (const id of table.ids()) {
    const row = table.get(id) as Row;
    const parent = table.get(row.location_id as number);
    const complete = parent && row.usage !== 'view' ? `${String(parent.complete_name)}/${String(row.name)}` : String(row.name);
    const wh = warehouseOfLocation(env, row.id);
    if (complete !== row.complete_name || wh !== row.warehouse_id) env.db.update('stock.location', row, { complete_name: complete, warehouse_id: wh });
  }
}

function checkUniqueWarehouse(env: Env, vals: Record<string, unknown>): void {
  for (const wh of env.db.table('stock.warehouse').rows.values()) {
    if (wh.company_id !== vals.company_id) continue;
    if (wh.name === vals.name) throw validationError('The operation cannot be completed: The name of the warehouse must be unique per company!');
    if (wh.code === vals.code) throw validationError('The operation cannot be completed: The short name of the warehouse must be unique per company!');
  }
}

/** Creating a warehouse creates its view and stock locations first (they are required fields). */
export function prepareWarehouse(env: Env, vals: Record<string, unknown>): void {
  if (vals.company_id === undefined) vals.company_id = env.companyId();
  checkUniqueWarehouse(env, vals);
  const su = env.sudo();
  const now = env.now();
  const stamp = { create_uid: env.uid, create_date: now, write_uid: env.uid, write_date: now };
  if (!vals.view_location_id) {
    const physical = env.ref('stock.stock_location_locations');
    const view = su.db.insert('stock.location', { ...stamp, name: String(vals.code ?? ''), complete_name: String(vals.code ?? ''), usage: 'view', location_id: physical, company_id: vals.company_id, active: true, warehouse_id: false, scrap_location: false, replenish_location: false, barcode: false, parent_path: false });
    vals.view_location_id = view.id;
  }
  if (!vals.lot_stock_id) {
    const view = env.row('stock.location', vals.view_location_id as number);
    const stock = su.db.insert('stock.location', { ...stamp, name: 'Stock', complete_name: `${String(view?.complete_name ?? '')}/Stock`, usage: 'internal', location_id: vals.view_location_id, company_id: vals.company_id, active: true, warehouse_id: false, scrap_location: false, replenish_location: true, barcode: `${String(vals.code ?? '')}STOCK`, parent_path: false });
    vals.lot_stock_id = stock.id;
  }
}

function createSequence(env: Env, name: string, prefix: string, companyId: number): number {
  const now = env.now();
  return env.db.insert('ir.sequence', { name, code: false, prefix, padding: 5, number_next: 1, company_id: companyId, active: true, create_uid: env.uid, create_date: now, write_uid: env.uid, write_date: now }).id;
}

/** Picking types (receipts, deliveries, internal) with their sequences, as stock.warehouse.create makes them. */
export function createWarehouseStructure(env: Env, wh: Row): void {
  const now = env.now();
  const stamp = { create_uid: env.uid, create_date: now, write_uid: env.uid, write_date: now };
  for (const id of [wh.view_location_id, wh.lot_stock_id]) {
    const location = env.row('stock.location', id as number);
    if (location) env.db.update('stock.location', location, { warehouse_id: wh.id });
  }
  const companyId = wh.company_id as number;
  const code = String(wh.code);
  const vendors = env.ref('stock.stock_location_suppliers');
  const customers = env.ref('stock.stock_location_customers');
  const base = { color: 0, return_picking_type_id: false, is_favorite: false, create_backorder: 'ask', reservation_method: 'at_confirm', show_operations: false, use_existing_lots: false, warehouse_id: wh.id, company_id: companyId };
  const make = (name: string, typeCode: string, sequenceCode: string, sequence: number, src: unknown, dest: unknown, activeFlag: boolean, extra: Record<string, unknown> = {}): number =>
    env.db.insert('stock.picking.type', {
      ...stamp,
      ...base,
      name,
      code: typeCode,
      sequence_code: sequenceCode,
      sequence,
      sequence_id: createSequence(env, `${String(wh.name)} Sequence ${sequenceCode.toLowerCase()}`, `${code}/${sequenceCode}/`, companyId),
      default_location_src_id: src,
      default_location_dest_id: dest,
      active: activeFlag,
      use_create_lots: typeCode === 'incoming',
      ...extra,
    }).id;
  const inType = make('Receipts', 'incoming', 'IN', 1, vendors, wh.lot_stock_id, true);
  const outType = make('Delivery Orders', 'outgoing', 'OUT', 5, wh.lot_stock_id, customers, true);
  // Internal types stay archived until multi-locations is enabled (seen on a real 18.0).
  const intType = make('Internal Transfers', 'internal', 'INT', 2, wh.lot_stock_id, wh.lot_stock_id, false);
  env.db.update('stock.warehouse', wh, { in_type_id: inType, out_type_id: outType, int_type_id: intType, pick_type_id: false, pack_type_id: false });
}

export function prepareOrderpoint(env: Env, vals: Record<string, unknown>): void {
  if (!vals.warehouse_id && typeof vals.location_id === 'number') vals.warehouse_id = warehouseOfLocation(env, vals.location_id);
  const wh = env.row('stock.warehouse', vals.warehouse_id as number);
  if (!vals.location_id && wh) vals.location_id = wh.lot_stock_id;
  if (!vals.company_id || vals.company_id === env.companyId()) vals.company_id = wh?.company_id ?? env.companyId();
  if (!vals.name || vals.name === false) {
    const seq = sequenceByCode(env, 'stock.orderpoint');
    vals.name = seq === false ? 'OP/' : nextSequence(env, seq);
  }
  if (vals.snoozed_until && vals.trigger !== 'manual') throw userError('You can not create a snoozed orderpoint that is not manually triggered.');
}

export function checkOrderpoint(env: Env, row: Row): void {
  if ((Number(row.product_min_qty) || 0) > (Number(row.product_max_qty) || 0)) throw validationError('The minimum quantity must be less than or equal to the maximum quantity.');
  if ((Number(row.qty_multiple) || 0) < 0) throw validationError('The operation cannot be completed: Qty Multiple must be greater than or equal to zero.');
  const table = env.db.table('stock.warehouse.orderpoint');
  for (const id of table.lookup('product_id', row.product_id) ?? []) {
    const other = table.get(id);
    if (other && other.id !== row.id && other.location_id === row.location_id && other.company_id === row.company_id) {
      throw validationError('The operation cannot be completed: A replenishment rule already exists for this product on this location.');
    }
  }
}

/** qty_on_hand / qty_forecast / qty_to_order of an orderpoint (location context, then min/max/multiple). */
export function orderpointQuantities(env: Env, row: Row): { onHand: number; forecast: number; toOrder: number } {
  const locationEnv = env.withContext({ location: row.location_id, warehouse: false, warehouse_id: false });
  locationEnv.memo.set('context-locations', locationsUnder(locationEnv, [row.location_id as number]));
  const quantities = productQuantities(locationEnv, row.product_id as number);
  const min = Number(row.product_min_qty) || 0;
  const max = Number(row.product_max_qty) || 0;
  const multiple = Number(row.qty_multiple) || 0;
  let toOrder = 0;
  if (quantities.virtual_available < min) {
    toOrder = Math.max(min, max) - quantities.virtual_available;
    if (multiple > 0) toOrder = Math.ceil(toOrder / multiple - 1e-9) * multiple;
  }
  return { onHand: quantities.qty_available, forecast: quantities.virtual_available, toOrder };
}
