import { type DemoNetwork, generateDemoNetwork } from '../../../shared/demo';
import type { DemandLine, SupplyLine } from '../../../shared/domain';
import type { OdooState } from '../orm/env';
import type { Row } from '../orm/model-spec';
import { createRecords } from '../orm/records';
import { nextSequence, sequenceByCode } from '../models/base';
import { computePickingState } from '../workflows/picking';
import { adminEnv, type Bootstrapper } from './bootstrap';
import { localTimeToOdoo } from './local-time';

export interface DemoSeedOptions {
  seed: number;
  nodes: number;
  skus: number;
  dayZero: string;
  takenAt: string;
  tz: string;
}

/** What the seeding produced, so tests and the CLI can relate Odoo ids back to the network. */
export interface DemoSeedResult {
  network: DemoNetwork;
  warehouseIds: Record<string, number>;
  productIds: Record<string, number>;
}

const LOCAL_HOUR = 12;

/**
 * Fills the stand-in with the demo network the app shows in demo mode: warehouses per node,
 * products per SKU, vendors and their price lists, reordering rules, quants, confirmed sale
 * orders with deliveries, confirmed purchase orders with receipts, internal transfers and
 * two-step resupplies whose first leg has shipped. Rows are inserted directly (not through the
 * ORM) because 25 × 20,000 must load in seconds; each one carries what Odoo's create would set.
 */
export function seedDemoNetwork(state: OdooState, boot: Bootstrapper, options: DemoSeedOptions): DemoSeedResult {
  const network = generateDemoNetwork({ seed: options.seed, nodes: options.nodes, skus: options.skus, dayZero: options.dayZero, takenAt: options.takenAt });
  const { snapshot } = network;
  const env = adminEnv(state);
  const db = state.db;
  const companyId = env.ref('base.main_company');
  const currencyId = env.ref('base.EUR');
  const vendorsLocation = env.ref('stock.stock_location_suppliers');
  const customersLocation = env.ref('stock.stock_location_customers');
  const transitLocation = env.ref('stock.stock_location_company_transit');
  const now = db.now();
  const stamp = { create_uid: 1, create_date: now, write_uid: 1, write_date: now };
  const at = (date: string): string => localTimeToOdoo(date, LOCAL_HOUR, options.tz);
  const dateCache = new Map<string, string>();
  const localNoon = (date: string): string => {
    let value = dateCache.get(date);
    if (value === undefined) dateCache.set(date, (value = at(date)));
    return value;
  };
  const orderDate = localTimeToOdoo(options.dayZero, 8, options.tz);

  // Warehouses through the ORM: locations, picking types and sequences come with them.
  const warehouseIds: Record<string, number> = {};
  const warehouses = new Map<string, Row>();
  for (const node of snapshot.nodes) {
    const [id] = createRecords(env, 'stock.warehouse', [{ name: node.name, code: node.code, company_id: companyId, partner_id: env.ref('base.main_partner') }]);
    warehouseIds[node.id] = id as number;
    warehouses.set(node.id, db.table('stock.warehouse').get(id as number) as Row);
  }

  // Units of measure named like the generator's.
  const uomIds = new Map<string, number>([['Units', env.ref('uom.product_uom_unit')], ['kg', env.ref('uom.product_uom_kgm')], ['m', env.ref('uom.product_uom_meter')]]);
  const uomFor = (name: string): number => {
    let id = uomIds.get(name);
    if (id === undefined) {
      id = boot.insert('uom.uom', { name, category_id: env.ref('uom.product_uom_categ_unit'), factor: 1, rounding: 0.01, uom_type: 'bigger', active: true }).id;
      uomIds.set(name, id);
    }
    return id;
  };

  const productIds: Record<string, number> = {};
  const categoryId = env.ref('product.product_category_all');
  for (const sku of snapshot.skus) {
    const uom = uomFor(sku.uom);
    const template = db.insert('product.template', {
      ...stamp,
      name: sku.name,
      ...(state.version >= 18 ? { type: 'consu', is_storable: true } : { type: 'product', detailed_type: 'product' }),
      uom_id: uom,
      uom_po_id: uom,
      list_price: sku.unitPrice,
      categ_id: categoryId,
      sale_ok: true,
      purchase_ok: true,
      active: true,
      company_id: false,
    });
    const product = db.insert('product.product', { ...stamp, product_tmpl_id: template.id, default_code: sku.code, active: true, standard_price: sku.unitCost, barcode: false });
    productIds[sku.id] = product.id;
  }

  const partnerIds = new Map<string, number>();
  const vendor = (name: string): number => {
    let id = partnerIds.get(`v:${name}`);
    if (id === undefined) {
      id = db.insert('res.partner', { ...stamp, name, complete_name: name, is_company: true, active: true, supplier_rank: 1, customer_rank: 0, category_id: [], company_id: false }).id;
      partnerIds.set(`v:${name}`, id);
    }
    return id;
  };
  for (const name of network.suppliers) vendor(name);

  const optionIndex = new Map<string, number>();
  const firstPrice = new Map<string, number>();
  for (const option of snapshot.supplierOptions) {
    const productId = productIds[option.skuId] as number;
    const templateId = db.table('product.product').get(productId)?.product_tmpl_id;
    const sequence = (optionIndex.get(option.skuId) ?? 0) + 1;
    optionIndex.set(option.skuId, sequence);
    const partnerId = vendor(option.supplier);
    if (!firstPrice.has(`${option.skuId}|${option.supplier}`)) firstPrice.set(`${option.skuId}|${option.supplier}`, option.unitPrice);
    db.insert('product.supplierinfo', { ...stamp, partner_id: partnerId, product_tmpl_id: templateId, product_id: productId, sequence, min_qty: option.minQty, price: option.unitPrice, delay: option.leadDays, currency_id: currencyId, company_id: false, product_code: false, product_name: false });
    // The vendor's order multiple: a purchase packaging of the product named after the vendor.
    if (option.multiple !== 1) db.insert('product.packaging', { ...stamp, name: option.supplier, product_id: productId, qty: option.multiple, sequence, purchase: true, sales: false, company_id: false });
  }

  const tagIds = new Map<number, number>();
  for (const priority of [1, 2, 3, 4, 5]) tagIds.set(priority, boot.insert('res.partner.category', { name: `P${priority}`, color: priority, active: true, parent_id: false }).id);
  for (const customer of network.customers) {
    const id = db.insert('res.partner', { ...stamp, name: customer.name, complete_name: customer.name, is_company: true, active: true, customer_rank: 1, supplier_rank: 0, category_id: [tagIds.get(customer.priority) as number], company_id: false }).id;
    partnerIds.set(`c:${customer.name}`, id);
  }

  const opSequence = sequenceByCode(env, 'stock.orderpoint');
  for (const rule of snapshot.stockRules) {
    const wh = warehouses.get(rule.nodeId) as Row;
    db.insert('stock.warehouse.orderpoint', {
      ...stamp,
      name: nextSequence(env, opSequence),
      trigger: 'auto',
      active: true,
      warehouse_id: wh.id,
      location_id: wh.lot_stock_id,
      product_id: productIds[rule.skuId],
      product_min_qty: rule.min,
      product_max_qty: rule.max,
      qty_multiple: rule.multiple,
      company_id: companyId,
      route_id: false,
      ...(state.version >= 18 ? { qty_to_order_manual: 0 } : { qty_to_order: 0 }),
    });
  }

  const quantAt = new Map<string, Row>();
  for (const position of snapshot.positions) {
    if (position.onHand === 0 && position.reserved === 0) continue;
    const wh = warehouses.get(position.nodeId) as Row;
    const quant = db.insert('stock.quant', { ...stamp, product_id: productIds[position.skuId], location_id: wh.lot_stock_id, company_id: companyId, quantity: position.onHand, reserved_quantity: position.reserved, in_date: now, inventory_quantity: 0, inventory_quantity_set: false });
    quantAt.set(`${position.nodeId}|${position.skuId}`, quant);
  }

  const skuById = new Map(snapshot.skus.map((sku) => [sku.id, sku]));
  const reservedFor = new Map(network.reservations.map((reservation) => [reservation.demandLineId, reservation.qty]));
  const pickingTouched: Row[] = [];

  const insertPicking = (typeId: number, values: Record<string, unknown>): Row => {
    const type = db.table('stock.picking.type').get(typeId) as Row;
    const picking = db.insert('stock.picking', {
      ...stamp,
      name: nextSequence(env, type.sequence_id as number),
      picking_type_id: typeId,
      company_id: companyId,
      move_type: 'direct',
      priority: '0',
      state: 'draft',
      is_locked: true,
      user_id: false,
      date: now,
      ...values,
    });
    pickingTouched.push(picking);
    return picking;
  };
  const insertMove = (picking: Row, values: Record<string, unknown>): Row =>
    db.insert('stock.move', {
      ...stamp,
      picking_id: picking.id,
      picking_type_id: picking.picking_type_id,
      company_id: companyId,
      sequence: 10,
      priority: '0',
      procure_method: 'make_to_stock',
      picked: false,
      origin: picking.origin,
      move_orig_ids: [],
      move_dest_ids: [],
      route_ids: [],
      created_purchase_line_ids: [],
      ...values,
    });
  const insertMoveLine = (move: Row, locationId: number, quantity: number, picked = false): void => {
    db.insert('stock.move.line', { ...stamp, picking_id: move.picking_id, move_id: move.id, company_id: companyId, product_id: move.product_id, product_uom_id: move.product_uom, quantity, quantity_product_uom: quantity, picked, date: now, location_id: locationId, location_dest_id: move.location_dest_id });
  };
  const uomOf = (skuId: string): number => uomIds.get(skuById.get(skuId)?.uom ?? 'Units') ?? (env.ref('uom.product_uom_unit'));

  // Customer demand: one confirmed sale order per customer, node and due date, each with its delivery.
  const transferDemand: DemandLine[] = [];
  const saleGroups = new Map<string, DemandLine[]>();
  for (const line of snapshot.demand) {
    if (line.customer.startsWith('Transfer to ')) {
      transferDemand.push(line);
      continue;
    }
    const key = `${line.customer}|${line.nodeId}|${line.dueDate}`;
    const group = saleGroups.get(key);
    if (group) group.push(line);
    else saleGroups.set(key, [line]);
  }
  const soSequence = sequenceByCode(env, 'sale.order');
  for (const lines of saleGroups.values()) {
    const first = lines[0] as DemandLine;
    const wh = warehouses.get(first.nodeId) as Row;
    const partnerId = partnerIds.get(`c:${first.customer}`) as number;
    const due = localNoon(first.dueDate);
    const order = db.insert('sale.order', { ...stamp, name: nextSequence(env, soSequence), state: 'sale', locked: false, partner_id: partnerId, date_order: orderDate, commitment_date: due, company_id: companyId, currency_id: currencyId, user_id: false, warehouse_id: wh.id, picking_policy: 'direct', client_order_ref: false, origin: false });
    const group = db.insert('procurement.group', { ...stamp, name: order.name, move_type: 'direct', partner_id: partnerId, sale_id: order.id });
    db.update('sale.order', order, { procurement_group_id: group.id });
    const picking = insertPicking(wh.out_type_id as number, { origin: order.name, location_id: wh.lot_stock_id, location_dest_id: customersLocation, partner_id: partnerId, sale_id: order.id, group_id: group.id, scheduled_date: due });
    for (const line of lines) {
      const sku = skuById.get(line.skuId);
      const price = sku?.unitPrice ?? 0;
      const soLine = db.insert('sale.order.line', { ...stamp, order_id: order.id, sequence: 10, product_id: productIds[line.skuId], name: `[${sku?.code ?? ''}] ${sku?.name ?? ''}`, product_uom_qty: line.qty, product_uom: uomOf(line.skuId), price_unit: price, discount: 0, customer_lead: 0, purchase_price: Math.round((price - line.unitMargin) * 100) / 100 });
      const reserved = reservedFor.get(line.id) ?? 0;
      const move = insertMove(picking, {
        name: soLine.name,
        product_id: productIds[line.skuId],
        product_uom_qty: line.qty,
        product_qty: line.qty,
        product_uom: uomOf(line.skuId),
        quantity: reserved,
        state: reserved >= line.qty ? 'assigned' : reserved > 0 ? 'partially_available' : 'confirmed',
        location_id: wh.lot_stock_id,
        location_dest_id: customersLocation,
        date: due,
        date_deadline: due,
        partner_id: partnerId,
        sale_line_id: soLine.id,
        group_id: group.id,
        warehouse_id: wh.id,
        price_unit: soLine.purchase_price,
      });
      if (reserved > 0) insertMoveLine(move, wh.lot_stock_id as number, reserved);
    }
  }

  // Purchases: one confirmed PO per vendor, node and ETA, with its receipt (ready at once: vendor source).
  const poSequence = sequenceByCode(env, 'purchase.order');
  const purchaseGroups = new Map<string, SupplyLine[]>();
  const transfers: SupplyLine[] = [];
  const transits: SupplyLine[] = [];
  for (const line of snapshot.supply) {
    if (line.kind === 'transfer-in') transfers.push(line);
    else if (line.kind === 'transit') transits.push(line);
    else {
      const key = `${line.counterparty ?? ''}|${line.nodeId}|${line.eta}`;
      const group = purchaseGroups.get(key);
      if (group) group.push(line);
      else purchaseGroups.set(key, [line]);
    }
  }
  for (const lines of purchaseGroups.values()) {
    const first = lines[0] as SupplyLine;
    const wh = warehouses.get(first.nodeId) as Row;
    const partnerId = vendor(first.counterparty ?? 'Vendor');
    const eta = localNoon(first.eta);
    const order = db.insert('purchase.order', { ...stamp, name: nextSequence(env, poSequence), priority: '0', state: 'purchase', partner_id: partnerId, currency_id: currencyId, company_id: companyId, date_order: orderDate, date_approve: orderDate, date_planned: eta, picking_type_id: wh.in_type_id, user_id: false, origin: false, partner_ref: false });
    const group = db.insert('procurement.group', { ...stamp, name: order.name, move_type: 'direct', partner_id: partnerId, sale_id: false });
    db.update('purchase.order', order, { group_id: group.id });
    const picking = insertPicking(wh.in_type_id as number, { origin: order.name, location_id: vendorsLocation, location_dest_id: wh.lot_stock_id, partner_id: partnerId, purchase_id: order.id, group_id: group.id, scheduled_date: eta });
    for (const line of lines) {
      const sku = skuById.get(line.skuId);
      const price = firstPrice.get(`${line.skuId}|${first.counterparty ?? ''}`) ?? sku?.unitCost ?? 0;
      const poLine = db.insert('purchase.order.line', { ...stamp, order_id: order.id, sequence: 10, product_id: productIds[line.skuId], name: `[${sku?.code ?? ''}] ${sku?.name ?? ''}`, product_qty: line.qty, product_uom: uomOf(line.skuId), price_unit: price, discount: 0, date_planned: eta });
      const move = insertMove(picking, {
        name: poLine.name,
        product_id: productIds[line.skuId],
        product_uom_qty: line.qty,
        product_qty: line.qty,
        product_uom: uomOf(line.skuId),
        quantity: line.qty,
        state: 'assigned',
        location_id: vendorsLocation,
        location_dest_id: wh.lot_stock_id,
        date: eta,
        date_deadline: eta,
        purchase_line_id: poLine.id,
        group_id: group.id,
        warehouse_id: wh.id,
        price_unit: price,
      });
      insertMoveLine(move, vendorsLocation, line.qty);
    }
  }

  // Inter-warehouse transfers not yet shipped: one internal picking, feeder stock → node stock.
  const pendingDemand = new Map<string, DemandLine[]>();
  for (const line of transferDemand) {
    const key = `${line.nodeId}|${line.customer.slice('Transfer to '.length)}|${line.skuId}|${line.qty}`;
    const list = pendingDemand.get(key);
    if (list) list.push(line);
    else pendingDemand.set(key, [line]);
  }
  const nodeByCode = new Map(snapshot.nodes.map((node) => [node.code, node]));
  for (const line of transfers) {
    const feeder = nodeByCode.get(line.counterparty ?? '');
    const node = snapshot.nodes.find((candidate) => candidate.id === line.nodeId);
    if (!feeder || !node) continue;
    const demand = pendingDemand.get(`${feeder.id}|${node.code}|${line.skuId}|${line.qty}`)?.shift();
    const source = warehouses.get(feeder.id) as Row;
    const dest = warehouses.get(node.id) as Row;
    const ship = localNoon(demand?.dueDate ?? line.eta);
    const eta = localNoon(line.eta);
    const picking = insertPicking(source.int_type_id as number, { origin: `${feeder.code}>${node.code}`, location_id: source.lot_stock_id, location_dest_id: dest.lot_stock_id, scheduled_date: ship, partner_id: false });
    const sku = skuById.get(line.skuId);
    insertMove(picking, {
      name: `[${sku?.code ?? ''}] ${sku?.name ?? ''}`,
      product_id: productIds[line.skuId],
      product_uom_qty: line.qty,
      product_qty: line.qty,
      product_uom: uomOf(line.skuId),
      quantity: 0,
      state: 'confirmed',
      location_id: source.lot_stock_id,
      location_dest_id: dest.lot_stock_id,
      date: ship,
      date_deadline: eta,
      // Odoo leaves warehouse_id unset on internal moves (seen on 18).
      warehouse_id: false,
    });
  }

  // Resupplies in transit: the first leg (feeder → company transit) is done; the receipt at the node is open.
  if (transits.length > 0) {
    const transit = db.table('stock.location').get(transitLocation) as Row;
    db.update('stock.location', transit, { active: true });
  }
  for (const line of transits) {
    const feeder = nodeByCode.get(line.counterparty ?? '');
    if (!feeder) continue;
    const source = warehouses.get(feeder.id) as Row;
    const dest = warehouses.get(line.nodeId) as Row;
    const sku = skuById.get(line.skuId);
    const eta = localNoon(line.eta);
    const name = `[${sku?.code ?? ''}] ${sku?.name ?? ''}`;
    const group = db.insert('procurement.group', { ...stamp, name: `${feeder.code}>${String(dest.code)}`, move_type: 'direct', partner_id: false, sale_id: false });
    const shipped = localTimeToOdoo(options.dayZero, 6, options.tz) < eta ? localTimeToOdoo(options.dayZero, 6, options.tz) : eta;
    const leg1 = insertPicking(source.out_type_id as number, { origin: group.name, location_id: source.lot_stock_id, location_dest_id: transitLocation, scheduled_date: shipped, date_done: shipped, group_id: group.id, state: 'done', partner_id: false });
    const move1 = insertMove(leg1, { name, product_id: productIds[line.skuId], product_uom_qty: line.qty, product_qty: line.qty, product_uom: uomOf(line.skuId), quantity: line.qty, picked: true, state: 'done', location_id: source.lot_stock_id, location_dest_id: transitLocation, date: shipped, group_id: group.id, warehouse_id: source.id });
    insertMoveLine(move1, source.lot_stock_id as number, line.qty, true);
    const receipt = insertPicking(dest.in_type_id as number, { origin: group.name, location_id: transitLocation, location_dest_id: dest.lot_stock_id, scheduled_date: eta, group_id: group.id, partner_id: false });
    const move2 = insertMove(receipt, { name, product_id: productIds[line.skuId], product_uom_qty: line.qty, product_qty: line.qty, product_uom: uomOf(line.skuId), quantity: line.qty, state: 'assigned', procure_method: 'make_to_order', location_id: transitLocation, location_dest_id: dest.lot_stock_id, date: eta, date_deadline: eta, group_id: group.id, warehouse_id: dest.id, move_orig_ids: [move1.id] });
    db.update('stock.move', move1, { move_dest_ids: [move2.id] });
    insertMoveLine(move2, transitLocation, line.qty);
    const key = `transit|${line.skuId}`;
    const quant = quantAt.get(key);
    if (quant) db.update('stock.quant', quant, { quantity: (Number(quant.quantity) || 0) + line.qty, reserved_quantity: (Number(quant.reserved_quantity) || 0) + line.qty });
    else quantAt.set(key, db.insert('stock.quant', { ...stamp, product_id: productIds[line.skuId], location_id: transitLocation, company_id: companyId, quantity: line.qty, reserved_quantity: line.qty, in_date: shipped, inventory_quantity: 0, inventory_quantity_set: false }));
  }

  const moves = db.table('stock.move');
  for (const picking of pickingTouched) {
    if (picking.state === 'done') continue;
    const pickingMoves = [...(moves.lookup('picking_id', picking.id) ?? [])].map((id) => moves.get(id) as Row);
    db.update('stock.picking', picking, { state: computePickingState(env, picking, pickingMoves) });
  }
  return { network, warehouseIds, productIds };
}
