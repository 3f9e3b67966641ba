import { z } from 'zod';
import { Many2one, OdooText } from '../odoo';
import type { CommandRecord, PurchasePayload } from './command';
import { odooDatetimeOfDay } from './odoo-dates';
import { MissingTargetError } from './odoo-targets';
import { byOrigin, type Outcomes, type RoundCommand, type RoundContext } from './round';

const OrderRow = z.object({ id: z.number().int(), name: z.string(), state: z.string(), origin: OdooText, order_line: z.array(z.number().int()) });
type OrderRow = z.infer<typeof OrderRow>;
const ORDER_FIELDS = ['id', 'name', 'state', 'origin', 'order_line'];

/** States that mean "confirmed": approved, locked, or waiting for a purchase manager's approval (two-step validation). */
const CONFIRMED = new Set(['purchase', 'done', 'to approve']);
const DRAFT = new Set(['draft', 'sent']);

interface PurchasePlan {
  command: RoundCommand;
  payload: PurchasePayload;
  values: Record<string, unknown>;
  order: OrderRow | null;
}

function recordsOf(plan: PurchasePlan): CommandRecord[] {
  return plan.order ? [{ model: 'purchase.order', id: plan.order.id, name: plan.order.name, role: 'order', state: plan.order.state }] : [];
}

/**
 * Pushes purchase commands: a draft RFQ, or a confirmed PO where the matrix said so. The key is
 * the order's `origin` and `partner_ref` (the vendor reference shows it to whoever opens the order);
 * orders are looked up by key before any create, and `button_confirm` is only sent to orders Odoo
 * still shows as RFQs.
 */
export async function pushPurchases(ctx: RoundContext, commands: readonly RoundCommand[]): Promise<Outcomes> {
  const outcomes: Outcomes = new Map();
  const payloads = commands.map((command) => command.payload as PurchasePayload);
  await ctx.targets.loadProducts(payloads.flatMap((payload) => payload.lines.map((line) => line.sku)));
  await ctx.targets.loadPartners(payloads.filter((payload) => payload.supplier.odooPartnerId === null).map((payload) => payload.supplier.name));
  const found = byOrigin(await ctx.client.searchRead('purchase.order', [['origin', 'in', commands.map((command) => command.key)], ['state', '!=', 'cancel']], ORDER_FIELDS, OrderRow, { order: 'id asc' }));
  const tz = ctx.profile.timeZone;

  const plans: PurchasePlan[] = [];
  for (const command of commands) {
    const payload = command.payload as PurchasePayload;
    try {
      const warehouse = await ctx.targets.warehouse(payload.to);
      if (warehouse.receiptTypeId === null) throw new MissingTargetError(`Warehouse ${warehouse.code} has no receipt type in Odoo to deliver the order to.`);
      const values = {
        partner_id: ctx.targets.partner(payload.supplier),
        origin: command.key,
        partner_ref: command.key,
        picking_type_id: warehouse.receiptTypeId,
        date_order: odooDatetimeOfDay(payload.orderDate, tz),
        // Price, description and unit come from Odoo's vendor pricelist, as when a buyer adds the product.
        order_line: payload.lines.map((line) => [0, 0, { product_id: ctx.targets.product(line.sku), product_qty: line.qty, date_planned: odooDatetimeOfDay(line.arrivalDate, tz) }]),
      };
      const plan: PurchasePlan = { command, payload, values, order: found.get(command.key)?.[0] ?? null };
      plans.push(plan);
      ctx.saveRecords(command.id, recordsOf(plan));
    } catch (error) {
      if (!(error instanceof MissingTargetError)) throw error;
      outcomes.set(command.id, { kind: 'refused', records: [], message: error.message });
    }
  }

  const missing = plans.filter((plan) => plan.order === null);
  if (missing.length > 0) {
    const ids = await ctx.create('purchase.order', missing.map((plan) => plan.values));
    missing.forEach((plan, index) => {
      const id = ids[index];
      if (id === undefined) return;
      plan.order = { id, name: '', state: 'draft', origin: plan.command.key, order_line: [] };
      ctx.saveRecords(plan.command.id, recordsOf(plan));
    });
  }

  await applyEditedQuantities(ctx, plans);
  const toConfirm = plans.filter((plan) => plan.payload.confirm && plan.order !== null && DRAFT.has(plan.order.state));
  if (toConfirm.length > 0) await ctx.client.callOnRecords('purchase.order', 'button_confirm', toConfirm.map((plan) => plan.order?.id as number), z.unknown());

  const ids = plans.map((plan) => plan.order?.id).filter((id): id is number => id !== undefined);
  const current = new Map((ids.length > 0 ? await ctx.client.read('purchase.order', ids, ORDER_FIELDS, OrderRow) : []).map((row) => [row.id, row]));
  for (const plan of plans) {
    plan.order = plan.order ? (current.get(plan.order.id) ?? null) : null;
    const records = recordsOf(plan);
    const order = plan.order;
    if (!order) {
      outcomes.set(plan.command.id, { kind: 'unfinished', records, message: 'An order Odoo had just created could not be read back; it will be looked up by its key again.' });
    } else if (plan.payload.confirm ? CONFIRMED.has(order.state) : DRAFT.has(order.state) || CONFIRMED.has(order.state)) {
      const note = order.state === 'to approve' ? `${order.name} waits for a purchase manager's approval in Odoo (two-step validation).` : null;
      outcomes.set(plan.command.id, { kind: 'done', records, note });
    } else {
      outcomes.set(plan.command.id, { kind: 'refused', records, message: `${order.name} is ${order.state} in Odoo, not ${plan.payload.confirm ? 'confirmed' : 'a draft'} as approved.` });
    }
  }
  return outcomes;
}

const LineRow = z.object({ id: z.number().int(), order_id: Many2one, product_qty: z.number() });

/** Quantities edited after the RFQ was made: its lines follow while it is still a draft. */
async function applyEditedQuantities(ctx: RoundContext, plans: PurchasePlan[]): Promise<void> {
  const edited = plans.filter((plan) => plan.command.revision > 0 && plan.order !== null && DRAFT.has(plan.order.state) && plan.order.order_line.length > 0);
  if (edited.length === 0) return;
  const lines = await ctx.client.read('purchase.order.line', edited.flatMap((plan) => plan.order?.order_line ?? []), ['order_id', 'product_qty'], LineRow);
  for (const plan of edited) {
    // Lines were created in the payload's order, so the n-th line (by id) is the n-th payload line.
    const own = lines.filter((line) => line.order_id !== false && line.order_id[0] === plan.order?.id).sort((a, b) => a.id - b.id);
    for (const [index, line] of own.entries()) {
      const wanted = plan.payload.lines[index]?.qty;
      if (wanted !== undefined && Math.abs(line.product_qty - wanted) > 1e-9) await ctx.client.write('purchase.order.line', [line.id], { product_qty: wanted });
    }
  }
}
