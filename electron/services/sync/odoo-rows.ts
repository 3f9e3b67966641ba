import { z } from 'zod';
import { Many2one, OdooText } from '../odoo';

/**
 * The Odoo records the sync reads, field by field, as Odoo sends them (`false` for empty,
 * `[id, name]` for many2one). Only the fields the planner uses are ever requested.
 */
const Id = z.number().int().positive();
const Quantity = z.number().finite();
const WriteDate = z.union([z.string(), z.literal(false)]);

export const WarehouseRow = z.object({ id: Id, code: z.string(), name: z.string(), view_location_id: Many2one, lot_stock_id: Many2one, company_id: Many2one, write_date: WriteDate });
export const LocationRow = z.object({ id: Id, warehouse_id: Many2one, usage: z.string(), complete_name: OdooText, write_date: WriteDate });
export const ProductRow = z.object({
  id: Id,
  product_tmpl_id: Many2one,
  default_code: OdooText,
  name: z.string(),
  uom_id: Many2one,
  standard_price: Quantity,
  list_price: Quantity,
  write_date: WriteDate,
});
export const SupplierInfoRow = z.object({
  id: Id,
  partner_id: Many2one,
  product_id: Many2one,
  product_tmpl_id: Many2one,
  min_qty: Quantity,
  price: Quantity,
  delay: z.number().int(),
  sequence: z.number().int(),
  write_date: WriteDate,
});
export const PackagingRow = z.object({ id: Id, product_id: Many2one, name: z.string(), qty: Quantity, write_date: WriteDate });
export const OrderpointRow = z.object({
  id: Id,
  warehouse_id: Many2one,
  location_id: Many2one,
  product_id: Many2one,
  product_min_qty: Quantity,
  product_max_qty: Quantity,
  qty_multiple: Quantity,
  write_date: WriteDate,
});
export const QuantRow = z.object({ id: Id, product_id: Many2one, location_id: Many2one, quantity: Quantity, reserved_quantity: Quantity, write_date: WriteDate });
export const MoveRow = z.object({
  id: Id,
  product_id: Many2one,
  product_qty: Quantity,
  location_id: Many2one,
  location_dest_id: Many2one,
  /** 18: where the goods finally go when the move is one leg of a chain. */
  location_final_id: Many2one.optional(),
  date: z.string(),
  /** When the move is due at its destination; for an unshipped transfer between warehouses, its arrival. */
  date_deadline: z.union([z.string(), z.literal(false)]),
  state: z.string(),
  picking_id: Many2one,
  partner_id: Many2one,
  sale_line_id: Many2one.optional(),
  purchase_line_id: Many2one.optional(),
  write_date: WriteDate,
});
export const SaleLineRow = z.object({ id: Id, order_id: Many2one, price_unit: Quantity, purchase_price: Quantity.optional() });
export const SaleOrderRow = z.object({ id: Id, name: z.string(), partner_id: Many2one, commitment_date: z.union([z.string(), z.literal(false)]) });
export const PurchaseLineRow = z.object({ id: Id, order_id: Many2one, date_planned: z.union([z.string(), z.literal(false)]) });
export const PurchaseOrderRow = z.object({ id: Id, name: z.string(), partner_id: Many2one });
export const PartnerRow = z.object({ id: Id, name: z.union([z.string(), z.literal(false)]), category_id: z.array(z.number().int()) });
export const PartnerCategoryRow = z.object({ id: Id, name: z.string() });

export type WarehouseRow = z.infer<typeof WarehouseRow>;
export type LocationRow = z.infer<typeof LocationRow>;
export type ProductRow = z.infer<typeof ProductRow>;
export type SupplierInfoRow = z.infer<typeof SupplierInfoRow>;
export type PackagingRow = z.infer<typeof PackagingRow>;
export type OrderpointRow = z.infer<typeof OrderpointRow>;
export type QuantRow = z.infer<typeof QuantRow>;
export type MoveRow = z.infer<typeof MoveRow>;

/** Odoo many2one → id or null. */
export function idOf(value: z.infer<typeof Many2one>): number | null {
  return value === false ? null : value[0];
}

export function nameOf(value: z.infer<typeof Many2one>): string | null {
  return value === false ? null : value[1];
}

export function textOf(value: string | false): string | null {
  return value === false ? null : value;
}
