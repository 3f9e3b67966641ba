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
/** Shared empty many2many value; writes replace the array, never mutate it. */
const EMPTY_IDS: number[] = [];

const HISTORY_DAYS = 30;

/** Create and write stamps one second apart, from 30 days back, never later than an hour ago. */
function seedHistory(now: string): { stamp(): { create_uid: number; create_date: string; write_uid: number; write_date: string }; last: string } {
  const end = Date.parse(`${now.replace(' ', 'T')}Z`) - 3_600_000;
  let at = end - (HISTORY_DAYS * 24 - 1) * 3_600_000;
  const clock = {
    last: '',
    stamp() {
      at = Math.min(at + 1000, end);
      clock.last = new Date(at).toISOString().slice(0, 19).replace('T', ' ');
      return { create_uid: 1, create_date: clock.last, write_uid: 1, write_date: clock.last };
    },
  };
  return clock;
}

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
  // A real database's records were written over weeks, not all in the same second: a sync's overlap
  // window after seeding would otherwise re-list every record as recently written.
  const history = seedHistory(now);
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
  // Rows below are written as complete object literals (no spreads): V8 then allocates them
  // straight into old space, which is what keeps seeding 25 × 20,000 in seconds.
  const storableType = state.version >= 18 ? 'consu' : 'product';
  const storableFlag = state.version >= 18 ? 'is_storable' : 'detailed_type';
  const storableValue = state.version >= 18 ? true : 'product';
  const categoryId = env.ref('product.product_category_all');
  for (const sku of snapshot.skus) {
    const uom = uomFor(sku.uom);
    const template = db.insert('product.template', {
      id: 0,
      ...history.stamp(),
      name: sku.name,
      type: storableType,
      [storableFlag]: storableValue,
      uom_id: uom,
      uom_po_id: uom,
      list_price: sku.unitPrice,
      categ_id: categoryId,
      sale_ok: true,
      purchase_ok: true,
      active: true,
    });
    const product = db.insert('product.product', { id: 0, ...history.stamp(), product_tmpl_id: template.id, default_code: sku.code, active: true, standard_price: sku.unitCost });
    productIds[sku.id] = product.id;
  }

  const partnerIds = new Map<string, number>();
  const vendor = (name: string): number => {
    let id = partnerIds.get(`v:${name}`);
    if (id === undefined) {
      id = db.insert('res.partner', { ...history.stamp(), name, complete_name: name, is_company: true, active: true, supplier_rank: 1, customer_rank: 0, category_id: [], company_id: false }).id;
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
    db.insert('product.supplierinfo', { id: 0, ...history.stamp(), partner_id: partnerId, product_tmpl_id: templateId, product_id: productId, sequence, min_qty: option.minQty, price: option.unitPrice, delay: option.leadDays, currency_id: currencyId, company_id: false, product_code: false, product_name: false });
    // The vendor's order multiple: a purchase packaging of the product named after the vendor.
    if (option.multiple !== 1) db.insert('product.packaging', { ...history.stamp(), name: option.supplier, product_id: productId, qty: option.multiple, sequence, purchase: true, sales: false, company_id: false });
  }

  const tagIds = new Map<number, number>();
  for (const priority of [1, 2, 3, 4, 5]) tagIds.set(priority, boot.insert('res.partner.category', { name: `P${priority}`, color: priority, active: true, parent_id: false }).id);
  for (const customer of network.customers) {
    const id = db.insert('res.partner', { ...history.stamp(), name: customer.name, complete_name: customer.name, is_company: true, active: true, customer_rank: 1, supplier_rank: 0, category_id: [tagIds.get(customer.priority) as number], company_id: false }).id;
    partnerIds.set(`c:${customer.name}`, id);
  }

  const opSequence = sequenceByCode(env, 'stock.orderpoint');
  for (const rule of snapshot.stockRules) {
    const wh = warehouses.get(rule.nodeId) as Row;
    db.insert('stock.warehouse.orderpoint', {
      id: 0,
      ...history.stamp(),
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
    });
  }

  const quantAt = new Map<string, Row>();
  for (const position of snapshot.positions) {
    if (position.onHand === 0 && position.reserved === 0) continue;
    const wh = warehouses.get(position.nodeId) as Row;
    const quant = db.insert('stock.quant', { id: 0, ...history.stamp(), product_id: productIds[position.skuId], location_id: wh.lot_stock_id, company_id: companyId, quantity: position.onHand, reserved_quantity: position.reserved, in_date: history.last });
    quantAt.set(`${position.nodeId}|${position.skuId}`, quant);
  }

  const skuById = new Map(snapshot.skus.map((sku) => [sku.id, sku]));
  // One description string per SKU, shared by every line and move (memory at 25 × 20,000).
  const descriptions = new Map(snapshot.skus.map((sku) => [sku.id, `[${sku.code}] ${sku.name}`]));
  const describe = (skuId: string): string => descriptions.get(skuId) ?? skuId;
  const reservedFor = new Map(network.reservations.map((reservation) => [reservation.demandLineId, reservation.qty]));
  const pickingTouched: Row[] = [];

  interface PickingSeed {
    origin: unknown;
    location_id: unknown;
    location_dest_id: unknown;
    scheduled_date: string;
    partner_id?: unknown;
    sale_id?: unknown;
    purchase_id?: unknown;
    group_id?: unknown;
    state?: string;
    date_done?: string | false;
  }
  const insertPicking = (typeId: number, values: PickingSeed): Row => {
    const type = db.table('stock.picking.type').get(typeId) as Row;
    const picking = db.insert('stock.picking', {
      id: 0,
      ...history.stamp(),
      name: nextSequence(env, type.sequence_id as number),
      picking_type_id: typeId,
      company_id: companyId,
      move_type: 'direct',
      priority: '0',
      state: values.state ?? 'draft',
      is_locked: true,
      date: now,
      origin: values.origin,
      location_id: values.location_id,
      location_dest_id: values.location_dest_id,
      scheduled_date: values.scheduled_date,
      partner_id: values.partner_id ?? false,
      sale_id: values.sale_id ?? false,
      purchase_id: values.purchase_id ?? false,
      group_id: values.group_id ?? false,
      date_done: values.date_done ?? false,
    });
    pickingTouched.push(picking);
    return picking;
  };
  interface MoveSeed {
    name: string;
    product_id: unknown;
    product_uom_qty: number;
    product_uom: number;
    quantity: number;
    state: string;
    location_id: unknown;
    location_dest_id: unknown;
    date: string;
    date_deadline?: string | false;
    partner_id?: unknown;
    sale_line_id?: unknown;
    purchase_line_id?: unknown;
    group_id?: unknown;
    warehouse_id?: unknown;
    price_unit?: number;
    picked?: boolean;
    procure_method?: string;
    move_orig_ids?: number[];
    /** 18: sale and purchase moves carry their final destination (seen on a real 18). */
    final?: boolean;
  }
  const insertMove = (picking: Row, values: MoveSeed): Row =>
    db.insert('stock.move', {
      id: 0,
      ...history.stamp(),
      name: values.name,
      picking_id: picking.id,
      picking_type_id: picking.picking_type_id,
      company_id: companyId,
      sequence: 10,
      priority: '0',
      procure_method: values.procure_method ?? 'make_to_stock',
      origin: picking.origin,
      product_id: values.product_id,
      product_uom_qty: values.product_uom_qty,
      product_qty: values.product_uom_qty,
      product_uom: values.product_uom,
      quantity: values.quantity,
      picked: values.picked ?? false,
      state: values.state,
      location_id: values.location_id,
      location_dest_id: values.location_dest_id,
      location_final_id: values.final && state.version >= 18 ? values.location_dest_id : false,
      date: values.date,
      date_deadline: values.date_deadline ?? false,
      partner_id: values.partner_id ?? false,
      sale_line_id: values.sale_line_id ?? false,
      purchase_line_id: values.purchase_line_id ?? false,
      group_id: values.group_id ?? false,
      warehouse_id: values.warehouse_id ?? false,
      price_unit: values.price_unit ?? 0,
      move_orig_ids: values.move_orig_ids ?? EMPTY_IDS,
    });
  const insertMoveLine = (move: Row, locationId: number, quantity: number, picked = false): void => {
    db.insert('stock.move.line', { id: 0, ...history.stamp(), picking_id: move.picking_id, move_id: move.id, company_id: companyId, product_id: move.product_id, product_uom_id: move.product_uom, quantity, quantity_product_uom: quantity, picked, date: now, location_id: locationId, location_dest_id: move.location_dest_id });
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
    // No procurement.group per seeded order: nothing reads it, and 25 × 20,000 makes 140k of them.
    const order = db.insert('sale.order', { id: 0, ...history.stamp(), name: nextSequence(env, soSequence), state: 'sale', partner_id: partnerId, date_order: orderDate, commitment_date: due, company_id: companyId, currency_id: currencyId, warehouse_id: wh.id, picking_policy: 'direct' });
    const picking = insertPicking(wh.out_type_id as number, { origin: order.name, location_id: wh.lot_stock_id, location_dest_id: customersLocation, partner_id: partnerId, sale_id: order.id, scheduled_date: due });
    for (const line of lines) {
      const sku = skuById.get(line.skuId);
      const price = sku?.unitPrice ?? 0;
      const soLine = db.insert('sale.order.line', { id: 0, ...history.stamp(), order_id: order.id, sequence: 10, product_id: productIds[line.skuId], name: describe(line.skuId), product_uom_qty: line.qty, product_uom: uomOf(line.skuId), price_unit: price, customer_lead: 0, purchase_price: Math.round((price - line.unitMargin) * 100) / 100 });
      const reserved = reservedFor.get(line.id) ?? 0;
      const move = insertMove(picking, {
        name: describe(line.skuId),
        product_id: productIds[line.skuId],
        product_uom_qty: line.qty,
        product_uom: uomOf(line.skuId),
        quantity: reserved,
        state: reserved >= line.qty ? 'assigned' : reserved > 0 ? 'partially_available' : 'confirmed',
        location_id: wh.lot_stock_id,
        location_dest_id: customersLocation,
        date: due,
        date_deadline: due,
        partner_id: partnerId,
        sale_line_id: soLine.id,
        warehouse_id: wh.id,
        final: true,
        price_unit: Number(soLine.purchase_price),
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
    const order = db.insert('purchase.order', { id: 0, ...history.stamp(), name: nextSequence(env, poSequence), priority: '0', state: 'purchase', partner_id: partnerId, currency_id: currencyId, company_id: companyId, date_order: orderDate, date_approve: orderDate, date_planned: eta, picking_type_id: wh.in_type_id });
    const picking = insertPicking(wh.in_type_id as number, { origin: order.name, location_id: vendorsLocation, location_dest_id: wh.lot_stock_id, partner_id: partnerId, purchase_id: order.id, scheduled_date: eta });
    for (const line of lines) {
      const sku = skuById.get(line.skuId);
      const price = firstPrice.get(`${line.skuId}|${first.counterparty ?? ''}`) ?? sku?.unitCost ?? 0;
      const poLine = db.insert('purchase.order.line', { id: 0, ...history.stamp(), order_id: order.id, sequence: 10, product_id: productIds[line.skuId], name: describe(line.skuId), product_qty: line.qty, product_uom: uomOf(line.skuId), price_unit: price, date_planned: eta });
      const move = insertMove(picking, {
        name: describe(line.skuId),
        product_id: productIds[line.skuId],
        product_uom_qty: line.qty,
        product_uom: uomOf(line.skuId),
        quantity: line.qty,
        state: 'assigned',
        location_id: vendorsLocation,
        location_dest_id: wh.lot_stock_id,
        date: eta,
        date_deadline: eta,
        purchase_line_id: poLine.id,
        warehouse_id: wh.id,
        final: true,
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
    insertMove(picking, {
      name: describe(line.skuId),
      product_id: productIds[line.skuId],
      product_uom_qty: line.qty,
     
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
  const dayZeroMorning = localTimeToOdoo(options.dayZero, 6, options.tz);
  for (const line of transits) {
    const feeder = nodeByCode.get(line.counterparty ?? '');
    if (!feeder) continue;
    const source = warehouses.get(feeder.id) as Row;
    const dest = warehouses.get(line.nodeId) as Row;
    const eta = localNoon(line.eta);
    const name = describe(line.skuId);
    const group = db.insert('procurement.group', { ...history.stamp(), name: `${feeder.code}>${String(dest.code)}`, move_type: 'direct', partner_id: false, sale_id: false });
    const shipped = dayZeroMorning < eta ? dayZeroMorning : eta;
    const leg1 = insertPicking(source.out_type_id as number, { origin: group.name, location_id: source.lot_stock_id, location_dest_id: transitLocation, scheduled_date: shipped, date_done: shipped, group_id: group.id, state: 'done', partner_id: false });
    const move1 = insertMove(leg1, { name, product_id: productIds[line.skuId], product_uom_qty: line.qty, product_uom: uomOf(line.skuId), quantity: line.qty, picked: true, state: 'done', location_id: source.lot_stock_id, location_dest_id: transitLocation, date: shipped, group_id: group.id, warehouse_id: source.id });
    insertMoveLine(move1, source.lot_stock_id as number, line.qty, true);
    const receipt = insertPicking(dest.in_type_id as number, { origin: group.name, location_id: transitLocation, location_dest_id: dest.lot_stock_id, scheduled_date: eta, group_id: group.id, partner_id: false });
    const move2 = insertMove(receipt, { name, product_id: productIds[line.skuId], product_uom_qty: line.qty, product_uom: uomOf(line.skuId), quantity: line.qty, state: 'assigned', procure_method: 'make_to_order', location_id: transitLocation, location_dest_id: dest.lot_stock_id, date: eta, date_deadline: eta, group_id: group.id, warehouse_id: dest.id, move_orig_ids: [move1.id] });
    db.update('stock.move', move1, { move_dest_ids: [move2.id] });
    insertMoveLine(move2, transitLocation, line.qty);
    const key = `transit|${line.skuId}`;
    const quant = quantAt.get(key);
    if (quant) db.update('stock.quant', quant, { quantity: (Number(quant.quantity) || 0) + line.qty, reserved_quantity: (Number(quant.reserved_quantity) || 0) + line.qty });
    else quantAt.set(key, db.insert('stock.quant', { ...history.stamp(), product_id: productIds[line.skuId], location_id: transitLocation, company_id: companyId, quantity: line.qty, reserved_quantity: line.qty, in_date: shipped, inventory_quantity: 0, inventory_quantity_set: false }));
  }

  const moves = db.table('stock.move');
  for (const picking of pickingTouched) {
    if (picking.state === 'done') continue;
    const pickingMoves = [...(moves.lookup('picking_id', picking.id) ?? [])].map((id) => moves.get(id) as Row);
    db.update('stock.picking', picking, { state: computePickingState(env, picking, pickingMoves) });
  }
  return { network, warehouseIds, productIds };
}
