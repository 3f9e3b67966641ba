import type { Env } from '../orm/env';
import { missingError, userError, validationError } from '../orm/errors';
import type { Row } from '../orm/model-spec';
import { createRecords, unlinkRows } from '../orm/records';
import { checkAccess } from '../orm/access';
import { nextSequence } from '../models/base';
import { isStorable } from '../models/product';
import { locationsUnder } from './quantities';

const OPEN = new Set(['waiting', 'confirmed', 'partially_available', 'assigned']);
const EPSILON = 1e-9;

function rows(env: Env, model: string, ids: readonly number[]): Row[] {
  const table = env.db.table(model);
  const found: Row[] = [];
  const missing: number[] = [];
  for (const id of ids) {
    const row = table.get(id);
    if (row) found.push(row);
    else missing.push(id);
  }
  if (missing.length > 0) throw missingError(model, missing, env.uid);
  return found;
}

function movesOf(env: Env, pickingId: number): Row[] {
  const table = env.db.table('stock.move');
  return [...(table.lookup('picking_id', pickingId) ?? [])].sort((a, b) => a - b).map((id) => table.get(id) as Row);
}

function set(env: Env, model: string, row: Row, values: Record<string, unknown>): void {
  env.db.update(model, row, { ...values, write_uid: env.uid, write_date: env.now() });
}

/** Reservation is bypassed for vendor/customer/inventory/production sources and company-less transit. */
export function bypassesReservation(env: Env, locationId: unknown): boolean {
  const location = env.row('stock.location', locationId as number);
  if (!location) return true;
  const usage = location.usage;
  if (usage === 'supplier' || usage === 'customer' || usage === 'inventory' || usage === 'production' || usage === 'view') return true;
  if (location.scrap_location === true) return true;
  return usage === 'transit' && !location.company_id;
}

// ---------------------------------------------------------------------------------------------
// create / write hooks

export function preparePicking(env: Env, vals: Record<string, unknown>): void {
  const type = env.row('stock.picking.type', vals.picking_type_id as number);
  if (type) {
    if (!vals.location_id) vals.location_id = type.default_location_src_id ?? false;
    if (!vals.location_dest_id) vals.location_dest_id = type.default_location_dest_id ?? false;
    vals.company_id = type.company_id;
    if (!vals.name || vals.name === '/') vals.name = nextSequence(env, type.sequence_id as number);
  }
  vals.state = 'draft';
  for (const picking of env.db.table('stock.picking').lookup('name', vals.name) ?? []) {
    if (env.row('stock.picking', picking)?.company_id === vals.company_id) throw validationError('The operation cannot be completed: Reference must be unique per company!');
  }
}

export function afterPickingCreate(env: Env, row: Row): void {
  recomputePicking(env, row);
}

export function afterPickingWrite(env: Env, pickings: Row[], vals: Record<string, unknown>): void {
  for (const picking of pickings) {
    const moves = movesOf(env, picking.id).filter((move) => move.state !== 'done' && move.state !== 'cancel');
    const patch: Record<string, unknown> = {};
    if ('location_id' in vals) patch.location_id = picking.location_id;
    if ('location_dest_id' in vals) patch.location_dest_id = picking.location_dest_id;
    if ('scheduled_date' in vals) patch.date = picking.scheduled_date;
    if ('partner_id' in vals) patch.partner_id = picking.partner_id;
    if (Object.keys(patch).length > 0) for (const move of moves) set(env, 'stock.move', move, patch);
    // New draft moves added to a confirmed picking are confirmed (_autoconfirm_picking).
    if (picking.state !== 'draft' && picking.state !== 'done' && picking.state !== 'cancel') {
      const drafts = movesOf(env, picking.id).filter((move) => move.state === 'draft').map((move) => move.id);
      if (drafts.length > 0) confirmMoves(env, drafts);
    }
    recomputePicking(env, picking, 'scheduled_date' in vals);
  }
}

export function prepareMove(env: Env, vals: Record<string, unknown>): void {
  const picking = env.row('stock.picking', vals.picking_id as number);
  if (picking) {
    // 18 computes move locations from the picking; 17 requires them on the move (NOT NULL).
    if (env.version >= 18) {
      if (!vals.location_id) vals.location_id = picking.location_id;
      if (!vals.location_dest_id) vals.location_dest_id = picking.location_dest_id;
    }
    vals.picking_type_id = picking.picking_type_id;
    if (!vals.company_id || vals.company_id === env.companyId()) vals.company_id = picking.company_id;
    if (!vals.date) vals.date = picking.scheduled_date;
    if (vals.partner_id === undefined && picking.partner_id) vals.partner_id = picking.partner_id;
    if (vals.origin === undefined || vals.origin === false) vals.origin = picking.origin ?? false;
  }
  const product = env.row('product.product', vals.product_id as number);
  const template = env.row('product.template', product?.product_tmpl_id as number);
  if (!vals.product_uom && template) vals.product_uom = template.uom_id;
  vals.product_qty = convertToProductUom(env, Number(vals.product_uom_qty) || 0, vals.product_uom, template?.uom_id);
  if (vals.state === undefined || vals.state === false) vals.state = 'draft';
  if (vals.quantity === undefined) vals.quantity = 0;
}

function convertToProductUom(env: Env, qty: number, fromUom: unknown, toUom: unknown): number {
  if (fromUom === toUom || typeof fromUom !== 'number' || typeof toUom !== 'number') return qty;
  const from = env.row('uom.uom', fromUom);
  const to = env.row('uom.uom', toUom);
  if (!from || !to) return qty;
  // ≤18 semantics: factor = units of this UoM per reference unit.
  return (qty / (Number(from.factor) || 1)) * (Number(to.factor) || 1);
}

export function afterMoveCreate(env: Env, move: Row): void {
  const quantity = Number(move.quantity) || 0;
  if (quantity > 0) {
    env.db.update('stock.move', move, { quantity: 0 });
    setMoveQuantity(env, move, quantity);
  }
  const picking = env.row('stock.picking', move.picking_id as number);
  if (picking) {
    if (move.state === 'draft' && picking.state !== 'draft' && picking.state !== 'done' && picking.state !== 'cancel') confirmMoves(env, [move.id]);
    recomputePicking(env, picking);
  }
}

export function afterMoveWrite(env: Env, moves: Row[], vals: Record<string, unknown>): void {
  const pickings = new Set<number>();
  for (const move of moves) {
    if ('product_uom_qty' in vals || 'product_uom' in vals) {
      const product = env.row('product.product', move.product_id as number);
      const template = env.row('product.template', product?.product_tmpl_id as number);
      env.db.update('stock.move', move, { product_qty: convertToProductUom(env, Number(move.product_uom_qty) || 0, move.product_uom, template?.uom_id) });
    }
    if ('picked' in vals) for (const id of env.db.table('stock.move.line').lookup('move_id', move.id) ?? []) {
      const line = env.row('stock.move.line', id);
      if (line) env.db.update('stock.move.line', line, { picked: move.picked });
    }
    if (typeof move.picking_id === 'number') pickings.add(move.picking_id);
  }
  for (const id of pickings) {
    const picking = env.row('stock.picking', id);
    if (picking) recomputePicking(env, picking);
  }
}

/** stock.picking.unlink cancels its moves and deletes them (done moves cannot be, so that fails). */
export function beforePickingUnlink(env: Env, pickings: Row[]): void {
  for (const picking of pickings) {
    const moves = movesOf(env, picking.id);
    cancelMoves(env, moves.map((move) => move.id));
    // Not sudo: like Odoo, this needs unlink rights on stock.move (Inventory / Administrator).
    if (moves.length > 0) unlinkRows(env, 'stock.move', moves.map((move) => move.id));
  }
}

export function beforeMoveUnlink(env: Env, moves: Row[]): void {
  if (moves.some((move) => move.state !== 'draft' && move.state !== 'cancel')) throw userError('You can only delete draft or cancelled moves.');
  for (const move of moves) unreserveMove(env, move);
}

// ---------------------------------------------------------------------------------------------
// state

/** `_get_relevant_state_among_moves` + picking `_compute_state` (17/18). */
export function computePickingState(env: Env, picking: Row, moves: Row[]): string {
  if (moves.length === 0) return picking.state === 'cancel' ? 'cancel' : 'draft';
  if (moves.every((move) => move.state === 'cancel')) return 'cancel';
  if (moves.every((move) => move.state === 'cancel' || move.state === 'done')) return 'done';
  if (moves.some((move) => move.state === 'draft')) return 'draft';
  const rank: Record<string, number> = { assigned: 4, waiting: 3, partially_available: 2, confirmed: 1 };
  const todo = moves
    .filter((move) => move.state !== 'cancel' && move.state !== 'done' && !(move.state === 'assigned' && !Number(move.product_uom_qty)))
    .sort((a, b) => (rank[a.state as string] ?? 0) - (rank[b.state as string] ?? 0) || (Number(a.product_uom_qty) || 0) - (Number(b.product_uom_qty) || 0));
  if (todo.length === 0) return 'assigned';
  let relevant: string;
  if (picking.move_type === 'one') {
    const first = todo[0] as Row;
    if (first.state === 'confirmed') relevant = Number(first.product_uom_qty) ? 'confirmed' : 'assigned';
    else if (first.state === 'partially_available') relevant = 'confirmed';
    else relevant = String(first.state);
  } else if (todo[0]?.state !== 'assigned' && todo.some((move) => move.state === 'assigned' || move.state === 'partially_available')) {
    relevant = 'partially_available';
  } else {
    const last = todo[todo.length - 1] as Row;
    relevant = last.state === 'confirmed' && !Number(last.product_uom_qty) ? 'assigned' : String(last.state);
  }
  return relevant === 'partially_available' ? 'assigned' : relevant;
}

export function recomputePicking(env: Env, picking: Row, keepScheduledDate = false): void {
  const moves = movesOf(env, picking.id);
  const state = computePickingState(env, picking, moves);
  const patch: Record<string, unknown> = {};
  if (state !== picking.state) patch.state = state;
  if (!keepScheduledDate) {
    const open = moves.filter((move) => move.state !== 'done' && move.state !== 'cancel');
    const dates = open.map((move) => String(move.date)).sort();
    const scheduled = picking.move_type === 'one' ? dates[dates.length - 1] : dates[0];
    if (scheduled && scheduled !== picking.scheduled_date) patch.scheduled_date = scheduled;
  }
  if (Object.keys(patch).length > 0) set(env, 'stock.picking', picking, patch);
}

function recomputePickingsOf(env: Env, moves: Row[]): void {
  const ids = new Set<number>();
  for (const move of moves) if (typeof move.picking_id === 'number') ids.add(move.picking_id);
  for (const id of ids) {
    const picking = env.row('stock.picking', id);
    if (picking) recomputePicking(env, picking);
  }
}

// ---------------------------------------------------------------------------------------------
// reservation

function quantsAt(env: Env, productId: number, locations: Set<number>): Row[] {
  const table = env.db.table('stock.quant');
  const found: Row[] = [];
  for (const id of table.lookup('product_id', productId) ?? []) {
    const quant = table.get(id);
    if (quant && locations.has(quant.location_id as number)) found.push(quant);
  }
  // FIFO removal strategy: oldest incoming date first.
  return found.sort((a, b) => String(a.in_date).localeCompare(String(b.in_date)) || a.id - b.id);
}

function createMoveLine(env: Env, move: Row, locationId: number, quantity: number): void {
  const now = env.now();
  env.db.insert('stock.move.line', {
    create_uid: env.uid,
    create_date: now,
    write_uid: env.uid,
    write_date: now,
    picking_id: move.picking_id ?? false,
    move_id: move.id,
    company_id: move.company_id,
    product_id: move.product_id,
    product_uom_id: move.product_uom,
    quantity,
    quantity_product_uom: quantity,
    picked: move.picked === true,
    package_id: false,
    result_package_id: false,
    lot_id: false,
    lot_name: false,
    owner_id: false,
    date: now,
    location_id: locationId,
    location_dest_id: move.location_dest_id,
  });
}

function moveLines(env: Env, move: Row): Row[] {
  const table = env.db.table('stock.move.line');
  return [...(table.lookup('move_id', move.id) ?? [])].sort((a, b) => a - b).map((id) => table.get(id) as Row);
}

function reserveOn(env: Env, move: Row, wanted: number): number {
  if (wanted <= EPSILON) return 0;
  if (bypassesReservation(env, move.location_id) || !isStorable(env, move.product_id as number)) {
    createMoveLine(env, move, move.location_id as number, wanted);
    return wanted;
  }
  let taken = 0;
  for (const quant of quantsAt(env, move.product_id as number, locationsUnder(env, [move.location_id as number]))) {
    const free = (Number(quant.quantity) || 0) - (Number(quant.reserved_quantity) || 0);
    if (free <= EPSILON) continue;
    const take = Math.min(free, wanted - taken);
    set(env, 'stock.quant', quant, { reserved_quantity: (Number(quant.reserved_quantity) || 0) + take });
    createMoveLine(env, move, quant.location_id as number, take);
    taken += take;
    if (wanted - taken <= EPSILON) break;
  }
  return taken;
}

function stateAfterReservation(move: Row, quantity: number): string {
  const demand = Number(move.product_qty) || Number(move.product_uom_qty) || 0;
  if (quantity >= demand - EPSILON) return 'assigned';
  if (quantity > EPSILON) return 'partially_available';
  return move.state === 'waiting' ? 'waiting' : 'confirmed';
}

/** `_action_assign`: reserve what the source location can give (everything, for bypass locations). */
export function assignMoves(env: Env, moveIds: readonly number[]): void {
  const moves = rows(env, 'stock.move', moveIds).filter((move) => move.state === 'confirmed' || move.state === 'waiting' || move.state === 'partially_available');
  for (const move of moves) {
    const have = Number(move.quantity) || 0;
    const demand = Number(move.product_qty) || 0;
    const origins = (move.move_orig_ids as number[] | undefined) ?? [];
    // A chained move waits for its origin moves; it may only take what they delivered.
    if (origins.length > 0 && origins.some((id) => env.row('stock.move', id)?.state !== 'done' && env.row('stock.move', id)?.state !== 'cancel')) {
      set(env, 'stock.move', move, { state: have > EPSILON ? 'partially_available' : 'waiting' });
      continue;
    }
    const taken = reserveOn(env, move, demand - have);
    const quantity = have + taken;
    set(env, 'stock.move', move, { quantity, state: stateAfterReservation({ ...move, state: move.state === 'waiting' && origins.length === 0 ? 'confirmed' : move.state }, quantity) });
  }
  recomputePickingsOf(env, moves);
}

function unreserveMove(env: Env, move: Row): void {
  for (const line of moveLines(env, move)) {
    if (!bypassesReservation(env, line.location_id)) {
      const quant = quantsAt(env, move.product_id as number, new Set([line.location_id as number]))[0];
      if (quant) set(env, 'stock.quant', quant, { reserved_quantity: Math.max(0, (Number(quant.reserved_quantity) || 0) - (Number(line.quantity) || 0)) });
    }
    env.db.remove('stock.move.line', line.id);
  }
}

/** Writing `quantity` on a move (17+): its move lines follow, reserving or releasing stock. */
export function setMoveQuantity(env: Env, move: Row, quantity: number): void {
  if (move.state === 'done' || move.state === 'cancel') {
    env.db.update('stock.move', move, { quantity });
    return;
  }
  const have = Number(move.quantity) || 0;
  if (quantity > have + EPSILON) {
    let added = reserveOn(env, move, quantity - have);
    if (added < quantity - have - EPSILON) {
      // Forced quantity beyond what is reserved: a move line without reservation, as Odoo allows.
      createMoveLine(env, move, move.location_id as number, quantity - have - added);
      added = quantity - have;
    }
  } else if (quantity < have - EPSILON) {
    unreserveMove(env, move);
    if (quantity > EPSILON) reserveOn(env, move, quantity);
  }
  const state = move.state === 'draft' ? 'draft' : stateAfterReservation(move, quantity);
  env.db.update('stock.move', move, { quantity, state, write_uid: env.uid, write_date: env.now() });
}

export function confirmMoves(env: Env, moveIds: readonly number[]): void {
  const moves = rows(env, 'stock.move', moveIds).filter((move) => move.state === 'draft');
  const toAssign: number[] = [];
  for (const move of moves) {
    const origins = (move.move_orig_ids as number[] | undefined) ?? [];
    const waiting = move.procure_method === 'make_to_order' || origins.some((id) => env.row('stock.move', id)?.state !== 'done');
    set(env, 'stock.move', move, { state: waiting && origins.length > 0 ? 'waiting' : 'confirmed' });
    const type = env.row('stock.picking.type', move.picking_type_id as number);
    if (!type || type.reservation_method === 'at_confirm' || bypassesReservation(env, move.location_id)) toAssign.push(move.id);
  }
  if (toAssign.length > 0) assignMoves(env, toAssign);
  recomputePickingsOf(env, moves);
}

export function cancelMoves(env: Env, moveIds: readonly number[]): void {
  const moves = rows(env, 'stock.move', moveIds).filter((move) => move.state !== 'done' && move.state !== 'cancel');
  for (const move of moves) {
    unreserveMove(env, move);
    set(env, 'stock.move', move, { state: 'cancel', quantity: 0, picked: false });
  }
  recomputePickingsOf(env, moves);
}

// ---------------------------------------------------------------------------------------------
// picking buttons

function pickings(env: Env, ids: readonly number[]): Row[] {
  checkAccess(env, 'stock.picking', 'write');
  return rows(env, 'stock.picking', ids);
}

export function actionConfirm(env: Env, ids: readonly number[]): true {
  for (const picking of pickings(env, ids)) {
    const drafts = movesOf(env, picking.id).filter((move) => move.state === 'draft').map((move) => move.id);
    if (drafts.length > 0) confirmMoves(env, drafts);
    recomputePicking(env, picking);
  }
  return true;
}

export function actionAssign(env: Env, ids: readonly number[]): true {
  const found = pickings(env, ids);
  const drafts = found.filter((picking) => picking.state === 'draft').map((picking) => picking.id);
  if (drafts.length > 0) actionConfirm(env, drafts);
  const moves = found
    .flatMap((picking) => movesOf(env, picking.id))
    .filter((move) => move.state !== 'draft' && move.state !== 'cancel' && move.state !== 'done')
    .sort((a, b) => Number(b.priority) - Number(a.priority) || Number(!a.date_deadline) - Number(!b.date_deadline) || String(a.date_deadline).localeCompare(String(b.date_deadline)) || String(a.date).localeCompare(String(b.date)) || a.id - b.id);
  if (moves.length === 0) throw userError('Nothing to check the availability for.');
  assignMoves(env, moves.map((move) => move.id));
  return true;
}

export function actionCancel(env: Env, ids: readonly number[]): true {
  for (const picking of pickings(env, ids)) {
    cancelMoves(env, movesOf(env, picking.id).map((move) => move.id));
    set(env, 'stock.picking', picking, { is_locked: true });
    if (movesOf(env, picking.id).length === 0) set(env, 'stock.picking', picking, { state: 'cancel' });
  }
  return true;
}

export function doUnreserve(env: Env, ids: readonly number[]): null {
  for (const picking of pickings(env, ids)) {
    for (const move of movesOf(env, picking.id)) {
      if (!OPEN.has(move.state as string)) continue;
      unreserveMove(env, move);
      set(env, 'stock.move', move, { quantity: 0, state: move.state === 'waiting' ? 'waiting' : 'confirmed' });
    }
    recomputePicking(env, picking);
  }
  return null;
}

export function toggleLocked(env: Env, ids: readonly number[]): true {
  const [picking] = pickings(env, ids);
  if (ids.length !== 1 || !picking) throw new (class extends Error {})(`Expected singleton: stock.picking(${ids.join(', ')})`);
  set(env, 'stock.picking', picking, { is_locked: !picking.is_locked });
  return true;
}

function pickedQuantity(move: Row): number {
  return move.picked ? Number(move.quantity) || 0 : 0;
}

/** `button_validate` of 17/18, including the backorder wizard action and its context keys. */
export function buttonValidate(env: Env, ids: readonly number[]): unknown {
  const selected = pickings(env, ids).filter((picking) => picking.state !== 'done');
  const draft = selected.filter((picking) => picking.state === 'draft');
  if (draft.length > 0) {
    actionConfirm(env, draft.map((picking) => picking.id));
    for (const picking of draft) for (const move of movesOf(env, picking.id)) {
      if (!(Number(move.quantity) > EPSILON) && Number(move.product_uom_qty) > EPSILON) setMoveQuantity(env, move, Number(move.product_uom_qty));
    }
  }
  if (!env.context.skip_sanity_check) {
    for (const picking of selected) {
      const moves = movesOf(env, picking.id);
      if (moves.length === 0 && (env.db.table('stock.move.line').lookup('picking_id', picking.id)?.length ?? 0) === 0) {
        throw userError(selected.length > 1 ? `Transfers ${selected.filter((p) => movesOf(env, p.id).length === 0).map((p) => String(p.name)).join(', ')}: Please add some items to move.` : 'You can’t validate an empty transfer. Please add some products to move before proceeding.');
      }
    }
    if (selected.length <= 1) {
      for (const picking of selected) {
        const open = movesOf(env, picking.id).filter((move) => move.state !== 'done' && move.state !== 'cancel');
        if (open.every((move) => !(Number(move.quantity) > EPSILON))) {
          throw userError('You cannot validate a transfer if no quantities are reserved. To force the transfer, encode quantities.');
        }
      }
    }
  }
  const validateIds = Array.isArray(env.context.button_validate_picking_ids) ? env.context.button_validate_picking_ids : selected.map((picking) => picking.id);
  const ctx = env.withContext({ button_validate_picking_ids: validateIds });
  // _pre_action_done_hook: quantities but nothing picked → everything is picked.
  for (const picking of selected) {
    const moves = movesOf(env, picking.id);
    const hasQuantity = moves.some((move) => Number(move.quantity) > EPSILON);
    const hasPick = moves.some((move) => move.picked === true);
    if (hasQuantity && !hasPick) for (const move of moves) {
      set(env, 'stock.move', move, { picked: true });
      for (const line of moveLines(env, move)) env.db.update('stock.move.line', line, { picked: true });
    }
  }
  if (!env.context.skip_backorder) {
    const toBackorder = selected.filter((picking) => {
      const type = env.row('stock.picking.type', picking.picking_type_id as number);
      if (type?.create_backorder !== 'ask') return false;
      return movesOf(env, picking.id).some(
        (move) => move.state !== 'cancel' && ((Number(move.product_uom_qty) && !move.picked) || pickedQuantity(move) < (Number(move.product_uom_qty) || 0) - EPSILON),
      );
    });
    if (toBackorder.length > 0) {
      return {
        name: 'Create Backorder?',
        type: 'ir.actions.act_window',
        view_mode: 'form',
        res_model: 'stock.backorder.confirmation',
        views: [[backorderViewId(env), 'form']],
        view_id: backorderViewId(env),
        target: 'new',
        context: { ...ctx.context, default_show_transfers: selected.length > 1, default_pick_ids: toBackorder.map((picking) => [4, picking.id]) },
      };
    }
  }
  const notToBackorderIds = new Set<number>();
  const listed = Array.isArray(env.context.picking_ids_not_to_backorder) ? env.context.picking_ids_not_to_backorder.map(Number) : [];
  for (const picking of selected) {
    const type = env.row('stock.picking.type', picking.picking_type_id as number);
    if (type?.create_backorder === 'never' || (listed.includes(picking.id) && type?.create_backorder !== 'always')) notToBackorderIds.add(picking.id);
  }
  for (const picking of selected) pickingDone(ctx, picking, notToBackorderIds.has(picking.id));
  return true;
}

function backorderViewId(env: Env): number {
  try {
    return env.ref('stock.view_backorder_confirmation');
  } catch {
    return 0;
  }
}

function moveQuant(env: Env, productId: number, locationId: number, delta: number, releaseReserved: number): void {
  const location = env.row('stock.location', locationId);
  if (!location || location.usage === 'view') return;
  if (!isStorable(env, productId)) return;
  const existing = quantsAt(env, productId, new Set([locationId]))[0];
  if (existing) {
    set(env, 'stock.quant', existing, {
      quantity: (Number(existing.quantity) || 0) + delta,
      reserved_quantity: Math.max(0, (Number(existing.reserved_quantity) || 0) - releaseReserved),
      ...(delta > 0 ? { in_date: env.now() } : {}),
    });
    return;
  }
  const now = env.now();
  env.db.insert('stock.quant', {
    create_uid: env.uid,
    create_date: now,
    write_uid: env.uid,
    write_date: now,
    product_id: productId,
    location_id: locationId,
    company_id: location.company_id ?? false,
    lot_id: false,
    package_id: false,
    owner_id: false,
    quantity: delta,
    reserved_quantity: 0,
    in_date: now,
    inventory_quantity: 0,
    inventory_quantity_set: false,
  });
}

/** Marks a move done for its quantity: quants leave the source and arrive at the destination. */
function finishMove(env: Env, move: Row): void {
  const quantity = Number(move.quantity) || 0;
  for (const line of moveLines(env, move)) {
    const qty = Number(line.quantity) || 0;
    const reserved = bypassesReservation(env, line.location_id) ? 0 : qty;
    moveQuant(env, move.product_id as number, line.location_id as number, -qty, reserved);
    moveQuant(env, move.product_id as number, line.location_dest_id as number, qty, 0);
    env.db.update('stock.move.line', line, { picked: true, date: env.now() });
  }
  set(env, 'stock.move', move, { state: 'done', date: env.now(), product_uom_qty: quantity, product_qty: quantity, picked: true });
  // A chained destination move can now reserve what arrived.
  for (const destId of (move.move_dest_ids as number[] | undefined) ?? []) {
    const dest = env.row('stock.move', destId);
    if (dest && (dest.state === 'waiting' || dest.state === 'confirmed')) assignMoves(env, [dest.id]);
  }
}

function splitMove(env: Env, move: Row, remaining: number, cancel: boolean): Row {
  const now = env.now();
  const { id: _id, ...copy } = move;
  const twin = env.db.insert('stock.move', {
    ...copy,
    create_uid: env.uid,
    create_date: now,
    write_uid: env.uid,
    write_date: now,
    product_uom_qty: remaining,
    product_qty: remaining,
    quantity: 0,
    picked: false,
    state: cancel ? 'cancel' : 'confirmed',
    move_orig_ids: [],
    move_dest_ids: [],
  });
  return twin;
}

/** `_action_done` of one picking, with or without a backorder for what was not picked. */
export function pickingDone(env: Env, picking: Row, cancelBackorder: boolean): void {
  const moves = movesOf(env, picking.id).filter((move) => move.state !== 'done' && move.state !== 'cancel');
  const backorderMoves: Row[] = [];
  for (const move of moves) {
    const quantity = Number(move.quantity) || 0;
    const demand = Number(move.product_uom_qty) || 0;
    if (quantity <= EPSILON || !move.picked) {
      if (demand <= EPSILON || cancelBackorder) cancelMoves(env, [move.id]);
      else {
        unreserveMove(env, move);
        set(env, 'stock.move', move, { quantity: 0, picked: false, state: 'confirmed' });
        backorderMoves.push(move);
      }
      continue;
    }
    if (quantity < demand - EPSILON) {
      const twin = splitMove(env, move, demand - quantity, cancelBackorder);
      if (!cancelBackorder) backorderMoves.push(twin);
    }
    finishMove(env, move);
  }
  set(env, 'stock.picking', picking, { date_done: env.now(), priority: '0' });
  if (backorderMoves.length > 0) {
    const [backorderId] = createRecords(env.sudo(), 'stock.picking', [
      {
        name: '/',
        picking_type_id: picking.picking_type_id,
        location_id: picking.location_id,
        location_dest_id: picking.location_dest_id,
        partner_id: picking.partner_id ?? false,
        origin: picking.origin ?? false,
        backorder_id: picking.id,
        scheduled_date: picking.scheduled_date,
        move_type: picking.move_type,
        sale_id: picking.sale_id ?? false,
        purchase_id: picking.purchase_id ?? false,
        group_id: picking.group_id ?? false,
        user_id: picking.user_id ?? false,
      },
    ]);
    const backorder = env.row('stock.picking', backorderId) as Row;
    for (const move of backorderMoves) set(env, 'stock.move', move, { picking_id: backorder.id, picked: false });
    recomputePicking(env, backorder);
    const open = movesOf(env, backorder.id).filter((move) => OPEN.has(move.state as string)).map((move) => move.id);
    if (open.length > 0) assignMoves(env, open);
  }
  recomputePicking(env, picking);
}

export function processBackorderWizard(env: Env, wizardIds: readonly number[], cancel: boolean): unknown {
  const [wizard] = rows(env, 'stock.backorder.confirmation', wizardIds);
  if (!wizard) return true;
  const validateIds = env.context.button_validate_picking_ids;
  if (!Array.isArray(validateIds) || validateIds.length === 0) return true;
  const pickIds = (wizard.pick_ids as number[] | undefined) ?? [];
  if (cancel) {
    return buttonValidate(env.withContext({ skip_backorder: true, picking_ids_not_to_backorder: pickIds }), validateIds.map(Number));
  }
  const lines = [...(env.db.table('stock.backorder.confirmation.line').lookup('backorder_confirmation_id', wizard.id) ?? [])].map((id) => env.row('stock.backorder.confirmation.line', id) as Row);
  const notToDo = lines.filter((line) => line.to_backorder !== true).map((line) => line.picking_id as number);
  const ctx = env.withContext({ skip_backorder: true, ...(notToDo.length > 0 ? { picking_ids_not_to_backorder: notToDo } : {}) });
  return buttonValidate(ctx, validateIds.map(Number));
}

