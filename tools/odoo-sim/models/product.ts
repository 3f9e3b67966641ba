import type { Env } from '../orm/env';
import type { FieldSpec, ModelSpec, OdooVersion, Row } from '../orm/model-spec';
import { productQuantities } from '../workflows/quantities';
import { active, boolean, char, float, html, integer, many2one, one2many, selection, date } from './field-kit';

function quantityField(string: string, key: 'qty_available' | 'free_qty' | 'incoming_qty' | 'outgoing_qty' | 'virtual_available'): FieldSpec {
  return { type: 'float', string, compute: (env: Env, row: Row) => productQuantities(env, row.id)[key] };
}

function templateQuantityField(string: string, key: 'qty_available' | 'incoming_qty' | 'outgoing_qty' | 'virtual_available'): FieldSpec {
  return {
    type: 'float',
    string,
    compute: (env: Env, row: Row) => {
      let total = 0;
      for (const id of env.db.table('product.product').lookup('product_tmpl_id', row.id) ?? []) total += productQuantities(env, id)[key];
      return total;
    },
  };
}

function typeSelection(version: OdooVersion): FieldSpec {
  return version >= 18
    ? selection('Product Type', [['consu', 'Goods'], ['service', 'Service'], ['combo', 'Combo']], { required: true, default: 'consu' })
    : selection('Type', [['consu', 'Consumable'], ['service', 'Service'], ['product', 'Storable Product']], { required: true, default: 'consu' });
}

/** 17: `type` is computed from `detailed_type` (storable = 'product'); keep both in step on create/write. */
function syncDetailedType(version: OdooVersion, vals: Record<string, unknown>): void {
  if (version !== 17) return;
  if (vals.detailed_type !== undefined && vals.detailed_type !== false) vals.type = vals.detailed_type;
  else if (vals.type !== undefined && vals.type !== false) vals.detailed_type = vals.type;
}

/** Template fields a variant exposes through `_inherits` (read and written through product_tmpl_id). */
const INHERITED = ['name', 'type', 'uom_id', 'uom_po_id', 'list_price', 'categ_id', 'sale_ok', 'purchase_ok', 'company_id', 'seller_ids', 'description'] as const;

export function productModels(version: OdooVersion): ModelSpec[] {
  const templateFields: Record<string, FieldSpec> = {
    name: char('Name', { required: true, translate: true }),
    description: html('Description'),
    type: typeSelection(version),
    ...(version === 17
      ? { detailed_type: selection('Product Type', [['consu', 'Consumable'], ['service', 'Service'], ['product', 'Storable Product']], { required: true, default: 'consu' }) }
      : { is_storable: boolean('Track Inventory') }),
    uom_id: many2one('uom.uom', 'Unit of Measure', { required: true, default: (env: Env) => env.ref('uom.product_uom_unit') }),
    uom_po_id: many2one('uom.uom', 'Purchase Unit', { required: true, default: (env: Env) => env.ref('uom.product_uom_unit') }),
    list_price: float('Sales Price', { default: 1 }),
    standard_price: float('Cost', {
      compute: (env: Env, row: Row) => {
        const variant = [...(env.db.table('product.product').lookup('product_tmpl_id', row.id) ?? [])][0];
        return variant === undefined ? 0 : Number(env.row('product.product', variant)?.standard_price ?? 0);
      },
      setter: (env: Env, row: Row, value: unknown) => {
        for (const id of env.db.table('product.product').lookup('product_tmpl_id', row.id) ?? []) {
          const variant = env.row('product.product', id);
          if (variant) env.db.update('product.product', variant, { standard_price: Number(value) || 0 });
        }
      },
    }),
    categ_id: many2one('product.category', 'Product Category', { required: true, default: (env: Env) => env.ref('product.product_category_all') }),
    sale_ok: boolean('Can be Sold', { default: true }),
    purchase_ok: boolean('Can be Purchased', { default: true }),
    active: active(),
    company_id: many2one('res.company', 'Company'),
    seller_ids: one2many('product.supplierinfo', 'product_tmpl_id', 'Vendors'),
    product_variant_ids: one2many('product.product', 'product_tmpl_id', 'Products', { required: true }),
    product_variant_id: many2one('product.product', 'Product', {
      compute: (env: Env, row: Row) => [...(env.db.table('product.product').lookup('product_tmpl_id', row.id) ?? [])][0] ?? false,
    }),
    default_code: char('Internal Reference', {
      reportStore: true,
      compute: (env: Env, row: Row) => {
        const ids = [...(env.db.table('product.product').lookup('product_tmpl_id', row.id) ?? [])];
        return ids.length === 1 ? (env.row('product.product', ids[0])?.default_code ?? false) : false;
      },
      setter: (env: Env, row: Row, value: unknown) => {
        const ids = [...(env.db.table('product.product').lookup('product_tmpl_id', row.id) ?? [])];
        const variant = ids.length === 1 ? env.row('product.product', ids[0]) : undefined;
        if (variant) env.db.update('product.product', variant, { default_code: value === false ? false : String(value) });
      },
    }),
    qty_available: templateQuantityField('Quantity On Hand', 'qty_available'),
    virtual_available: templateQuantityField('Forecasted Quantity', 'virtual_available'),
    incoming_qty: templateQuantityField('Incoming', 'incoming_qty'),
    outgoing_qty: templateQuantityField('Outgoing', 'outgoing_qty'),
  };

  const variantFields: Record<string, FieldSpec> = {
    product_tmpl_id: many2one('product.template', 'Product Template', { required: true, index: true }),
    default_code: char('Internal Reference', { index: true }),
    barcode: char('Barcode'),
    active: active(),
    standard_price: float('Cost', { companyDependent: true, groups: 'base.group_user' }),
    lst_price: float('Sales Price', { related: 'product_tmpl_id.list_price' }),
    qty_available: quantityField('Quantity On Hand', 'qty_available'),
    free_qty: quantityField('Free To Use Quantity ', 'free_qty'),
    incoming_qty: quantityField('Incoming', 'incoming_qty'),
    outgoing_qty: quantityField('Outgoing', 'outgoing_qty'),
    virtual_available: quantityField('Forecasted Quantity', 'virtual_available'),
  };
  for (const name of INHERITED) variantFields[name] = { ...templateFields[name], related: `product_tmpl_id.${name}`, default: undefined } as FieldSpec;
  if (version === 17) variantFields.detailed_type = { ...templateFields.detailed_type, related: 'product_tmpl_id.detailed_type', default: undefined, required: false } as FieldSpec;
  else variantFields.is_storable = { ...templateFields.is_storable, related: 'product_tmpl_id.is_storable', default: undefined } as FieldSpec;

  return [
    {
      name: 'uom.category',
      description: 'Product UoM Categories',
      fields: { name: char('Unit of Measure Category', { required: true, translate: true }), uom_ids: one2many('uom.uom', 'category_id', 'Uom') },
    },
    {
      name: 'uom.uom',
      description: 'Product Unit of Measure',
      order: 'factor DESC, id',
      fields: {
        name: char('Unit of Measure', { required: true, translate: true }),
        category_id: many2one('uom.category', 'Category', { required: true, index: true }),
        factor: float('Ratio', { required: true, default: 1 }),
        factor_inv: float('Bigger Ratio', {
          required: true, compute: (env: Env, row: Row) => (Number(row.factor) ? 1 / Number(row.factor) : 0) }),
        rounding: float('Rounding Precision', { required: true, default: 0.01 }),
        uom_type: selection('Type', [['bigger', 'Bigger than the reference Unit of Measure'], ['reference', 'Reference Unit of Measure for this category'], ['smaller', 'Smaller than the reference Unit of Measure']], { required: true, default: 'reference' }),
        active: active(),
      },
    },
    {
      name: 'product.category',
      description: 'Product Category',
      order: 'complete_name',
      parentName: 'parent_id',
      displayName: (env: Env, row: Row) => String(row.complete_name || row.name),
      prepareCreate: (env: Env, vals: Record<string, unknown>) => {
        const parent = env.row('product.category', vals.parent_id as number);
        vals.complete_name = parent ? `${String(parent.complete_name)} / ${String(vals.name)}` : vals.name;
      },
      fields: { name: char('Name', { required: true }), complete_name: char('Complete Name', { stored: true, compute: (env: Env, row: Row) => row.complete_name }), parent_id: many2one('product.category', 'Parent Category', { index: true }) },
    },
    {
      name: 'product.template',
      description: 'Product',
      order: 'is_favorite desc, name, id',
      displayName: (env: Env, row: Row) => {
        const code = fieldDefaultCode(env, row);
        return code ? `[${code}] ${String(row.name)}` : String(row.name);
      },
      prepareCreate: (env: Env, vals: Record<string, unknown>) => syncDetailedType(version, vals),
      afterWrite: (env: Env, rows: Row[], vals: Record<string, unknown>) => {
        if (version !== 17 || (vals.type === undefined && vals.detailed_type === undefined)) return;
        const patch: Record<string, unknown> = { ...vals };
        syncDetailedType(version, patch);
        for (const row of rows) env.db.update('product.template', row, { type: patch.type, detailed_type: patch.detailed_type });
      },
      afterCreate: (env: Env, row: Row) => {
        // A template always gets its (single) variant, as product.template.create does.
        if (!env.memo.has('creating-variant')) env.db.insert('product.product', { product_tmpl_id: row.id, active: true, default_code: false, barcode: false, standard_price: 0, create_uid: env.uid, create_date: env.now(), write_uid: env.uid, write_date: env.now() });
      },
      fields: { ...templateFields, is_favorite: boolean('Favorite') },
    },
    {
      name: 'product.product',
      description: 'Product Variant',
      order: 'default_code, name, id',
      displayName: (env: Env, row: Row) => {
        const name = String(env.row('product.template', row.product_tmpl_id as number)?.name ?? '');
        return row.default_code ? `[${String(row.default_code)}] ${name}` : name;
      },
      prepareCreate: (env: Env, vals: Record<string, unknown>) => {
        if (vals.product_tmpl_id) return;
        // product.product.create without a template creates one from the inherited values.
        const templateVals: Record<string, unknown> = {};
        for (const name of [...INHERITED, 'detailed_type', 'is_storable']) if (name in vals) {
          templateVals[name] = vals[name];
          delete vals[name];
        }
        syncDetailedType(version, templateVals);
        env.memo.set('creating-variant', true);
        try {
          const templateDef = env.model('product.template');
          const row: Record<string, unknown> = { create_uid: env.uid, create_date: env.now(), write_uid: env.uid, write_date: env.now() };
          for (const field of templateDef.fields.values()) {
            if (!field.store || field.type === 'one2many') continue;
            const value = field.name in templateVals ? templateVals[field.name] : typeof field.default === 'function' ? (field.default as (env: Env) => unknown)(env) : field.default;
            if (value !== undefined) row[field.name] = value;
          }
          if (!row.name) row.name = false;
          const template = env.db.insert('product.template', row);
          vals.product_tmpl_id = template.id;
        } finally {
          env.memo.delete('creating-variant');
        }
      },
      fields: variantFields,
    },
    {
      name: 'product.packaging',
      description: 'Product Packaging',
      order: 'product_id, sequence, id',
      fields: {
        name: char('Product Packaging', { required: true }),
        sequence: integer('Sequence', { default: 1 }),
        product_id: many2one('product.product', 'Product', { required: true, index: true }),
        qty: float('Contained Quantity', { default: 1 }),
        barcode: char('Barcode'),
        company_id: many2one('res.company', 'Company'),
        purchase: boolean('Purchase', { default: true }),
        sales: boolean('Sales', { default: true }),
      },
    },
    {
      name: 'product.supplierinfo',
      description: 'Supplier Pricelist',
      order: 'sequence, min_qty DESC, price, id',
      displayName: (env: Env, row: Row) => String(env.row('res.partner', row.partner_id as number)?.name ?? ''),
      prepareCreate: (env: Env, vals: Record<string, unknown>) => {
        if (!vals.product_tmpl_id && typeof vals.product_id === 'number') vals.product_tmpl_id = env.row('product.product', vals.product_id)?.product_tmpl_id ?? false;
      },
      fields: {
        partner_id: many2one('res.partner', 'Vendor', { required: true }),
        product_name: char('Vendor Product Name'),
        product_code: char('Vendor Product Code'),
        sequence: integer('Sequence', { default: 1 }),
        product_uom: many2one('uom.uom', 'Unit of Measure', { related: 'product_tmpl_id.uom_po_id' }),
        min_qty: float('Quantity', { required: true, default: 0 }),
        price: float('Price', { required: true, default: 0 }),
        company_id: many2one('res.company', 'Company', { default: (env: Env) => env.companyId() }),
        currency_id: many2one('res.currency', 'Currency', { required: true, default: (env: Env) => env.row('res.company', env.companyId())?.currency_id ?? false }),
        date_start: date('Start Date'),
        date_end: date('End Date'),
        product_id: many2one('product.product', 'Product Variant', { index: true }),
        product_tmpl_id: many2one('product.template', 'Product Template', { index: true }),
        delay: integer('Delivery Lead Time', { required: true, default: 1 }),
        ...(version >= 18 ? { discount: float('Discount (%)') } : {}),
      },
    },
  ];
}

function fieldDefaultCode(env: Env, template: Row): string | false {
  const ids = [...(env.db.table('product.product').lookup('product_tmpl_id', template.id) ?? [])];
  if (ids.length !== 1) return false;
  const code = env.row('product.product', ids[0])?.default_code;
  return typeof code === 'string' ? code : false;
}

/** Storable = tracked in stock: 17 `type == 'product'`, 18 `type == 'consu' and is_storable`. */
export function isStorable(env: Env, productId: number): boolean {
  const product = env.row('product.product', productId);
  const template = env.row('product.template', product?.product_tmpl_id as number);
  if (!template) return false;
  return env.version >= 18 ? template.type === 'consu' && template.is_storable === true : template.type === 'product';
}
