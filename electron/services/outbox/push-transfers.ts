import { z } from 'zod';
import { OdooText } from '../odoo';
import type { CommandRecord, TransferPayload } from './command';
import { odooDatetimeOfDay } from './odoo-dates';
import { MissingTargetError, type OdooWarehouse } from './odoo-targets';
import { byOrigin, type Outcomes, type RoundCommand, type RoundContext } from './round';

const PickingRow = z.object({
  id: z.number().int(),
  name: z.string(),
  state: z.string(),
  origin: OdooText,
  picking_type_code: z.union([z.string(), z.literal(false)]),
  move_ids: z.array(z.number().int()),
});
type PickingRow = z.infer<typeof PickingRow>;
const PICKING_FIELDS = ['id', 'name', 'state', 'origin', 'picking_type_code', 'move_ids'];
const Anything = z.unknown();

type LegRole = 'picking' | 'delivery' | 'receipt';

interface TransferPlan {
  command: RoundCommand;
  payload: TransferPayload;
  from: OdooWarehouse;
  to: OdooWarehouse;
  productId: number;
  transitId: number | null;
  /** The leg that takes stock from the source: the internal picking, or the resupply delivery. */
  source: PickingRow | null;
  /** Resupply only: the receipt at the destination. */
  receipt: PickingRow | null;
  checked: boolean;
}

const TYPE_CODE: Record<LegRole, string> = { picking: 'internal', delivery: 'outgoing', receipt: 'incoming' };
/** Source-leg states that mean it was confirmed in Odoo (by us earlier, or by a person). */
const CONFIRMED = new Set(['waiting', 'confirmed', 'assigned', 'done']);

function sourceRole(plan: TransferPlan): LegRole {
  return plan.payload.mode === 'internal-picking' ? 'picking' : 'delivery';
}

function recordsOf(plan: TransferPlan): CommandRecord[] {
  const records: CommandRecord[] = [];
  if (plan.source) records.push({ model: 'stock.picking', id: plan.source.id, name: plan.source.name, role: sourceRole(plan), state: plan.source.state });
  if (plan.receipt) records.push({ model: 'stock.picking', id: plan.receipt.id, name: plan.receipt.name, role: 'receipt', state: plan.receipt.state });
  return records;
}

function moveName(payload: TransferPayload): string {
  return `${payload.sku.code} ${payload.from.id} → ${payload.to.id}`;
}

function sourceLegValues(ctx: RoundContext, plan: TransferPlan): Record<string, unknown> {
  const { payload, from, to } = plan;
  const tz = ctx.profile.timeZone;
  const ship = odooDatetimeOfDay(payload.shipDate, tz);
  const arrival = odooDatetimeOfDay(payload.arrivalDate, tz);
  const internal = payload.mode === 'internal-picking';
  const destination = internal ? to.stockLocationId : (plan.transitId as number);
  const type = internal ? from.internalTypeId : from.deliveryTypeId;
  return {
    picking_type_id: type,
    location_id: from.stockLocationId,
    location_dest_id: destination,
    origin: plan.command.key,
    scheduled_date: ship,
    move_ids: [
      [
        0,
        0,
        {
          // `name` is required on moves in 17 and 18; 17 also needs the locations on each move.
          name: moveName(payload),
          product_id: plan.productId,
          product_uom_qty: payload.qty,
          location_id: from.stockLocationId,
          location_dest_id: destination,
          date: ship,
          // An internal picking's deadline is its arrival: the sync reads it as the ETA at the destination.
          ...(internal ? { date_deadline: arrival } : {}),
        },
      ],
    ],
  };
}

function receiptValues(ctx: RoundContext, plan: TransferPlan, deliveryMoveId: number): Record<string, unknown> {
  const { payload, to } = plan;
  const arrival = odooDatetimeOfDay(payload.arrivalDate, ctx.profile.timeZone);
  return {
    picking_type_id: to.receiptTypeId,
    location_id: plan.transitId,
    location_dest_id: to.stockLocationId,
    origin: plan.command.key,
    scheduled_date: arrival,
    move_ids: [
      [
        0,
        0,
        {
          name: moveName(payload),
          product_id: plan.productId,
          product_uom_qty: payload.qty,
          location_id: plan.transitId,
          location_dest_id: to.stockLocationId,
          date: arrival,
          date_deadline: arrival,
          // As Odoo's resupply rule makes it: the receipt waits for the delivery's move.
          procure_method: 'make_to_order',
          move_orig_ids: [[4, deliveryMoveId]],
        },
      ],
    ],
  };
}

async function readPickings(ctx: RoundContext, ids: number[]): Promise<Map<number, PickingRow>> {
  if (ids.length === 0) return new Map();
  const rows = await ctx.client.read('stock.picking', ids, PICKING_FIELDS, PickingRow);
  return new Map(rows.map((row) => [row.id, row]));
}

/**
 * Pushes transfers of one source node: an internal picking per command, or a resupply pair
 * (delivery to transit, receipt at the destination, moves chained). Every step starts from what
 * Odoo says now (records found by key, their states), so running a round again after any failure
 * repeats nothing: creates only what is missing, confirms only drafts, reserves only what waits.
 * Before a source leg is confirmed, the source's free quantity is read again; a line it no longer
 * covers goes back to the planner.
 */
export async function pushTransfers(ctx: RoundContext, commands: readonly RoundCommand[]): Promise<Outcomes> {
  const outcomes: Outcomes = new Map();
  const payloads = commands.map((command) => command.payload as TransferPayload);
  await ctx.targets.loadProducts(payloads.map((payload) => payload.sku));
  const found = byOrigin(await ctx.client.searchRead('stock.picking', [['origin', 'in', commands.map((command) => command.key)]], PICKING_FIELDS, PickingRow, { order: 'id asc' }));

  const plans: TransferPlan[] = [];
  for (const command of commands) {
    const payload = command.payload as TransferPayload;
    // Cancelled pickings with our key are history (someone cancelled them in Odoo): not ours to reuse.
    const legs = (found.get(command.key) ?? []).filter((row) => row.state !== 'cancel');
    const legOf = (role: LegRole): PickingRow | null => legs.find((row) => row.picking_type_code === TYPE_CODE[role]) ?? null;
    try {
      const from = await ctx.targets.warehouse(payload.from);
      const to = await ctx.targets.warehouse(payload.to);
      const productId = ctx.targets.product(payload.sku);
      let transitId: number | null = null;
      if (payload.mode === 'internal-picking') {
        if (from.companyId !== to.companyId) throw new MissingTargetError(`${payload.from.id} and ${payload.to.id} belong to different companies in Odoo; an internal picking cannot join them. Use the resupply flow.`);
        if (from.internalTypeId === null) throw new MissingTargetError(`Warehouse ${from.code} has no internal transfer type in Odoo.`);
      } else {
        transitId = await ctx.targets.transitLocation(from.companyId);
        if (from.deliveryTypeId === null || to.receiptTypeId === null) throw new MissingTargetError(`Warehouse ${from.deliveryTypeId === null ? from.code : to.code} has no ${from.deliveryTypeId === null ? 'delivery' : 'receipt'} type in Odoo.`);
      }
      const plan: TransferPlan = { command, payload, from, to, productId, transitId, source: null, receipt: null, checked: false };
      plan.source = legOf(payload.mode === 'internal-picking' ? 'picking' : 'delivery');
      plan.receipt = payload.mode === 'internal-picking' ? null : legOf('receipt');
      plans.push(plan);
      ctx.saveRecords(command.id, recordsOf(plan));
    } catch (error) {
      if (!(error instanceof MissingTargetError)) throw error;
      outcomes.set(command.id, { kind: 'refused', records: [], message: error.message });
    }
  }

  await checkAvailability(ctx, plans, outcomes);
  const live = plans.filter((plan) => !outcomes.has(plan.command.id));

  // Source legs that do not exist yet, in one create.
  const missingSource = live.filter((plan) => plan.source === null);
  if (missingSource.length > 0) {
    const ids = await ctx.create('stock.picking', missingSource.map((plan) => sourceLegValues(ctx, plan)));
    missingSource.forEach((plan, index) => {
      const id = ids[index];
      if (id === undefined) return;
      plan.source = { id, name: '', state: 'draft', origin: plan.command.key, picking_type_code: TYPE_CODE[sourceRole(plan)], move_ids: [] };
      ctx.saveRecords(plan.command.id, recordsOf(plan));
    });
  }

  const resupply = live.filter((plan) => plan.payload.mode === 'resupply-via-transit');
  if (resupply.length > 0) await completeResupplyPairs(ctx, resupply);
  await applyEditedQuantities(ctx, live);

  // Confirm what is still a draft (a confirmed leg is left alone: confirming twice is never needed).
  const drafts = live.flatMap((plan) => [plan.source, plan.receipt]).filter((leg): leg is PickingRow => leg !== null && leg.state === 'draft');
  if (drafts.length > 0) await ctx.client.callOnRecords('stock.picking', 'action_confirm', drafts.map((leg) => leg.id), Anything);

  let current = await readPickings(ctx, live.flatMap((plan) => [plan.source?.id, plan.receipt?.id]).filter((id): id is number => id !== undefined));
  // Reserve source legs still waiting for availability (types that do not reserve at confirmation).
  const toAssign = live.map((plan) => (plan.source ? current.get(plan.source.id) : undefined)).filter((leg): leg is PickingRow => leg !== undefined && leg.state === 'confirmed');
  if (toAssign.length > 0) {
    await ctx.client.callOnRecords('stock.picking', 'action_assign', toAssign.map((leg) => leg.id), Anything);
    current = await readPickings(ctx, live.flatMap((plan) => [plan.source?.id, plan.receipt?.id]).filter((id): id is number => id !== undefined));
  }

  for (const plan of live) {
    plan.source = plan.source ? (current.get(plan.source.id) ?? null) : null;
    plan.receipt = plan.receipt ? (current.get(plan.receipt.id) ?? null) : null;
    const records = recordsOf(plan);
    const source = plan.source;
    if (!source || (plan.payload.mode === 'resupply-via-transit' && !plan.receipt)) {
      outcomes.set(plan.command.id, { kind: 'unfinished', records, message: 'A picking Odoo had just created could not be read back; it will be looked up by its key again.' });
    } else if (!CONFIRMED.has(source.state)) {
      outcomes.set(plan.command.id, { kind: 'unfinished', records, message: `${source.name} is still ${source.state} in Odoo after confirmation; it will be checked again.` });
    } else {
      const note = source.state === 'assigned' || source.state === 'done' ? null : `${source.name} is confirmed but Odoo has not reserved the stock yet (${source.state}).`;
      outcomes.set(plan.command.id, { kind: 'done', records, note });
    }
  }
  return outcomes;
}

const FreeQuantity = z.object({ id: z.number().int(), free_qty: z.number() });

/**
 * Reads the free quantity (on hand − reserved) at each source warehouse for every line whose source
 * leg is not confirmed yet, and hands it out in queue order: two lines from the same stock cannot
 * both count the same units.
 */
async function checkAvailability(ctx: RoundContext, plans: TransferPlan[], outcomes: Outcomes): Promise<void> {
  const toCheck = plans.filter((plan) => plan.source === null || !CONFIRMED.has(plan.source.state));
  const productsByWarehouse = new Map<number, Set<number>>();
  for (const plan of toCheck) {
    const set = productsByWarehouse.get(plan.from.id) ?? new Set<number>();
    set.add(plan.productId);
    productsByWarehouse.set(plan.from.id, set);
  }
  const free = new Map<string, number>();
  for (const [warehouseId, products] of productsByWarehouse) {
    const rows = await ctx.client.read('product.product', [...products], ['free_qty'], FreeQuantity, { [ctx.dialect.warehouseContextKey]: warehouseId });
    for (const row of rows) free.set(`${warehouseId}|${row.id}`, row.free_qty);
  }
  const checkedAt = ctx.now().toISOString();
  for (const plan of toCheck) {
    const key = `${plan.from.id}|${plan.productId}`;
    const available = free.get(key) ?? 0;
    if (available + 1e-9 >= plan.payload.qty) {
      free.set(key, available - plan.payload.qty);
      plan.checked = true;
      continue;
    }
    const shown = Math.max(0, Math.round(available * 1000) / 1000);
    outcomes.set(plan.command.id, {
      kind: 'replan',
      records: recordsOf(plan),
      replan: { nodeId: plan.payload.from.id, skuId: plan.payload.sku.id, needed: plan.payload.qty, available: shown, checkedAt },
      message: `${plan.payload.from.id} has ${shown} of ${plan.payload.sku.id} free in Odoo now, the line needs ${plan.payload.qty}: not pushed; back to the planner.`,
    });
  }
}

/** Creates missing receipts, their move chained to (and waiting on) the delivery's. */
async function completeResupplyPairs(ctx: RoundContext, plans: TransferPlan[]): Promise<void> {
  const deliveries = await readPickings(ctx, plans.map((plan) => plan.source?.id).filter((id): id is number => id !== undefined));
  for (const plan of plans) if (plan.source) plan.source = deliveries.get(plan.source.id) ?? plan.source;

  const missingReceipt = plans.filter((plan) => plan.receipt === null && (plan.source?.move_ids.length ?? 0) > 0);
  if (missingReceipt.length > 0) {
    const values = missingReceipt.map((plan) => receiptValues(ctx, plan, plan.source?.move_ids[0] as number));
    const ids = await ctx.create('stock.picking', values);
    missingReceipt.forEach((plan, index) => {
      const id = ids[index];
      if (id === undefined) return;
      plan.receipt = { id, name: '', state: 'draft', origin: plan.command.key, picking_type_code: 'incoming', move_ids: [] };
      ctx.saveRecords(plan.command.id, recordsOf(plan));
    });
  }

  // The receipt's move is created with move_orig_ids = [delivery move]: Odoo keeps move_orig_ids and
  // move_dest_ids in one relation, so the delivery's side is linked by the same write.
}

const MoveQuantity = z.object({ id: z.number().int(), product_uom_qty: z.number(), state: z.string() });

/** A person changed the quantity after a draft was made in Odoo: the draft's moves follow. */
async function applyEditedQuantities(ctx: RoundContext, plans: TransferPlan[]): Promise<void> {
  const edited = plans.filter((plan) => plan.command.revision > 0);
  const moveIds = edited.flatMap((plan) => [plan.source, plan.receipt].filter((leg): leg is PickingRow => leg !== null && leg.state === 'draft').flatMap((leg) => leg.move_ids));
  if (moveIds.length === 0) return;
  const moves = await ctx.client.read('stock.move', moveIds, ['product_uom_qty', 'state'], MoveQuantity);
  const qtyOfMove = new Map<number, number>();
  for (const plan of edited) for (const leg of [plan.source, plan.receipt]) for (const id of leg?.move_ids ?? []) qtyOfMove.set(id, plan.payload.qty);
  for (const move of moves) {
    const wanted = qtyOfMove.get(move.id);
    if (wanted !== undefined && move.state === 'draft' && Math.abs(move.product_uom_qty - wanted) > 1e-9) await ctx.client.write('stock.move', [move.id], { product_uom_qty: wanted });
  }
}
