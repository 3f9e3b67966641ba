import { z } from 'zod';
import { LocalDate, NodeId, PlanQuantity, SkuId, TransferMode } from '../../../shared/domain';

/**
 * What an outbox command carries: everything needed to build its Odoo document, so a push never
 * depends on what the cache says later. Odoo ids are hints taken from the cache when it was synced;
 * the pusher resolves whatever is missing by code in Odoo itself.
 */
export const NodeRef = z.object({
  id: NodeId,
  /** The `stock.warehouse` code in Odoo (the node code unless the region profile says otherwise). */
  warehouseCode: z.string().min(1),
  odooWarehouseId: z.number().int().positive().nullable(),
});
export type NodeRef = z.infer<typeof NodeRef>;

export const SkuRef = z.object({
  id: SkuId,
  /** `product.product.default_code` in Odoo. */
  code: z.string().min(1),
  odooProductId: z.number().int().positive().nullable(),
});
export type SkuRef = z.infer<typeof SkuRef>;

export const TransferPayload = z.object({
  kind: z.literal('transfer'),
  mode: TransferMode,
  lineId: z.string().min(1),
  from: NodeRef,
  to: NodeRef,
  sku: SkuRef,
  qty: PlanQuantity,
  shipDate: LocalDate,
  arrivalDate: LocalDate,
});
export type TransferPayload = z.infer<typeof TransferPayload>;

export const PurchaseLinePayload = z.object({
  lineId: z.string().min(1),
  sku: SkuRef,
  qty: PlanQuantity,
  arrivalDate: LocalDate,
});
export type PurchaseLinePayload = z.infer<typeof PurchaseLinePayload>;

export const PurchasePayload = z.object({
  kind: z.literal('purchase'),
  supplier: z.object({ name: z.string().min(1), odooPartnerId: z.number().int().positive().nullable() }),
  to: NodeRef,
  /** The matrix said "confirmed PO" (button_confirm); otherwise the RFQ stays a draft. */
  confirm: z.boolean(),
  orderDate: LocalDate,
  lines: z.array(PurchaseLinePayload).min(1),
});
export type PurchasePayload = z.infer<typeof PurchasePayload>;

export const CommandPayload = z.discriminatedUnion('kind', [TransferPayload, PurchasePayload]);
export type CommandPayload = z.infer<typeof CommandPayload>;

export const CommandState = z.enum(['queued', 'pushing', 'done', 'needs-replanning', 'dead-letter', 'cancelled']);
export type CommandState = z.infer<typeof CommandState>;

/** An Odoo record a command made, with its part in the command and the state last read. */
export const CommandRecord = z.object({
  model: z.string().min(1),
  id: z.number().int().positive(),
  name: z.string(),
  /** `picking` (internal), `delivery` / `receipt` (resupply legs), `order` (purchase). */
  role: z.enum(['picking', 'delivery', 'receipt', 'order']),
  state: z.string(),
});
export type CommandRecord = z.infer<typeof CommandRecord>;

/** Why a transfer went back to the planner: what the line needs and what Odoo has free now. */
export const Replan = z.object({
  nodeId: NodeId,
  skuId: SkuId,
  needed: z.number(),
  available: z.number(),
  checkedAt: z.string(),
});
export type Replan = z.infer<typeof Replan>;

export const IDEMPOTENCY_PREFIX = 'PLN:';

/** The key written into the Odoo record (origin, partner_ref): a prefix Odoo never writes itself. */
export function idempotencyKeyOf(commandId: string): string {
  return `${IDEMPOTENCY_PREFIX}${commandId}`;
}

/** Commands that may share one RPC round: same document kind, same transfer mode, same source. */
export function laneOf(payload: CommandPayload): string {
  return payload.kind === 'transfer' ? `transfer:${payload.mode}:${payload.from.id}` : 'purchase';
}

export function lineIdsOf(payload: CommandPayload): string[] {
  return payload.kind === 'transfer' ? [payload.lineId] : payload.lines.map((line) => line.lineId);
}

/** One line of words for screens and logs: "40 × SKU-1 RDC1 → FSL01". */
export function describePayload(payload: CommandPayload): string {
  if (payload.kind === 'transfer') {
    return `${payload.mode === 'internal-picking' ? 'Transfer' : 'Resupply'} ${payload.qty} × ${payload.sku.id} ${payload.from.id} → ${payload.to.id}, ships ${payload.shipDate}`;
  }
  const lines = payload.lines.map((line) => `${line.qty} × ${line.sku.id}`).join(', ');
  return `${payload.confirm ? 'Purchase order' : 'RFQ'} to ${payload.supplier.name} for ${payload.to.id}: ${lines}`;
}

/**
 * The payload with every Odoo id hint dropped, so the next push looks warehouses, products and
 * vendors up by code and name again (the cache that gave the ids may be stale: a vendor merged, a
 * product recreated).
 */
export function withoutOdooHints(payload: CommandPayload): CommandPayload {
  const node = (ref: NodeRef): NodeRef => ({ ...ref, odooWarehouseId: null });
  const sku = (ref: SkuRef): SkuRef => ({ ...ref, odooProductId: null });
  if (payload.kind === 'transfer') return { ...payload, from: node(payload.from), to: node(payload.to), sku: sku(payload.sku) };
  return { ...payload, to: node(payload.to), supplier: { ...payload.supplier, odooPartnerId: null }, lines: payload.lines.map((line) => ({ ...line, sku: sku(line.sku) })) };
}
