import { z } from 'zod';

/** Stable string ids: node codes, SKU codes. Odoo's numeric ids travel beside them. */
export const NodeId = z.string().min(1).max(32);
export const SkuId = z.string().min(1).max(64);

export const NodeKind = z.enum(['regional-warehouse', 'forward-stocking', '3pl', 'cross-dock', 'hub']);
export type NodeKind = z.infer<typeof NodeKind>;

export const Node = z.object({
  id: NodeId,
  code: z.string().min(1).max(16),
  name: z.string().min(1),
  /** The planning area inside the region the node belongs to (e.g. "North"); used to filter screens. */
  area: z.string().min(1),
  kind: NodeKind,
  odooWarehouseId: z.number().int().positive().nullable(),
});
export type Node = z.infer<typeof Node>;

export const AbcClass = z.enum(['A', 'B', 'C']);
export type AbcClass = z.infer<typeof AbcClass>;

export const Sku = z.object({
  id: SkuId,
  code: z.string().min(1),
  name: z.string().min(1),
  uom: z.string().min(1),
  unitCost: z.number().nonnegative(),
  unitPrice: z.number().nonnegative(),
  abcClass: AbcClass.nullable(),
  odooProductId: z.number().int().positive().nullable(),
});
export type Sku = z.infer<typeof Sku>;

export const Lane = z.object({
  fromNodeId: NodeId,
  toNodeId: NodeId,
  transitDays: z.number().int().nonnegative(),
  costPerUnit: z.number().nonnegative(),
  /** Units per day the lane can carry; null when nobody has set a limit. */
  dailyCapacity: z.number().int().positive().nullable(),
});
export type Lane = z.infer<typeof Lane>;

export const SupplierOption = z.object({
  id: z.string().min(1),
  skuId: SkuId,
  supplier: z.string().min(1),
  odooPartnerId: z.number().int().positive().nullable(),
  leadDays: z.number().int().nonnegative(),
  minQty: z.number().nonnegative(),
  multiple: z.number().positive(),
  unitPrice: z.number().nonnegative(),
});
export type SupplierOption = z.infer<typeof SupplierOption>;

export const StockRule = z
  .object({
    nodeId: NodeId,
    skuId: SkuId,
    min: z.number().nonnegative(),
    max: z.number().nonnegative(),
    multiple: z.number().positive(),
    safetyStock: z.number().nonnegative(),
  })
  .refine((rule) => rule.min <= rule.max, { message: 'min must not exceed max', path: ['min'] });
export type StockRule = z.infer<typeof StockRule>;
