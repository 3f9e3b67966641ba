import { checkAccess } from '../orm/access';
import type { Env } from '../orm/env';
import type { Row } from '../orm/model-spec';

export interface ProductQuantities {
  qty_available: number;
  free_qty: number;
  incoming_qty: number;
  outgoing_qty: number;
  virtual_available: number;
}

const OPEN_MOVE_STATES = new Set(['waiting', 'confirmed', 'assigned', 'partially_available']);

function round(value: number): number {
  return Math.round(value * 100) / 100;
}

/** Ids named in a stock context key: ids, names (ilike on the record name) or a list of both. */
function resolveIds(env: Env, model: string, value: unknown): number[] {
  const items = Array.isArray(value) ? value : [value];
  const ids = new Set<number>();
  for (const item of items) {
    if (typeof item === 'number') ids.add(item);
    else if (typeof item === 'string') {
      const needle = item.toLowerCase();
      for (const row of env.db.table(model).rows.values()) {
        const name = String(model === 'stock.location' ? row.complete_name : row.name).toLowerCase();
        if (name.includes(needle)) ids.add(row.id);
      }
    }
  }
  return [...ids];
}

/** All locations under `roots` (inclusive), via the parent chain: Odoo's parent_path prefix match. */
export function locationsUnder(env: Env, roots: readonly number[]): Set<number> {
  const key = `under:${[...roots].sort((a, b) => a - b).join(',')}`;
  const cached = env.memo.get(key) as Set<number> | undefined;
  if (cached) return cached;
  const rootSet = new Set(roots);
  const result = new Set<number>();
  const table = env.db.table('stock.location');
  for (const row of table.rows.values()) {
    let current: Row | undefined = row;
    let guard = 0;
    while (current && guard++ < 64) {
      if (rootSet.has(current.id)) {
        result.add(row.id);
        break;
      }
      current = typeof current.location_id === 'number' ? table.get(current.location_id) : undefined;
    }
  }
  env.memo.set(key, result);
  return result;
}

/**
 * The location scope of `_get_domain_locations`: context `warehouse` (17) / `warehouse_id` (18)
 * and/or `location`, else every warehouse of the allowed companies. Transit is in no warehouse.
 */
export function contextLocations(env: Env): Set<number> {
  const cached = env.memo.get('context-locations') as Set<number> | undefined;
  if (cached) return cached;
  const warehouseKey = env.version >= 18 ? 'warehouse_id' : 'warehouse';
  const warehouse = env.context[warehouseKey];
  const location = env.context.location;
  let roots: number[];
  if (warehouse !== undefined && warehouse !== false && warehouse !== null) {
    const views = resolveIds(env, 'stock.warehouse', warehouse)
      .map((id) => env.row('stock.warehouse', id)?.view_location_id)
      .filter((id): id is number => typeof id === 'number');
    if (location !== undefined && location !== false && location !== null) {
      const under = locationsUnder(env, views);
      roots = resolveIds(env, 'stock.location', location).filter((id) => under.has(id));
    } else roots = views;
  } else if (location !== undefined && location !== false && location !== null) {
    roots = resolveIds(env, 'stock.location', location);
  } else {
    const companies = new Set(env.companyIds());
    roots = [];
    for (const row of env.db.table('stock.warehouse').rows.values()) {
      if (row.active !== false && companies.has(row.company_id as number) && typeof row.view_location_id === 'number') roots.push(row.view_location_id);
    }
  }
  const result = locationsUnder(env, roots);
  env.memo.set('context-locations', result);
  return result;
}

/** `_compute_quantities_dict` for one product under the call's context. */
export function productQuantities(env: Env, productId: number): ProductQuantities {
  const key = `qty:${productId}`;
  const cached = env.memo.get(key) as ProductQuantities | undefined;
  if (cached) return cached;
  // Odoo reads moves first (a _read_group on stock.move), so that is the access error users see.
  if (!env.memo.has('qty-access')) {
    checkAccess(env, 'stock.move', 'read');
    checkAccess(env, 'stock.quant', 'read');
    env.memo.set('qty-access', true);
  }
  const locations = contextLocations(env);
  let onHand = 0;
  let reserved = 0;
  const quants = env.db.table('stock.quant');
  for (const id of quants.lookup('product_id', productId) ?? []) {
    const quant = quants.get(id);
    if (!quant || !locations.has(quant.location_id as number)) continue;
    onHand += Number(quant.quantity) || 0;
    reserved += Number(quant.reserved_quantity) || 0;
  }
  const fromDate = typeof env.context.from_date === 'string' ? env.context.from_date : null;
  const toDate = typeof env.context.to_date === 'string' ? env.context.to_date : null;
  let incoming = 0;
  let outgoing = 0;
  const moves = env.db.table('stock.move');
  for (const id of moves.lookup('product_id', productId) ?? []) {
    const move = moves.get(id);
    if (!move || !OPEN_MOVE_STATES.has(move.state as string)) continue;
    if (fromDate && String(move.date) < fromDate) continue;
    if (toDate && String(move.date) > toDate) continue;
    const source = locations.has(move.location_id as number);
    // 18: a move's final destination (location_final_id) wins over its intermediate one.
    const destId = env.version >= 18 && typeof move.location_final_id === 'number' ? move.location_final_id : move.location_dest_id;
    const dest = locations.has(destId as number);
    const qty = Number(move.product_qty) || 0;
    if (dest && !source) incoming += qty;
    else if (source && !dest) outgoing += qty;
  }
  const result: ProductQuantities = {
    qty_available: round(onHand),
    free_qty: round(onHand - reserved),
    incoming_qty: round(incoming),
    outgoing_qty: round(outgoing),
    virtual_available: round(onHand + incoming - outgoing),
  };
  env.memo.set(key, result);
  return result;
}
