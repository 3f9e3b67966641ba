import { z } from 'zod';
import { LocalDate } from './calendar';
import { NodeId, SkuId } from './network';

/** Where a line came from in Odoo, so a planner can find it there. */
export const OdooRecordRef = z.object({
  model: z.string().min(1),
  id: z.number().int().positive(),
  name: z.string(),
});
export type OdooRecordRef = z.infer<typeof OdooRecordRef>;

export const StockPosition = z.object({
  nodeId: NodeId,
  skuId: SkuId,
  onHand: z.number(),
  /** Part of on hand reserved for specific outgoing moves; already counted as demand, never subtracted twice. */
  reserved: z.number().nonnegative(),
});
export type StockPosition = z.infer<typeof StockPosition>;

export const SupplyKind = z.enum(['purchase', 'transfer-in', 'transit']);
export type SupplyKind = z.infer<typeof SupplyKind>;

export const SupplyLine = z.object({
  id: z.string().min(1),
  nodeId: NodeId,
  skuId: SkuId,
  qty: z.number().positive(),
  eta: LocalDate,
  kind: SupplyKind,
  /** Vendor for purchases, source node code for transfers. */
  counterparty: z.string().nullable(),
  source: OdooRecordRef.nullable(),
});
export type SupplyLine = z.infer<typeof SupplyLine>;

/** 1 is the most important customer class (P1), 5 the least. */
export const CustomerPriority = z.number().int().min(1).max(5);

export const DemandLine = z.object({
  id: z.string().min(1),
  nodeId: NodeId,
  skuId: SkuId,
  qty: z.number().positive(),
  dueDate: LocalDate,
  customer: z.string().min(1),
  priority: CustomerPriority,
  unitMargin: z.number(),
  source: OdooRecordRef.nullable(),
});
export type DemandLine = z.infer<typeof DemandLine>;
