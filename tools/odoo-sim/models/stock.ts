import type { Env } from '../orm/env';
import type { FieldSpec, ModelSpec, OdooVersion, Row } from '../orm/model-spec';
import * as picking from '../workflows/picking';
import * as warehouse from '../workflows/warehouse';
import { active, boolean, char, date, datetime, float, integer, many2many, many2one, one2many, selection, html, text } from './field-kit';
import { nextSequence } from './base';
import { checkAccess } from '../orm/access';
import { createRecords, writeRows } from '../orm/records';

const company = (env: Env): number => env.companyId();

const MOVE_STATES = [
  ['draft', 'New'],
  ['waiting', 'Waiting Another Move'],
  ['confirmed', 'Waiting Availability'],
  ['partially_available', 'Partially Available'],
  ['assigned', 'Available'],
  ['done', 'Done'],
  ['cancel', 'Cancelled'],
] as const;

const PICKING_STATES = [
  ['draft', 'Draft'],
  ['waiting', 'Waiting Another Operation'],
  ['confirmed', 'Waiting'],
  ['assigned', 'Ready'],
  ['done', 'Done'],
  ['cancel', 'Cancelled'],
] as const;

const PRIORITIES = [['0', 'Normal'], ['1', 'Urgent']] as const;

function recordMethod(params: readonly string[], run: (env: Env, ids: number[], params: Record<string, unknown>) => unknown, defaults?: Record<string, unknown>) {
  return { kind: 'records' as const, params, ...(defaults ? { defaults } : {}), run: (env: Env, _model: string, call: { ids: number[]; params: Record<string, unknown> }) => run(env, call.ids, call.params) };
}

export function stockModels(version: OdooVersion): ModelSpec[] {
  // Locations and warehouses are not indexed on the big tables: a few values with huge buckets
  // cost memory and slow writes, while a scan of 500k rows for `location_id = X` takes milliseconds.
  const moveLocation = (string: string): FieldSpec => many2one('stock.location', string, { required: true });
  return [
    {
      name: 'stock.location',
      description: 'Inventory Locations',
      order: 'complete_name, id',
      recName: 'complete_name',
      parentName: 'location_id',
      prepareCreate: (env, vals) => warehouse.prepareLocation(env, vals),
      afterWrite: (env, rows, vals) => {
        if ('name' in vals || 'location_id' in vals) warehouse.refreshLocationNames(env);
      },
      fields: {
        name: char('Location Name', { required: true, translate: true }),
        complete_name: char('Full Location Name', { stored: true, compute: (env, row) => row.complete_name }),
        active: active(),
        usage: selection('Location Type', [['supplier', 'Vendor'], ['view', 'Virtual'], ['internal', 'Internal'], ['customer', 'Customer'], ['inventory', 'Inventory Loss'], ['production', 'Production'], ['transit', 'Transit']], { required: true, default: 'internal' }),
        location_id: many2one('stock.location', 'Parent Location', { index: true }),
        child_ids: one2many('stock.location', 'location_id', 'Contains'),
        parent_path: char('Parent Path'),
        company_id: many2one('res.company', 'Company', { default: company }),
        scrap_location: boolean('Is a Scrap Location?'),
        replenish_location: boolean('Replenish Location'),
        barcode: char('Barcode'),
        warehouse_id: many2one('stock.warehouse', 'Warehouse', { stored: true, compute: (env, row) => row.warehouse_id ?? false }),
        comment: html('Additional Information'),
      },
    },
    {
      name: 'stock.warehouse',
      description: 'Warehouse',
      order: 'sequence,id',
      prepareCreate: (env, vals) => warehouse.prepareWarehouse(env, vals),
      afterCreate: (env, row) => warehouse.createWarehouseStructure(env, row),
      fields: {
        name: char('Warehouse', { required: true }),
        active: active(),
        company_id: many2one('res.company', 'Company', { required: true, default: company }),
        partner_id: many2one('res.partner', 'Address'),
        view_location_id: many2one('stock.location', 'View Location', { required: true }),
        lot_stock_id: many2one('stock.location', 'Location Stock', { required: true }),
        code: char('Short Name', { required: true, size: 5 }),
        route_ids: many2many('stock.route', 'Routes'),
        reception_steps: selection('Incoming Shipments', [['one_step', 'Receive and Store (1 step)'], ['two_steps', 'Receive then Store (2 steps)'], ['three_steps', 'Receive, Quality Control, then Store (3 steps)']], { required: true, default: 'one_step' }),
        delivery_steps: selection('Outgoing Shipments', [['ship_only', 'Deliver (1 step)'], ['pick_ship', 'Pick then Deliver (2 steps)'], ['pick_pack_ship', 'Pick, Pack, then Deliver (3 steps)']], { required: true, default: 'ship_only' }),
        wh_input_stock_loc_id: many2one('stock.location', 'Input Location'),
        wh_qc_stock_loc_id: many2one('stock.location', 'Quality Control Location'),
        wh_output_stock_loc_id: many2one('stock.location', 'Output Location'),
        wh_pack_stock_loc_id: many2one('stock.location', 'Packing Location'),
        in_type_id: many2one('stock.picking.type', 'In Type'),
        out_type_id: many2one('stock.picking.type', 'Out Type'),
        int_type_id: many2one('stock.picking.type', 'Internal Type'),
        pick_type_id: many2one('stock.picking.type', 'Pick Type'),
        pack_type_id: many2one('stock.picking.type', 'Pack Type'),
        resupply_wh_ids: many2many('stock.warehouse', 'Resupply From'),
        resupply_route_ids: one2many('stock.route', 'supplied_wh_id', 'Resupply Routes'),
        sequence: integer('Sequence', { default: 10 }),
      },
    },
    {
      name: 'stock.picking.type',
      description: 'Picking Type',
      order: 'is_favorite desc, sequence, id',
      displayName: (env, row) => {
        const wh = env.row('stock.warehouse', row.warehouse_id as number);
        return wh ? `${String(wh.name)}: ${String(row.name)}` : String(row.name);
      },
      fields: {
        name: char('Operation Type', { required: true, translate: true }),
        color: integer('Color'),
        sequence: integer('Sequence', { default: 10 }),
        sequence_id: many2one('ir.sequence', 'Reference Sequence'),
        sequence_code: char('Sequence Prefix', { required: true }),
        default_location_src_id: many2one('stock.location', 'Default Source Location', { required: version >= 18 }),
        default_location_dest_id: many2one('stock.location', 'Default Destination Location', { required: version >= 18 }),
        code: selection('Type of Operation', [['incoming', 'Receipt'], ['outgoing', 'Delivery'], ['internal', 'Internal Transfer']], { required: true }),
        return_picking_type_id: many2one('stock.picking.type', 'Operation Type for Returns'),
        warehouse_id: many2one('stock.warehouse', 'Warehouse', { index: true }),
        active: active(),
        is_favorite: boolean('Show Operation in Overview', { reportStore: false }),
        create_backorder: selection('Create Backorder', [['ask', 'Ask'], ['always', 'Always'], ['never', 'Never']], { required: true, default: 'ask' }),
        reservation_method: selection('Reservation Method', [['at_confirm', 'At Confirmation'], ['manual', 'Manually'], ['by_date', 'Before scheduled date']], { required: true, default: 'at_confirm' }),
        show_operations: boolean('Show Detailed Operations'),
        use_create_lots: boolean('Create New Lots/Serial Numbers'),
        use_existing_lots: boolean('Use Existing Lots/Serial Numbers'),
        company_id: many2one('res.company', 'Company', { required: true, default: company }),
      },
    },
    {
      name: 'stock.lot',
      description: 'Lot/Serial',
      order: 'name, id',
      fields: { name: char('Lot/Serial Number', { required: true }), product_id: many2one('product.product', 'Product', { required: true }), company_id: many2one('res.company', 'Company') },
    },
    {
      name: 'stock.quant.package',
      description: 'Packages',
      order: 'name',
      fields: { name: char('Package Reference', { required: true }), location_id: many2one('stock.location', 'Location'), company_id: many2one('res.company', 'Company') },
    },
    {
      name: 'procurement.group',
      description: 'Procurement Group',
      order: 'id desc',
      fields: { name: char('Reference', { required: true }), move_type: selection('Delivery Type', [['direct', 'Partial'], ['one', 'All at once']], { default: 'direct' }), partner_id: many2one('res.partner', 'Partner'), sale_id: many2one('sale.order', 'Sale Order') },
    },
    {
      name: 'stock.route',
      description: 'Inventory Routes',
      order: 'sequence',
      fields: {
        name: char('Route', { required: true, translate: true }),
        active: active(),
        sequence: integer('Sequence', { default: 0 }),
        rule_ids: one2many('stock.rule', 'route_id', 'Rules'),
        product_selectable: boolean('Applicable on Product', { default: true }),
        product_categ_selectable: boolean('Applicable on Product Category'),
        warehouse_selectable: boolean('Applicable on Warehouse'),
        supplied_wh_id: many2one('stock.warehouse', 'Supplied Warehouse'),
        supplier_wh_id: many2one('stock.warehouse', 'Supplying Warehouse'),
        warehouse_ids: many2many('stock.warehouse', 'Warehouses'),
        company_id: many2one('res.company', 'Company', { default: company }),
      },
    },
    {
      name: 'stock.rule',
      description: 'Stock Rule',
      order: 'sequence, id',
      fields: {
        name: char('Name', { required: true }),
        active: active(),
        action: selection('Action', [['pull', 'Pull From'], ['push', 'Push To'], ['pull_push', 'Pull & Push'], ['buy', 'Buy']], { required: true, default: 'pull' }),
        sequence: integer('Sequence', { default: 20 }),
        company_id: many2one('res.company', 'Company', { default: company }),
        location_dest_id: many2one('stock.location', 'Destination Location', { required: true }),
        location_src_id: many2one('stock.location', 'Source Location'),
        route_id: many2one('stock.route', 'Route', { required: true, index: true }),
        procure_method: selection('Supply Method', [['make_to_stock', 'Take From Stock'], ['make_to_order', 'Trigger Another Rule'], ['mts_else_mto', 'Take From Stock, if unavailable, Trigger Another Rule']], { required: true, default: 'make_to_stock' }),
        picking_type_id: many2one('stock.picking.type', 'Operation Type', { required: true }),
        warehouse_id: many2one('stock.warehouse', 'Warehouse'),
        propagate_warehouse_id: many2one('stock.warehouse', 'Warehouse to Propagate'),
        propagate_cancel: boolean('Cancel Next Move'),
        ...(version >= 18 ? { location_dest_from_rule: boolean('Destination location origin from rule') } : {}),
      },
    },
    {
      name: 'stock.quant',
      description: 'Quants',
      order: 'id',
      recName: 'product_id',
      displayName: (env, row) => {
        const location = env.row('stock.location', row.location_id as number);
        return String(location?.complete_name ?? '');
      },
      fields: {
        product_id: many2one('product.product', 'Product', { required: true, readonly: true, index: true }),
        product_tmpl_id: many2one('product.template', 'Product Template', { related: 'product_id.product_tmpl_id' }),
        product_uom_id: many2one('uom.uom', 'Unit', { related: 'product_id.uom_id' }),
        company_id: many2one('res.company', 'Company', { stored: true, compute: (env, row) => row.company_id ?? false }),
        location_id: many2one('stock.location', 'Location', { required: true }),
        warehouse_id: many2one('stock.warehouse', 'Warehouse', { related: 'location_id.warehouse_id' }),
        lot_id: many2one('stock.lot', 'Lot/Serial Number'),
        package_id: many2one('stock.quant.package', 'Package'),
        owner_id: many2one('res.partner', 'Owner'),
        quantity: float('Quantity', { readonly: true }),
        reserved_quantity: float('Reserved Quantity', { required: true, readonly: true, default: 0 }),
        available_quantity: float('Available Quantity', { compute: (env, row) => (Number(row.quantity) || 0) - (Number(row.reserved_quantity) || 0) }),
        in_date: datetime('Incoming Date', { required: true, readonly: true, default: (env: Env) => env.now() }),
        inventory_quantity: float('Counted Quantity'),
        inventory_diff_quantity: float('Difference', {
          reportStore: true, compute: (env, row) => (row.inventory_quantity_set ? (Number(row.inventory_quantity) || 0) - (Number(row.quantity) || 0) : 0) }),
        inventory_quantity_set: boolean('Inventory Quantity Set'),
      },
      prepareCreate: (env, vals) => {
        vals.company_id = env.row('stock.location', vals.location_id as number)?.company_id ?? false;
        if (env.context.inventory_mode && vals.inventory_quantity !== undefined) vals.inventory_quantity_set = true;
      },
      methods: {
        // In inventory mode a quant for the same product and location is reused (Odoo's quant create merges).
        create: {
          kind: 'model',
          params: ['vals_list'],
          run: (env, _model, { params }) => {
            const single = !Array.isArray(params.vals_list);
            const list = (single ? [params.vals_list] : params.vals_list) as Record<string, unknown>[];
            const ids = list.map((vals) => {
              const existing = env.context.inventory_mode
                ? [...(env.db.table('stock.quant').lookup('product_id', vals.product_id) ?? [])].map((id) => env.row('stock.quant', id) as Row).find((quant) => quant.location_id === vals.location_id)
                : undefined;
              if (existing && vals.inventory_quantity !== undefined) {
                writeRows(env, 'stock.quant', [existing.id], { inventory_quantity: vals.inventory_quantity, inventory_quantity_set: true });
                return existing.id;
              }
              return createRecords(env, 'stock.quant', [vals])[0] as number;
            });
            return single ? ids[0] : ids;
          },
        },
        // Inventory adjustment: counted quantities become on hand. Returns None, like Odoo 18.
        action_apply_inventory: recordMethod([], (env, ids) => {
          checkAccess(env, 'stock.quant', 'write');
          for (const id of ids) {
            const quant = env.row('stock.quant', id);
            if (!quant || !quant.inventory_quantity_set) continue;
            env.db.update('stock.quant', quant, { quantity: Number(quant.inventory_quantity) || 0, inventory_quantity: 0, inventory_quantity_set: false, write_uid: env.uid, write_date: env.now() });
          }
          return null;
        }),
      },
    },
    {
      name: 'stock.picking',
      description: 'Transfer',
      order: 'priority desc, scheduled_date asc, id desc',
      prepareCreate: (env, vals) => picking.preparePicking(env, vals),
      afterCreate: (env, row) => picking.afterPickingCreate(env, row),
      afterWrite: (env, rows, vals) => picking.afterPickingWrite(env, rows, vals),
      beforeUnlink: (env, rows) => picking.beforePickingUnlink(env, rows),
      fields: {
        name: char('Reference', { default: '/', readonly: true, index: true }),
        origin: char('Source Document'),
        note: html('Notes'),
        backorder_id: many2one('stock.picking', 'Back Order of', { index: true }),
        backorder_ids: one2many('stock.picking', 'backorder_id', 'Back Orders'),
        move_type: selection('Shipping Policy', [['direct', 'As soon as possible'], ['one', 'When all products are ready']], { required: true, default: 'direct' }),
        state: selection('Status', PICKING_STATES, { stored: true, compute: (env, row) => row.state, readonly: true, default: 'draft' }),
        group_id: many2one('procurement.group', 'Procurement Group'),
        priority: selection('Priority', PRIORITIES, { default: '0' }),
        scheduled_date: datetime('Scheduled Date', { default: (env: Env) => env.now() }),
        date_deadline: datetime('Deadline', {
          reportStore: true,
          compute: (env, row) => {
            let best: string | false = false;
            for (const id of env.db.table('stock.move').lookup('picking_id', row.id) ?? []) {
              const deadline = env.row('stock.move', id)?.date_deadline;
              if (typeof deadline === 'string' && (best === false || deadline < best)) best = deadline;
            }
            return best;
          },
        }),
        date: datetime('Creation Date', { default: (env: Env) => env.now() }),
        date_done: datetime('Date of Transfer', { readonly: true }),
        location_id: many2one('stock.location', 'Source Location', { required: true }),
        location_dest_id: many2one('stock.location', 'Destination Location', { required: true }),
        move_ids: one2many('stock.move', 'picking_id', 'Operations'),
        move_ids_without_package: one2many('stock.move', 'picking_id', 'Stock moves not in package'),
        move_line_ids: one2many('stock.move.line', 'picking_id', 'Operations'),
        picking_type_id: many2one('stock.picking.type', 'Operation Type', { required: true }),
        picking_type_code: selection('Type of Operation', [['incoming', 'Receipt'], ['outgoing', 'Delivery'], ['internal', 'Internal Transfer']], { related: 'picking_type_id.code' }),
        partner_id: many2one('res.partner', 'Contact'),
        company_id: many2one('res.company', 'Company', { stored: true, compute: (env, row) => row.company_id ?? false, readonly: true }),
        user_id: many2one('res.users', 'Responsible', { default: (env: Env) => env.uid }),
        owner_id: many2one('res.partner', 'Assign Owner'),
        is_locked: boolean('Is Locked', { default: true }),
        sale_id: many2one('sale.order', 'Sales Order', { index: true }),
        purchase_id: many2one('purchase.order', 'Purchase Orders', { index: true, reportStore: false }),
        products_availability: char('Product Availability', {
          compute: (env, row) => {
            if (row.state === 'assigned') {
              const moves = [...(env.db.table('stock.move').lookup('picking_id', row.id) ?? [])].map((id) => env.row('stock.move', id) as Row);
              return moves.every((move) => move.state === 'assigned' || move.state === 'done' || move.state === 'cancel') ? 'Available' : 'Not Available';
            }
            return row.state === 'confirmed' || row.state === 'waiting' ? 'Not Available' : false;
          },
        }),
        products_availability_state: selection('Product Availability', [['available', 'Available'], ['expected', 'Expected'], ['late', 'Late']], { compute: (env, row) => (row.state === 'assigned' ? 'available' : false) }),
      },
      methods: {
        action_confirm: recordMethod([], (env, ids) => picking.actionConfirm(env, ids)),
        action_assign: recordMethod([], (env, ids) => picking.actionAssign(env, ids)),
        action_cancel: recordMethod([], (env, ids) => picking.actionCancel(env, ids)),
        do_unreserve: recordMethod([], (env, ids) => picking.doUnreserve(env, ids)),
        button_validate: recordMethod([], (env, ids) => picking.buttonValidate(env, ids)),
        action_toggle_is_locked: recordMethod([], (env, ids) => picking.toggleLocked(env, ids)),
      },
    },
    {
      name: 'stock.move',
      description: 'Stock Move',
      displayName: (env, row) => {
        const origin = env.row('stock.picking', row.picking_id as number)?.origin;
        const code = env.row('product.product', row.product_id as number)?.default_code;
        const from = env.row('stock.location', row.location_id as number)?.name;
        const to = env.row('stock.location', row.location_dest_id as number)?.name;
        return `${origin ? `${String(origin)}/` : ''}${code ? `${String(code)}: ` : ''}${String(from ?? '')}>${String(to ?? '')}`;
      },
      order: 'sequence, id',
      prepareCreate: (env, vals) => picking.prepareMove(env, vals),
      afterCreate: (env, row) => picking.afterMoveCreate(env, row),
      afterWrite: (env, rows, vals) => picking.afterMoveWrite(env, rows, vals),
      beforeUnlink: (env, rows) => picking.beforeMoveUnlink(env, rows),
      fields: {
        name: char('Description', { required: true }),
        sequence: integer('Sequence', { default: 10 }),
        priority: selection('Priority', PRIORITIES, { default: '0' }),
        date: datetime('Date Scheduled', { required: true, default: (env: Env) => env.now() }),
        date_deadline: datetime('Deadline', { readonly: true }),
        company_id: many2one('res.company', 'Company', { required: true, default: company }),
        product_id: many2one('product.product', 'Product', { required: true, index: true }),
        product_tmpl_id: many2one('product.template', 'Product Template', { related: 'product_id.product_tmpl_id' }),
        description_picking: text('Description of Picking'),
        product_qty: float('Real Quantity', { stored: true, compute: (env, row) => row.product_qty ?? 0 }),
        product_uom_qty: float('Demand', { required: true, default: 0 }),
        product_uom: many2one('uom.uom', 'UoM', { required: true }),
        quantity: float('Quantity', { stored: true, compute: (env, row) => row.quantity ?? 0, setter: (env, row, value) => picking.setMoveQuantity(env, row, Number(value) || 0) }),
        picked: boolean('Picked', { default: false }),
        location_id: moveLocation('Source Location'),
        location_dest_id: moveLocation(version >= 18 ? 'Intermediate Location' : 'Destination Location'),
        ...(version >= 18 ? { location_final_id: many2one('stock.location', 'Final Location') } : {}),
        location_usage: selection('Source Location Type', [['supplier', 'Vendor'], ['view', 'Virtual'], ['internal', 'Internal'], ['customer', 'Customer'], ['inventory', 'Inventory Loss'], ['production', 'Production'], ['transit', 'Transit']], { related: 'location_id.usage' }),
        location_dest_usage: selection('Destination Location Type', [['supplier', 'Vendor'], ['view', 'Virtual'], ['internal', 'Internal'], ['customer', 'Customer'], ['inventory', 'Inventory Loss'], ['production', 'Production'], ['transit', 'Transit']], { related: 'location_dest_id.usage' }),
        partner_id: many2one('res.partner', 'Destination Address '),
        move_dest_ids: many2many('stock.move', 'Destination Moves'),
        move_orig_ids: many2many('stock.move', 'Original Move'),
        picking_id: many2one('stock.picking', 'Transfer', { index: true }),
        state: selection('Status', MOVE_STATES, { readonly: true, default: 'draft' }),
        price_unit: float('Unit Price'),
        origin: char('Source Document'),
        procure_method: selection('Supply Method', [['make_to_stock', 'Default: Take From Stock'], ['make_to_order', 'Advanced: Apply Procurement Rules']], { required: true, default: 'make_to_stock' }),
        group_id: many2one('procurement.group', 'Procurement Group'),
        rule_id: many2one('stock.rule', 'Stock Rule'),
        picking_type_id: many2one('stock.picking.type', 'Operation Type', { stored: true, compute: (env, row) => row.picking_type_id ?? false }),
        warehouse_id: many2one('stock.warehouse', 'Warehouse'),
        orderpoint_id: many2one('stock.warehouse.orderpoint', 'Original Reordering Rule'),
        route_ids: many2many('stock.route', 'Destination route'),
        move_line_ids: one2many('stock.move.line', 'move_id', 'Move Lines'),
        reference: char('Reference', { reportStore: true, compute: (env, row) => String(env.row('stock.picking', row.picking_id as number)?.name ?? row.name ?? '') }),
        purchase_line_id: many2one('purchase.order.line', 'Purchase Order Line', { index: true }),
        sale_line_id: many2one('sale.order.line', 'Sale Line', { index: true }),
        created_purchase_line_ids: many2many('purchase.order.line', 'Created Purchase Order Lines'),
        scrapped: boolean('Scrapped', { related: 'location_dest_id.scrap_location', reportStore: true }),
        picking_code: selection('Type of Operation', [['incoming', 'Receipt'], ['outgoing', 'Delivery'], ['internal', 'Internal Transfer']], { related: 'picking_type_id.code' }),
        availability: float('Forecasted Quantity', { compute: (env, row) => Number(row.quantity) || 0 }),
        forecast_availability: float('Forecast Availability', { compute: (env, row) => (row.state === 'assigned' ? Number(row.product_qty) || 0 : Number(row.quantity) || 0) }),
      },
    },
    {
      name: 'stock.move.line',
      description: 'Product Moves (Stock Move Line)',
      order: 'result_package_id desc, id',
      fields: {
        picking_id: many2one('stock.picking', 'Transfer', { index: true }),
        move_id: many2one('stock.move', 'Stock Operation', { index: true }),
        company_id: many2one('res.company', 'Company', { required: true, default: company }),
        product_id: many2one('product.product', 'Product', { index: true }),
        product_uom_id: many2one('uom.uom', 'Unit of Measure', { required: true }),
        quantity: float('Quantity'),
        quantity_product_uom: float('Quantity in Product UoM', { stored: true, compute: (env, row) => row.quantity ?? 0 }),
        picked: boolean('Picked'),
        package_id: many2one('stock.quant.package', 'Source Package'),
        result_package_id: many2one('stock.quant.package', 'Destination Package'),
        lot_id: many2one('stock.lot', 'Lot/Serial Number'),
        lot_name: char('Lot/Serial Number Name'),
        owner_id: many2one('res.partner', 'From Owner'),
        date: datetime('Date', { required: true, default: (env: Env) => env.now() }),
        location_id: many2one('stock.location', 'From', { required: true }),
        location_dest_id: many2one('stock.location', 'To', { required: true }),
        state: selection('Status', MOVE_STATES, { related: 'move_id.state', reportStore: true }),
        reference: char('Reference', { related: 'move_id.reference', reportStore: true }),
        origin: char('Source', { related: 'move_id.origin' }),
      },
    },
    {
      name: 'stock.warehouse.orderpoint',
      description: 'Minimum Inventory Rule',
      order: 'location_id,company_id,id',
      prepareCreate: (env, vals) => warehouse.prepareOrderpoint(env, vals),
      check: (env, row) => warehouse.checkOrderpoint(env, row),
      fields: {
        name: char('Name', { required: true }),
        trigger: selection('Trigger', [['auto', 'Auto'], ['manual', 'Manual']], { required: true, default: 'auto' }),
        active: active(),
        snoozed_until: date('Snoozed'),
        warehouse_id: many2one('stock.warehouse', 'Warehouse', { required: true }),
        location_id: many2one('stock.location', 'Location', { required: true }),
        product_id: many2one('product.product', 'Product', { required: true, index: true }),
        product_tmpl_id: many2one('product.template', 'Product Template', { related: 'product_id.product_tmpl_id' }),
        product_uom: many2one('uom.uom', 'Unit of Measure', { related: 'product_id.uom_id' }),
        product_min_qty: float('Min Quantity', { required: true, default: 0 }),
        product_max_qty: float('Max Quantity', { required: true, default: 0 }),
        qty_multiple: float('Multiple Quantity', { required: true, default: 1 }),
        group_id: many2one('procurement.group', 'Procurement Group'),
        company_id: many2one('res.company', 'Company', { required: true, default: company }),
        route_id: many2one('stock.route', 'Route'),
        supplier_id: many2one('product.supplierinfo', 'Product Supplier'),
        qty_on_hand: float('On Hand', { compute: (env, row) => warehouse.orderpointQuantities(env, row).onHand }),
        qty_forecast: float('Forecast', { compute: (env, row) => warehouse.orderpointQuantities(env, row).forecast }),
        lead_days_date: date('Lead Days Date', { compute: () => false }),
        ...(version >= 18
          ? {
              qty_to_order: float('To Order', {
                compute: (env: Env, row: Row) => (Number(row.qty_to_order_manual) || 0) || warehouse.orderpointQuantities(env, row).toOrder,
                setter: (env: Env, row: Row, value: unknown) => env.db.update('stock.warehouse.orderpoint', row, { qty_to_order_manual: Number(value) || 0 }),
              }),
              qty_to_order_manual: float('To Order Manual'),
              qty_to_order_computed: float('To Order Computed', { compute: (env: Env, row: Row) => warehouse.orderpointQuantities(env, row).toOrder }),
            }
          : { qty_to_order: float('To Order', { stored: true, compute: (env: Env, row: Row) => row.qty_to_order ?? 0 }) }),
      },
    },
    {
      name: 'stock.backorder.confirmation',
      description: 'Backorder Confirmation',
      transient: true,
      afterCreate: (env, row) => {
        // default_get fills one line per picking (to_backorder = True) when the caller sends none.
        const table = env.db.table('stock.backorder.confirmation.line');
        if ((table.lookup('backorder_confirmation_id', row.id) ?? []).length > 0) return;
        for (const pickingId of (row.pick_ids as number[] | undefined) ?? []) {
          env.db.insert('stock.backorder.confirmation.line', { backorder_confirmation_id: row.id, picking_id: pickingId, to_backorder: true, create_uid: env.uid, create_date: env.now(), write_uid: env.uid, write_date: env.now() });
        }
      },
      fields: {
        pick_ids: many2many('stock.picking', 'Pick'),
        show_transfers: boolean('Show Transfers'),
        backorder_confirmation_line_ids: one2many('stock.backorder.confirmation.line', 'backorder_confirmation_id', 'Backorder Confirmation Lines'),
      },
      methods: {
        process: recordMethod([], (env, ids) => picking.processBackorderWizard(env, ids, false)),
        process_cancel_backorder: recordMethod([], (env, ids) => picking.processBackorderWizard(env, ids, true)),
      },
    },
    {
      name: 'stock.backorder.confirmation.line',
      description: 'Backorder Confirmation Line',
      transient: true,
      fields: {
        backorder_confirmation_id: many2one('stock.backorder.confirmation', 'Immediate Transfer', { index: true }),
        picking_id: many2one('stock.picking', 'Transfer'),
        to_backorder: boolean('To Backorder'),
      },
    },
  ];
}

export { nextSequence };
