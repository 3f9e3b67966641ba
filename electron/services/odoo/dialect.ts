/**
 * What differs between the Odoo versions we talk to (reference §7). Detected once from
 * `common.version`; everything that builds a domain, context or field list asks the dialect.
 */
export type OdooMajorVersion = 17 | 18;

export interface OdooDialect {
  major: OdooMajorVersion;
  /** Context key that scopes product quantities to a warehouse: 17 `warehouse`, 18 `warehouse_id` (18 ignores `warehouse`). */
  warehouseContextKey: 'warehouse' | 'warehouse_id';
  /** Domain on product.product selecting storable goods. */
  storableProductDomain: unknown[];
  /** Product fields that say whether it is stocked. */
  productTypeFields: string[];
  /** Field of res.users listing its groups. */
  userGroupsField: 'groups_id';
}

export function dialectFor(major: number): OdooDialect {
  if (major === 17) {
    return { major: 17, warehouseContextKey: 'warehouse', storableProductDomain: [['detailed_type', '=', 'product']], productTypeFields: ['detailed_type'], userGroupsField: 'groups_id' };
  }
  if (major === 18) {
    return { major: 18, warehouseContextKey: 'warehouse_id', storableProductDomain: [['type', '=', 'consu'], ['is_storable', '=', true]], productTypeFields: ['type', 'is_storable'], userGroupsField: 'groups_id' };
  }
  throw new RangeError(`Odoo ${major} is not supported: Network Planner talks to Odoo 17 and 18.`);
}
