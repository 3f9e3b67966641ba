import type { z } from 'zod';
import type { OdooDialect } from '../odoo';
import type { StagedModel, StagedRecord } from '../store';
import {
  idOf,
  LocationRow,
  MoveRow,
  nameOf,
  OrderpointRow,
  PackagingRow,
  ProductRow,
  QuantRow,
  SupplierInfoRow,
  textOf,
  WarehouseRow,
} from './odoo-rows';

export const OPEN_MOVE_STATES = ['waiting', 'confirmed', 'partially_available', 'assigned'];

/** How one Odoo model is pulled: which records, which fields, and how a row is staged. */
export interface PullSpec {
  model: StagedModel;
  /** What the planner calls these records, for progress and messages. */
  label: string;
  /** The kind of data it feeds, for freshness. */
  kind: 'master' | 'stock' | 'flows';
  fields(dialect: OdooDialect): string[];
  domain(dialect: OdooDialect): unknown[];
  row: z.ZodType<{ id: number; write_date: string | false }>;
  stage(row: never, dialect: OdooDialect): StagedRecord;
  pageSize: number;
}

const writeDate = (value: string | false): string | null => (value === false ? null : value);

function spec<S extends z.ZodType<{ id: number; write_date: string | false }>>(
  value: Omit<PullSpec, 'row' | 'stage'> & { row: S; stage(row: z.infer<S>, dialect: OdooDialect): StagedRecord },
): PullSpec {
  return value as unknown as PullSpec;
}

/** In pull order: what later rows are classified by (warehouses, locations) comes first. */
export const PULL_SPECS: PullSpec[] = [
  spec({
    model: 'stock.warehouse',
    label: 'Warehouses',
    kind: 'master',
    fields: () => ['code', 'name', 'view_location_id', 'lot_stock_id', 'company_id', 'write_date'],
    domain: () => [],
    row: WarehouseRow,
    pageSize: 500,
    stage: (row) => ({
      id: row.id,
      code: row.code,
      name: row.name,
      view_location_id: idOf(row.view_location_id),
      lot_stock_id: idOf(row.lot_stock_id),
      company_id: idOf(row.company_id),
      write_date: writeDate(row.write_date),
    }),
  }),
  spec({
    model: 'stock.location',
    label: 'Locations',
    kind: 'master',
    fields: () => ['warehouse_id', 'usage', 'complete_name', 'write_date'],
    domain: () => [['usage', 'in', ['internal', 'transit']]],
    row: LocationRow,
    pageSize: 10_000,
    stage: (row) => ({ id: row.id, warehouse_id: idOf(row.warehouse_id), usage: row.usage, complete_name: textOf(row.complete_name), write_date: writeDate(row.write_date) }),
  }),
  spec({
    model: 'product.product',
    label: 'Products',
    kind: 'master',
    fields: () => ['product_tmpl_id', 'default_code', 'name', 'uom_id', 'standard_price', 'list_price', 'write_date'],
    domain: (dialect) => dialect.storableProductDomain,
    row: ProductRow,
    pageSize: 10_000,
    stage: (row) => ({
      id: row.id,
      tmpl_id: idOf(row.product_tmpl_id),
      default_code: textOf(row.default_code),
      name: row.name,
      uom: nameOf(row.uom_id),
      standard_price: row.standard_price,
      list_price: row.list_price,
      write_date: writeDate(row.write_date),
    }),
  }),
  spec({
    model: 'product.packaging',
    label: 'Purchase packagings',
    kind: 'master',
    fields: () => ['product_id', 'name', 'qty', 'write_date'],
    domain: () => [],
    row: PackagingRow,
    pageSize: 10_000,
    stage: (row) => ({ id: row.id, product_id: idOf(row.product_id), name: row.name, qty: row.qty, write_date: writeDate(row.write_date) }),
  }),
  spec({
    model: 'product.supplierinfo',
    label: 'Supplier prices',
    kind: 'master',
    fields: () => ['partner_id', 'product_id', 'product_tmpl_id', 'min_qty', 'price', 'delay', 'sequence', 'write_date'],
    domain: () => [],
    row: SupplierInfoRow,
    pageSize: 10_000,
    stage: (row) => ({
      id: row.id,
      partner_id: idOf(row.partner_id),
      partner_name: nameOf(row.partner_id) ?? 'Unknown vendor',
      product_id: idOf(row.product_id),
      tmpl_id: idOf(row.product_tmpl_id),
      min_qty: row.min_qty,
      price: row.price,
      delay: row.delay,
      sequence: row.sequence,
      write_date: writeDate(row.write_date),
    }),
  }),
  spec({
    model: 'stock.warehouse.orderpoint',
    label: 'Reordering rules',
    kind: 'master',
    fields: () => ['warehouse_id', 'location_id', 'product_id', 'product_min_qty', 'product_max_qty', 'qty_multiple', 'write_date'],
    domain: () => [],
    row: OrderpointRow,
    pageSize: 10_000,
    stage: (row) => ({
      id: row.id,
      warehouse_id: idOf(row.warehouse_id),
      location_id: idOf(row.location_id),
      product_id: idOf(row.product_id),
      min_qty: row.product_min_qty,
      max_qty: row.product_max_qty,
      multiple: row.qty_multiple,
      write_date: writeDate(row.write_date),
    }),
  }),
  spec({
    model: 'stock.quant',
    label: 'Stock on hand',
    kind: 'stock',
    fields: () => ['product_id', 'location_id', 'quantity', 'reserved_quantity', 'write_date'],
    domain: () => [['location_id.usage', '=', 'internal']],
    row: QuantRow,
    pageSize: 20_000,
    stage: (row) => ({
      id: row.id,
      product_id: idOf(row.product_id),
      location_id: idOf(row.location_id),
      quantity: row.quantity,
      reserved: row.reserved_quantity,
      write_date: writeDate(row.write_date),
    }),
  }),
  spec({
    model: 'stock.move',
    label: 'Open stock moves',
    kind: 'flows',
    fields: (dialect) => [
      'product_id',
      'product_qty',
      'location_id',
      'location_dest_id',
      ...(dialect.major >= 18 ? ['location_final_id'] : []),
      'date',
      'date_deadline',
      'state',
      'picking_id',
      'partner_id',
      'sale_line_id',
      'purchase_line_id',
      'write_date',
    ],
    domain: (dialect) => [
      ['state', 'in', OPEN_MOVE_STATES],
      '|',
      ...(dialect.major >= 18 ? ['|', ['location_final_id.usage', '=', 'internal']] : []),
      ['location_id.usage', '=', 'internal'],
      ['location_dest_id.usage', '=', 'internal'],
    ],
    row: MoveRow,
    pageSize: 10_000,
    stage: (row) => ({
      id: row.id,
      product_id: idOf(row.product_id),
      qty: row.product_qty,
      location_id: idOf(row.location_id),
      // 18: a leg of a chain counts where its goods end up, as Odoo's own incoming_qty does.
      location_dest_id: (row.location_final_id ? idOf(row.location_final_id) : null) ?? idOf(row.location_dest_id),
      date: row.date,
      date_deadline: row.date_deadline === false ? null : row.date_deadline,
      state: row.state,
      picking_id: idOf(row.picking_id),
      picking_name: nameOf(row.picking_id),
      partner_id: idOf(row.partner_id),
      sale_line_id: row.sale_line_id ? idOf(row.sale_line_id) : null,
      purchase_line_id: row.purchase_line_id ? idOf(row.purchase_line_id) : null,
      write_date: writeDate(row.write_date),
    }),
  }),
];
