import type { Env } from '../orm/env';
import type { FieldSpec, ModelSpec, OdooVersion, Row } from '../orm/model-spec';
import { userError } from '../orm/errors';
import * as purchase from '../workflows/purchase';
import * as sale from '../workflows/sale';
import { active, boolean, char, datetime, float, html, integer, many2many, many2one, monetary, one2many, reportStored, selection, text } from './field-kit';

function recordMethod(params: readonly string[], run: (env: Env, ids: number[], params: Record<string, unknown>) => unknown, defaults?: Record<string, unknown>) {
  return { kind: 'records' as const, params, ...(defaults ? { defaults } : {}), run: (env: Env, _model: string, call: { ids: number[]; params: Record<string, unknown> }) => run(env, call.ids, call.params) };
}

const company = (env: Env): number => env.companyId();
const companyCurrency = (env: Env): unknown => env.row('res.company', env.companyId())?.currency_id ?? false;

function lineSum(env: Env, model: string, inverse: string, id: number, get: (line: Row) => number): number {
  let total = 0;
  for (const lineId of env.db.table(model).lookup(inverse, id) ?? []) {
    const line = env.row(model, lineId);
    if (line) total += get(line);
  }
  return Math.round(total * 100) / 100;
}

const subtotal = (line: Row): number => (Number(line.product_qty ?? line.product_uom_qty) || 0) * (Number(line.price_unit) || 0) * (1 - (Number(line.discount) || 0) / 100);

export function orderModels(_version: OdooVersion): ModelSpec[] {
  const soLineSubtotal = (line: Row): number => (Number(line.product_uom_qty) || 0) * (Number(line.price_unit) || 0) * (1 - (Number(line.discount) || 0) / 100);
  const saleOrderFields: Record<string, FieldSpec> = {
    name: char('Order Reference', { required: true, default: 'New', index: true }),
    state: selection('Status', [['draft', 'Quotation'], ['sent', 'Quotation Sent'], ['sale', 'Sales Order'], ['cancel', 'Cancelled']], { readonly: true, default: 'draft' }),
    locked: boolean('Locked'),
    partner_id: many2one('res.partner', 'Customer', { required: true, index: true }),
    date_order: datetime('Order Date', { required: true, default: (env: Env) => env.now() }),
    commitment_date: datetime('Delivery Date'),
    expected_date: datetime('Expected Date', { compute: (env, row) => sale.expectedDate(env, row) }),
    client_order_ref: char('Customer Reference'),
    origin: char('Source Document'),
    note: html('Terms and conditions'),
    order_line: one2many('sale.order.line', 'order_id', 'Order Lines'),
    company_id: many2one('res.company', 'Company', { required: true, default: company }),
    currency_id: many2one('res.currency', 'Currency', { default: companyCurrency }),
    user_id: many2one('res.users', 'Salesperson', { default: (env: Env) => env.uid }),
    amount_untaxed: monetary('Untaxed Amount', { compute: (env, row) => lineSum(env, 'sale.order.line', 'order_id', row.id, soLineSubtotal) }),
    amount_tax: monetary('Taxes', { compute: () => 0 }),
    amount_total: monetary('Total', { compute: (env, row) => lineSum(env, 'sale.order.line', 'order_id', row.id, soLineSubtotal) }),
    warehouse_id: many2one('stock.warehouse', 'Warehouse', { default: (env: Env) => sale.defaultWarehouse(env) }),
    picking_ids: one2many('stock.picking', 'sale_id', 'Transfers'),
    delivery_count: integer('Delivery Orders', { compute: (env, row) => env.db.table('stock.picking').lookup('sale_id', row.id)?.length ?? 0 }),
    delivery_status: selection('Delivery Status', [['pending', 'Not Delivered'], ['started', 'Started'], ['partial', 'Partially Delivered'], ['full', 'Fully Delivered']], { compute: (env, row) => sale.deliveryStatus(env, row) }),
    picking_policy: selection('Shipping Policy', [['direct', 'As soon as possible'], ['one', 'When all products are ready']], { required: true, default: 'direct' }),
    effective_date: datetime('Effective Date', { compute: (env, row) => sale.effectiveDate(env, row) }),
    procurement_group_id: many2one('procurement.group', 'Procurement Group'),
    margin: monetary('Margin', { compute: (env, row) => lineSum(env, 'sale.order.line', 'order_id', row.id, (line) => soLineSubtotal(line) - (Number(line.purchase_price) || 0) * (Number(line.product_uom_qty) || 0)) }),
    margin_percent: float('Margin (%)', {
      compute: (env, row) => {
        const total = lineSum(env, 'sale.order.line', 'order_id', row.id, soLineSubtotal);
        const margin = lineSum(env, 'sale.order.line', 'order_id', row.id, (line) => soLineSubtotal(line) - (Number(line.purchase_price) || 0) * (Number(line.product_uom_qty) || 0));
        return total ? margin / total : 0;
      },
    }),
  };
  const saleLineFields: Record<string, FieldSpec> = {
    order_id: many2one('sale.order', 'Order Reference', { required: true, index: true }),
    sequence: integer('Sequence', { default: 10 }),
    company_id: many2one('res.company', 'Company', { related: 'order_id.company_id' }),
    currency_id: many2one('res.currency', 'Currency', { related: 'order_id.currency_id' }),
    order_partner_id: many2one('res.partner', 'Customer', { related: 'order_id.partner_id' }),
    state: selection('Order Status', [['draft', 'Quotation'], ['sent', 'Quotation Sent'], ['sale', 'Sales Order'], ['cancel', 'Cancelled']], { related: 'order_id.state' }),
    display_type: selection('Display Type', [['line_section', 'Section'], ['line_note', 'Note']]),
    product_id: many2one('product.product', 'Product', { index: true }),
    name: text('Description', { required: true }),
    product_uom_qty: float('Quantity', { required: true, default: 1 }),
    product_uom: many2one('uom.uom', 'Unit of Measure'),
    price_unit: float('Unit Price', { required: true }),
    discount: float('Discount (%)'),
    price_subtotal: monetary('Subtotal', { compute: (env, row) => Math.round(soLineSubtotal(row) * 100) / 100 }),
    price_total: monetary('Total', { compute: (env, row) => Math.round(soLineSubtotal(row) * 100) / 100 }),
    qty_delivered: float('Delivery Quantity', { compute: (env, row) => sale.qtyDelivered(env, row) }),
    qty_delivered_method: selection('Method to update delivered qty', [['manual', 'Manual'], ['analytic', 'Analytic From Expenses'], ['stock_move', 'Stock Moves']], { compute: () => 'stock_move' }),
    qty_invoiced: float('Invoiced Quantity', { compute: () => 0 }),
    qty_to_invoice: float('Quantity To Invoice', { compute: () => 0 }),
    customer_lead: float('Lead Time', { required: true, default: 0 }),
    purchase_price: float('Cost'),
    margin: float('Margin', { compute: (env, row) => Math.round((soLineSubtotal(row) - (Number(row.purchase_price) || 0) * (Number(row.product_uom_qty) || 0)) * 100) / 100 }),
    margin_percent: float('Margin (%)', {
      compute: (env, row) => {
        const total = soLineSubtotal(row);
        return total ? (total - (Number(row.purchase_price) || 0) * (Number(row.product_uom_qty) || 0)) / total : 0;
      },
    }),
    tax_id: many2many('account.tax', 'Taxes'),
    move_ids: one2many('stock.move', 'sale_line_id', 'Stock Moves'),
  };

  const poLineFields: Record<string, FieldSpec> = {
    order_id: many2one('purchase.order', 'Order Reference', { required: true, index: true }),
    sequence: integer('Sequence', { default: 10 }),
    name: text('Description', { required: true }),
    product_qty: float('Quantity', { required: true, default: 0 }),
    product_uom_qty: float('Total Quantity', { compute: (env, row) => Number(row.product_qty) || 0 }),
    date_planned: datetime('Expected Arrival', { index: true }),
    product_uom: many2one('uom.uom', 'Unit of Measure'),
    product_id: many2one('product.product', 'Product', { index: true }),
    price_unit: float('Unit Price', { required: true }),
    discount: float('Discount (%)'),
    price_subtotal: monetary('Subtotal', { compute: (env, row) => Math.round(subtotal(row) * 100) / 100 }),
    price_total: monetary('Total', { compute: (env, row) => Math.round(subtotal(row) * 100) / 100 }),
    qty_received_method: selection('Received Qty Method', [['manual', 'Manual'], ['stock_moves', 'Stock Moves']], { compute: () => 'stock_moves' }),
    qty_received: float('Received Qty', { compute: (env, row) => purchase.qtyReceived(env, row) }),
    qty_invoiced: float('Billed Qty', { compute: () => 0 }),
    qty_to_invoice: float('To Invoice Quantity', { compute: () => 0 }),
    partner_id: many2one('res.partner', 'Partner', { related: 'order_id.partner_id' }),
    currency_id: many2one('res.currency', 'Currency', { related: 'order_id.currency_id' }),
    company_id: many2one('res.company', 'Company', { related: 'order_id.company_id' }),
    state: selection('Status', [['draft', 'RFQ'], ['sent', 'RFQ Sent'], ['to approve', 'To Approve'], ['purchase', 'Purchase Order'], ['done', 'Locked'], ['cancel', 'Cancelled']], { related: 'order_id.state' }),
    display_type: selection('Display Type', [['line_section', 'Section'], ['line_note', 'Note']]),
    taxes_id: many2many('account.tax', 'Taxes'),
    move_ids: one2many('stock.move', 'purchase_line_id', 'Reservation'),
  };

  return [
    {
      // Only so that tax fields resolve; the stand-in computes untaxed totals.
      name: 'account.tax',
      description: 'Tax',
      order: 'sequence,id',
      fields: { name: char('Tax Name', { required: true }), amount: float('Amount', { required: true }), type_tax_use: selection('Tax Type', [['sale', 'Sales'], ['purchase', 'Purchases'], ['none', 'None']], { required: true, default: 'sale' }), sequence: integer('Sequence', { required: true, default: 1 }), active: active(), company_id: many2one('res.company', 'Company', { required: true, default: company }) },
    },
    {
      name: 'sale.order',
      description: 'Sales Order',
      order: 'date_order desc, id desc',
      prepareCreate: (env, vals) => sale.prepareOrder(env, vals),
      beforeUnlink: (env, rows) => {
        if (rows.some((row) => row.state !== 'draft' && row.state !== 'cancel')) throw userError('You can not delete a sent quotation or a confirmed sales order. You must first cancel it.');
      },
      fields: reportStored(saleOrderFields, ['amount_untaxed', 'amount_tax', 'amount_total', 'delivery_status', 'effective_date', 'margin', 'margin_percent']),
      methods: {
        action_confirm: recordMethod([], (env, ids) => sale.actionConfirm(env, ids)),
        action_cancel: recordMethod([], (env, ids) => sale.actionCancel(env, ids)),
        action_draft: recordMethod([], (env, ids) => sale.actionDraft(env, ids)),
        action_lock: recordMethod([], (env, ids) => sale.setLocked(env, ids, true)),
        action_unlock: recordMethod([], (env, ids) => sale.setLocked(env, ids, false)),
      },
    },
    {
      name: 'sale.order.line',
      description: 'Sales Order Line',
      displayName: (env, row) => {
        const order = env.row('sale.order', row.order_id as number);
        const partner = env.row('res.partner', order?.partner_id as number);
        return `${String(order?.name ?? '')} - ${String(row.name)}${partner ? ` (${String(partner.name)})` : ''}`;
      },
      order: 'order_id, sequence, id',
      prepareCreate: (env, vals) => sale.prepareLine(env, vals),
      fields: reportStored(saleLineFields, ['company_id', 'currency_id', 'order_partner_id', 'state', 'price_subtotal', 'price_total', 'qty_delivered', 'qty_delivered_method', 'qty_invoiced', 'qty_to_invoice', 'margin', 'margin_percent']),
    },
    {
      name: 'purchase.order',
      description: 'Purchase Order',
      displayName: (env, row) => (row.partner_ref ? `${String(row.name)} (${String(row.partner_ref)})` : String(row.name)),
      order: 'priority desc, id desc',
      prepareCreate: (env, vals) => purchase.prepareOrder(env, vals),
      beforeUnlink: (env, rows) => {
        if (rows.some((row) => row.state !== 'cancel')) throw userError('In order to delete a purchase order, you must cancel it first.');
      },
      fields: {
        name: char('Order Reference', { required: true, default: 'New', index: true }),
        priority: selection('Priority', [['0', 'Normal'], ['1', 'Urgent']], { default: '0' }),
        origin: char('Source'),
        partner_ref: char('Vendor Reference'),
        date_order: datetime('Order Deadline', { required: true, default: (env: Env) => env.now() }),
        date_approve: datetime('Confirmation Date', { readonly: true }),
        partner_id: many2one('res.partner', 'Vendor', { required: true, index: true }),
        dest_address_id: many2one('res.partner', 'Dropship Address'),
        currency_id: many2one('res.currency', 'Currency', { required: true, default: companyCurrency }),
        state: selection('Status', [['draft', 'RFQ'], ['sent', 'RFQ Sent'], ['to approve', 'To Approve'], ['purchase', 'Purchase Order'], ['done', 'Locked'], ['cancel', 'Cancelled']], { readonly: true, default: 'draft' }),
        order_line: one2many('purchase.order.line', 'order_id', 'Order Lines'),
        notes: html('Terms and Conditions'),
        invoice_status: selection('Billing Status', [['no', 'Nothing to Bill'], ['to invoice', 'Waiting Bills'], ['invoiced', 'Fully Billed']], { compute: () => 'no', reportStore: true }),
        date_planned: datetime('Expected Arrival', { stored: true, compute: (env, row) => row.date_planned ?? false }),
        amount_untaxed: monetary('Untaxed Amount', { reportStore: true, compute: (env, row) => lineSum(env, 'purchase.order.line', 'order_id', row.id, subtotal) }),
        amount_tax: monetary('Taxes', { reportStore: true, compute: () => 0 }),
        amount_total: monetary('Total', { reportStore: true, compute: (env, row) => lineSum(env, 'purchase.order.line', 'order_id', row.id, subtotal) }),
        user_id: many2one('res.users', 'Buyer', { default: (env: Env) => env.uid }),
        company_id: many2one('res.company', 'Company', { required: true, default: company }),
        picking_type_id: many2one('stock.picking.type', 'Deliver To', { required: true, default: (env: Env) => purchase.defaultPickingType(env) }),
        // purchase_stock: a stored computed many2many in Odoo (receipts of the order's moves).
        picking_ids: many2many('stock.picking', 'Receptions', {
          reportStore: true,
          compute: (env, row) => [...(env.db.table('stock.picking').lookup('purchase_id', row.id) ?? [])].sort((a, b) => a - b),
        }),
        incoming_picking_count: integer('Incoming Shipment count', { compute: (env, row) => env.db.table('stock.picking').lookup('purchase_id', row.id)?.length ?? 0 }),
        group_id: many2one('procurement.group', 'Procurement Group'),
        is_shipped: boolean('Is Shipped', { compute: (env, row) => purchase.receiptStatus(env, row) === 'full' }),
        effective_date: datetime('Arrival', { reportStore: true, compute: (env, row) => purchase.effectiveDate(env, row) }),
        receipt_status: selection('Receipt Status', [['pending', 'Not Received'], ['partial', 'Partially Received'], ['full', 'Fully Received']], { reportStore: true, compute: (env, row) => purchase.receiptStatus(env, row) }),
      },
      methods: {
        button_confirm: recordMethod([], (env, ids) => purchase.buttonConfirm(env, ids)),
        button_approve: recordMethod(['force'], (env, ids) => purchase.buttonApprove(env, ids), { force: false }),
        button_cancel: recordMethod([], (env, ids) => purchase.buttonCancel(env, ids)),
        button_draft: recordMethod([], (env, ids) => purchase.buttonDraft(env, ids)),
        button_unlock: recordMethod([], (env, ids) => purchase.setState(env, ids, 'done', 'purchase')),
        button_done: recordMethod([], (env, ids) => purchase.setState(env, ids, null, 'done')),
      },
    },
    {
      name: 'purchase.order.line',
      description: 'Purchase Order Line',
      order: 'order_id, sequence, id',
      prepareCreate: (env, vals) => purchase.prepareLine(env, vals),
      afterCreate: (env, row) => purchase.afterLineChange(env, row),
      afterWrite: (env, rows, vals) => purchase.afterLineWrite(env, rows, vals),
      fields: reportStored(poLineFields, ['product_uom_qty', 'price_subtotal', 'price_total', 'qty_received_method', 'qty_received', 'qty_invoiced', 'qty_to_invoice', 'partner_id', 'currency_id', 'company_id', 'state']),
    },
  ];
}
