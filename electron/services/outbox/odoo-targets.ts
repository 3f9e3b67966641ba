import { z } from 'zod';
import { Many2one, type OdooClient } from '../odoo';
import type { NodeRef, SkuRef } from './command';

const WarehouseRow = z.object({
  id: z.number().int(),
  code: z.string(),
  lot_stock_id: Many2one,
  int_type_id: Many2one,
  in_type_id: Many2one,
  out_type_id: Many2one,
  company_id: Many2one,
});

export interface OdooWarehouse {
  id: number;
  code: string;
  stockLocationId: number;
  internalTypeId: number | null;
  receiptTypeId: number | null;
  deliveryTypeId: number | null;
  companyId: number;
}

const idOf = (value: z.infer<typeof Many2one>): number | null => (value === false ? null : value[0]);

/** A command names something Odoo does not have: no push can fix that, a person must. */
export class MissingTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MissingTargetError';
  }
}

/**
 * Odoo's ids for what commands name by code: warehouses (with their stock location and operation
 * types), products by internal reference, vendors by name, and the company's transit location.
 * Read once per connection and kept: these ids do not change under a running pusher.
 */
export class OdooTargets {
  private warehouses: Promise<Map<number, OdooWarehouse>> | null = null;
  private readonly products = new Map<string, number>();
  private readonly partners = new Map<string, number>();
  private readonly transit = new Map<number, Promise<number | null>>();

  constructor(private readonly client: OdooClient) {}

  private allWarehouses(): Promise<Map<number, OdooWarehouse>> {
    if (!this.warehouses) {
      const loading = this.client
        .searchRead('stock.warehouse', [], ['id', 'code', 'lot_stock_id', 'int_type_id', 'in_type_id', 'out_type_id', 'company_id'], WarehouseRow, { context: { active_test: false } })
        .then((rows) => {
          const byId = new Map<number, OdooWarehouse>();
          for (const row of rows) {
            const stock = idOf(row.lot_stock_id);
            const company = idOf(row.company_id);
            if (stock === null || company === null) continue;
            byId.set(row.id, { id: row.id, code: row.code, stockLocationId: stock, internalTypeId: idOf(row.int_type_id), receiptTypeId: idOf(row.in_type_id), deliveryTypeId: idOf(row.out_type_id), companyId: company });
          }
          return byId;
        });
      // A failed read is not cached: the next round asks again.
      loading.catch(() => (this.warehouses = null));
      this.warehouses = loading;
    }
    return this.warehouses;
  }

  async warehouse(node: NodeRef): Promise<OdooWarehouse> {
    const all = await this.allWarehouses();
    const byHint = node.odooWarehouseId === null ? undefined : all.get(node.odooWarehouseId);
    if (byHint) return byHint;
    const byCode = [...all.values()].find((warehouse) => warehouse.code === node.warehouseCode);
    if (byCode) return byCode;
    throw new MissingTargetError(`Odoo has no warehouse with code ${node.warehouseCode} for node ${node.id}: check the node in the region profile (odooWarehouseCode) or the warehouse in Odoo.`);
  }

  /** Looks up every product not known yet in one call. */
  async loadProducts(skus: readonly SkuRef[]): Promise<void> {
    const wanted = [...new Set(skus.filter((sku) => sku.odooProductId === null && !this.products.has(sku.code)).map((sku) => sku.code))];
    if (wanted.length === 0) return;
    const rows = await this.client.searchRead('product.product', [['default_code', 'in', wanted]], ['id', 'default_code'], z.object({ id: z.number().int(), default_code: z.union([z.string(), z.literal(false)]) }), { order: 'id asc' });
    // Only what was found is kept: a product added in Odoo later is found on the next try.
    for (const code of wanted) {
      const found = rows.find((row) => row.default_code === code);
      if (found) this.products.set(code, found.id);
    }
  }

  product(sku: SkuRef): number {
    if (sku.odooProductId !== null) return sku.odooProductId;
    const id = this.products.get(sku.code);
    if (id === undefined) throw new MissingTargetError(`Odoo has no active product with internal reference ${sku.code} (SKU ${sku.id}).`);
    return id;
  }

  async loadPartners(names: readonly string[]): Promise<void> {
    const wanted = [...new Set(names.filter((name) => !this.partners.has(name)))];
    if (wanted.length === 0) return;
    const rows = await this.client.searchRead('res.partner', [['name', 'in', wanted]], ['id', 'name'], z.object({ id: z.number().int(), name: z.union([z.string(), z.literal(false)]) }), { order: 'id asc' });
    for (const name of wanted) {
      const found = rows.find((row) => row.name === name);
      if (found) this.partners.set(name, found.id);
    }
  }

  partner(supplier: { name: string; odooPartnerId: number | null }): number {
    if (supplier.odooPartnerId !== null) return supplier.odooPartnerId;
    const id = this.partners.get(supplier.name);
    if (id === undefined) throw new MissingTargetError(`Odoo has no contact named "${supplier.name}" to order from.`);
    return id;
  }

  /** The company's "Inter-warehouse transit" location (reference §3.14), where resupply deliveries go. */
  transitLocation(companyId: number): Promise<number> {
    let pending = this.transit.get(companyId);
    if (!pending) {
      pending = this.client.read('res.company', [companyId], ['internal_transit_location_id'], z.object({ internal_transit_location_id: Many2one })).then((rows) => {
        const value = rows[0]?.internal_transit_location_id;
        return value ? value[0] : null;
      });
      pending.catch(() => this.transit.delete(companyId));
      this.transit.set(companyId, pending);
    }
    return pending.then((id) => {
      if (id === null) throw new MissingTargetError(`Odoo's company ${companyId} has no inter-warehouse transit location, so a resupply cannot be pushed: use internal pickings (transferMode) or set up transit in Odoo.`);
      return id;
    });
  }
}
