import {
  addDays,
  DEFAULT_HORIZON_DAYS,
  localDateOf,
  type DataKind,
  type DemandLine,
  type Freshness,
  type NetworkSnapshot,
  type Node,
  type RegionProfile,
  type Sku,
  type StockPosition,
  type StockRule,
  type SupplierOption,
  type SupplyLine,
} from '../../../shared/domain';
import type { OdooStaging, StagedRecord, SyncCursor } from '../store';
import { PULL_SPECS } from './pull-specs';

export interface AssembledNetwork {
  snapshot: NetworkSnapshot;
  /** What could not be placed, in words: profile nodes missing in Odoo, rows naming unknown records. */
  problems: string[];
  /** Odoo product id → SKU id, and warehouse id → node id, for reconciliation. */
  skuOfProduct: Map<number, string>;
  nodeOfWarehouse: Map<number, string>;
}

type Cell = StagedRecord[string] | undefined;
const num = (value: Cell): number => (typeof value === 'number' ? value : Number(value ?? 0));
const int = (value: Cell): number | null => (value === null || value === undefined ? null : Number(value));
const str = (value: Cell): string | null => (value === null || value === undefined ? null : String(value));

/** Odoo datetimes are UTC without a zone; planning works in local days of the region. */
export function odooDateToLocal(value: string, timeZone: string): string {
  const instant = value.length <= 10 ? new Date(`${value}T12:00:00Z`) : new Date(`${value.replace(' ', 'T')}Z`);
  return localDateOf(instant, timeZone);
}

const PRIORITY_TAG = /^P([1-5])$/i;

/** Nodes, SKUs and supplier options: what every stock, rule and flow row is placed against. */
export interface NetworkMasters {
  nodes: Node[];
  skus: Sku[];
  supplierOptions: SupplierOption[];
  /** Profile nodes matched to a warehouse. */
  matched: Set<string>;
  problems: string[];
  nodeOfWarehouse: Map<number, string>;
  nodeOfLocation: Map<number, string>;
  transitLocations: Set<number>;
  skuOfProduct: Map<number, string>;
  costOfProduct: Map<number, number>;
  transitDays: Map<string, number>;
  timeZone: string;
}

/** Where stock sits: nodes (warehouses the profile plans), their locations, transit, lanes' transit days. */
export type NetworkPlaces = Pick<NetworkMasters, 'nodes' | 'matched' | 'problems' | 'nodeOfWarehouse' | 'nodeOfLocation' | 'transitLocations' | 'transitDays' | 'timeZone'>;

export function readPlaces(staging: OdooStaging, profile: RegionProfile): NetworkPlaces {
  const problems: string[] = [];

  // Nodes: the profile's nodes matched to warehouses by code; a demo region takes every warehouse.
  const profileByCode = new Map(profile.nodes.map((node) => [node.odooWarehouseCode ?? node.code, node]));
  const nodes: Node[] = [];
  const nodeOfWarehouse = new Map<number, string>();
  for (const warehouse of staging.rows('stock.warehouse')) {
    const code = String(warehouse.code);
    const known = profileByCode.get(code);
    if (!known && !profile.demo) continue;
    const id = known?.code ?? code;
    nodes.push({ id, code: id, name: known?.name ?? String(warehouse.name), area: known?.area ?? 'Odoo', kind: known?.kind ?? 'regional-warehouse', odooWarehouseId: Number(warehouse.id) });
    nodeOfWarehouse.set(Number(warehouse.id), id);
  }
  const matched = new Set(nodes.map((node) => node.id));
  for (const node of profile.nodes) {
    if (!matched.has(node.code) && !profile.demo) problems.push(`Node ${node.code} (${node.name}) has no warehouse with code ${node.odooWarehouseCode ?? node.code} in Odoo.`);
  }

  const nodeOfLocation = new Map<number, string>();
  const transitLocations = new Set<number>();
  for (const location of staging.rows('stock.location')) {
    if (location.usage === 'transit') transitLocations.add(Number(location.id));
    const warehouse = int(location.warehouse_id);
    const node = warehouse === null ? undefined : nodeOfWarehouse.get(warehouse);
    if (location.usage === 'internal' && node) nodeOfLocation.set(Number(location.id), node);
  }
  const transitDays = new Map(profile.lanes.map((lane) => [`${lane.from}>${lane.to}`, lane.transitDays]));
  return { nodes, matched, problems, nodeOfWarehouse, nodeOfLocation, transitLocations, transitDays, timeZone: profile.timeZone };
}

/** The lanes the profile draws between matched nodes. */
export function lanesOf(profile: RegionProfile, places: NetworkPlaces): NetworkSnapshot['lanes'] {
  return profile.lanes
    .filter((lane) => places.matched.has(lane.from) && places.matched.has(lane.to))
    .map((lane) => ({ fromNodeId: lane.from, toNodeId: lane.to, transitDays: lane.transitDays, costPerUnit: lane.costPerUnit, dailyCapacity: lane.dailyCapacity ?? null }));
}

export function readMasters(staging: OdooStaging, profile: RegionProfile): NetworkMasters {
  const places = readPlaces(staging, profile);
  const skus: Sku[] = [];
  const skuOfProduct = new Map<number, string>();
  const costOfProduct = new Map<number, number>();
  const productsOfTemplate = new Map<number, number[]>();
  const usedSkuIds = new Set<string>();
  for (const product of staging.rows('product.product')) {
    const productId = Number(product.id);
    const code = str(product.default_code);
    let id = code ?? `P${productId}`;
    if (usedSkuIds.has(id)) id = `${id}#${productId}`;
    usedSkuIds.add(id);
    skus.push({
      id,
      code: code ?? `P${productId}`,
      name: String(product.name),
      uom: str(product.uom) ?? 'Units',
      unitCost: Math.max(0, num(product.standard_price)),
      unitPrice: Math.max(0, num(product.list_price)),
      abcClass: null,
      odooProductId: productId,
    });
    skuOfProduct.set(productId, id);
    costOfProduct.set(productId, num(product.standard_price));
    const template = int(product.tmpl_id);
    if (template !== null) productsOfTemplate.set(template, [...(productsOfTemplate.get(template) ?? []), productId]);
  }

  // Odoo has no "order multiple" on a vendor price: a product packaging named after the vendor carries it.
  const multipleOf = new Map<string, number>();
  for (const packaging of staging.rows('product.packaging')) {
    if (packaging.product_id !== null && num(packaging.qty) > 0) multipleOf.set(`${Number(packaging.product_id)}|${String(packaging.name)}`, num(packaging.qty));
  }
  const supplierOptions: SupplierOption[] = [];
  for (const info of staging.rows('product.supplierinfo')) {
    const product = int(info.product_id);
    const template = int(info.tmpl_id);
    const products = product !== null ? [product] : template !== null ? (productsOfTemplate.get(template) ?? []) : [];
    for (const productId of products) {
      const sku = skuOfProduct.get(productId);
      if (!sku) continue;
      const vendor = String(info.partner_name);
      supplierOptions.push({
        id: product !== null ? `si:${Number(info.id)}` : `si:${Number(info.id)}:${productId}`,
        skuId: sku,
        supplier: vendor,
        odooPartnerId: int(info.partner_id),
        leadDays: Math.max(0, Math.round(num(info.delay))),
        minQty: Math.max(0, num(info.min_qty)),
        multiple: multipleOf.get(`${productId}|${vendor}`) ?? 1,
        unitPrice: Math.max(0, num(info.price)),
      });
    }
  }

  return { ...places, skus, supplierOptions, skuOfProduct, costOfProduct };
}

/** The node × SKU a staged quant counts towards, or null when it is outside the planned network. */
export function placeOfQuant(quant: StagedRecord, masters: NetworkMasters): { nodeId: string; skuId: string } | null {
  const node = masters.nodeOfLocation.get(Number(quant.location_id));
  const sku = masters.skuOfProduct.get(Number(quant.product_id));
  return node && sku ? { nodeId: node, skuId: sku } : null;
}

/** Adds staged quants up per node × SKU, in the order given (id order, so sums are the same however they are reached). */
export function positionsFromQuants(quants: Iterable<StagedRecord>, masters: NetworkMasters): Map<string, StockPosition> {
  const positionsByKey = new Map<string, StockPosition>();
  for (const quant of quants) {
    const place = placeOfQuant(quant, masters);
    if (!place) continue;
    const key = `${place.nodeId}|${place.skuId}`;
    const position = positionsByKey.get(key) ?? { nodeId: place.nodeId, skuId: place.skuId, onHand: 0, reserved: 0 };
    position.onHand += num(quant.quantity);
    position.reserved += num(quant.reserved);
    positionsByKey.set(key, position);
  }
  return positionsByKey;
}

export function ruleOfOrderpoint(point: StagedRecord, masters: NetworkMasters): StockRule | null {
  const warehouse = int(point.warehouse_id);
  const node = (warehouse === null ? undefined : masters.nodeOfWarehouse.get(warehouse)) ?? masters.nodeOfLocation.get(Number(point.location_id));
  const sku = masters.skuOfProduct.get(Number(point.product_id));
  if (!node || !sku) return null;
  const min = Math.max(0, num(point.min_qty));
  return { nodeId: node, skuId: sku, min, max: Math.max(min, num(point.max_qty)), multiple: num(point.multiple) > 0 ? num(point.multiple) : 1, safetyStock: 0 };
}

/** The sale lines, purchase lines, partners and partner tags that add detail to moves. */
export interface FlowDetails {
  saleLines: Map<number, StagedRecord>;
  purchaseLines: Map<number, StagedRecord>;
  partners: Map<number, StagedRecord>;
  tags: Map<number, string>;
}

export function readFlowDetails(staging: OdooStaging, moves?: readonly StagedRecord[]): FlowDetails {
  const ids = (column: string): number[] => [...new Set((moves ?? []).flatMap((move) => (move[column] === null || move[column] === undefined ? [] : [Number(move[column])])))];
  const byId = (rows: StagedRecord[]): Map<number, StagedRecord> => new Map(rows.map((row) => [Number(row.id), row]));
  const saleLines = byId(moves ? staging.rowsWithIds('sale.order.line', ids('sale_line_id')) : staging.rows('sale.order.line'));
  const purchaseLines = byId(moves ? staging.rowsWithIds('purchase.order.line', ids('purchase_line_id')) : staging.rows('purchase.order.line'));
  const partnerIds = moves ? [...new Set([...ids('partner_id'), ...[...saleLines.values(), ...purchaseLines.values()].flatMap((line) => (line.partner_id === null ? [] : [Number(line.partner_id)]))])] : [];
  const partners = byId(moves ? staging.rowsWithIds('res.partner', partnerIds) : staging.rows('res.partner'));
  const tags = new Map(staging.rows('res.partner.category').map((category) => [Number(category.id), String(category.name)]));
  return { saleLines, purchaseLines, partners, tags };
}

/** A customer's priority: the best `P1`…`P5` tag on the partner, 3 without one. */
function priorityOf(details: FlowDetails, partnerId: number | null): number {
  const partner = partnerId === null ? undefined : details.partners.get(partnerId);
  if (!partner) return 3;
  const tags = (JSON.parse(String(partner.category_ids ?? '[]')) as number[]).map((id) => details.tags.get(id) ?? '');
  const ranks = tags.flatMap((tag) => {
    const match = PRIORITY_TAG.exec(tag.trim());
    return match?.[1] ? [Number(match[1])] : [];
  });
  return ranks.length > 0 ? Math.min(...ranks) : 3;
}

function partnerName(details: FlowDetails, partnerId: number | null): string | null {
  const partner = partnerId === null ? undefined : details.partners.get(partnerId);
  return partner ? String(partner.name) : null;
}

/**
 * What one open move means for the plan, counted exactly as DESIGN.md's Planning semantics say: a
 * move into a node's stock is supply there, a move out is demand there, a move inside one node is
 * neither; its sale or purchase line only adds customer, priority, promised date, margin and vendor.
 */
export function flowsOfMove(move: StagedRecord, masters: NetworkMasters, details: FlowDetails): { supply: SupplyLine | null; demand: DemandLine | null } {
  const none = { supply: null, demand: null };
  const sku = masters.skuOfProduct.get(Number(move.product_id));
  if (!sku) return none;
  const from = masters.nodeOfLocation.get(Number(move.location_id));
  const to = masters.nodeOfLocation.get(Number(move.location_dest_id));
  if (from === to) return none;
  const qty = num(move.qty);
  if (qty <= 0) return none;
  const tz = masters.timeZone;
  const moveId = Number(move.id);
  const source = { model: 'stock.move', id: moveId, name: str(move.picking_name) ?? `Move ${moveId}` };
  const moveDate = odooDateToLocal(String(move.date), tz);
  let supply: SupplyLine | null = null;
  let demand: DemandLine | null = null;
  if (to) {
    const purchase = move.purchase_line_id === null ? undefined : details.purchaseLines.get(Number(move.purchase_line_id));
    const kind: SupplyLine['kind'] = purchase ? 'purchase' : masters.transitLocations.has(Number(move.location_id)) ? 'transit' : from ? 'transfer-in' : 'purchase';
    // A one-step internal picking between two warehouses is scheduled on its ship day; it reaches
    // the other node on its deadline when Odoo has one, else after the lane's transit time
    // (DESIGN.md: a transfer arrives on ship day + transit).
    supply = {
      id: `move:${moveId}:in`,
      nodeId: to,
      skuId: sku,
      qty,
      eta:
        purchase && purchase.date_planned !== null
          ? odooDateToLocal(String(purchase.date_planned), tz)
          : kind === 'transfer-in' && from
            ? move.date_deadline !== null
              ? odooDateToLocal(String(move.date_deadline), tz)
              : addDays(moveDate, masters.transitDays.get(`${from}>${to}`) ?? 0)
            : moveDate,
      kind,
      counterparty: purchase ? partnerName(details, int(purchase.partner_id)) : (from ?? null),
      source,
    };
  }
  if (from) {
    const sale = move.sale_line_id === null ? undefined : details.saleLines.get(Number(move.sale_line_id));
    const customerId = sale ? int(sale.partner_id) : int(move.partner_id);
    const product = Number(move.product_id);
    const margin = sale ? num(sale.price_unit) - (sale.purchase_price === null ? (masters.costOfProduct.get(product) ?? 0) : num(sale.purchase_price)) : 0;
    demand = {
      id: `move:${moveId}:out`,
      nodeId: from,
      skuId: sku,
      qty,
      dueDate: sale && sale.commitment_date !== null ? odooDateToLocal(String(sale.commitment_date), tz) : moveDate,
      customer: partnerName(details, customerId) ?? (to ? `Transfer to ${to}` : 'Unknown customer'),
      priority: sale || customerId !== null ? priorityOf(details, customerId) : 3,
      unitMargin: Math.round(margin * 100) / 100,
      source,
    };
  }
  return { supply, demand };
}

/** How fresh each kind of data is on every node: the oldest pull behind it. */
export function freshnessOf(staging: OdooStaging, nodes: readonly Node[], takenAt: string): Freshness[] {
  const cursors = new Map(staging.cursors().map((cursor: SyncCursor) => [cursor.model, cursor.updatedAt]));
  const oldest = (kind: 'master' | 'stock' | 'flows'): string => {
    const times = PULL_SPECS.filter((spec) => spec.kind === kind).map((spec) => cursors.get(spec.model) ?? takenAt);
    return times.reduce((a, b) => (a < b ? a : b), takenAt);
  };
  const asOf: Record<DataKind, string> = { master: oldest('master'), stock: oldest('stock'), demand: oldest('flows'), supply: oldest('flows') };
  return nodes.flatMap((node) => (['master', 'stock', 'demand', 'supply'] as const).map((kind) => ({ nodeId: node.id, kind, asOf: new Date(asOf[kind]).toISOString() })));
}

/**
 * Builds the planner's picture of the network from what the sync staged, counted exactly as
 * DESIGN.md's Planning semantics say: flows come from open moves only, once; sale and purchase
 * lines only add detail to them (see flowsOfMove).
 */
export function assembleSnapshot(staging: OdooStaging, profile: RegionProfile, takenAt: string, dayZero: string): AssembledNetwork {
  const masters = readMasters(staging, profile);
  const positionsByKey = positionsFromQuants(staging.rows('stock.quant'), masters);
  const stockRules = staging.rows('stock.warehouse.orderpoint').flatMap((point) => ruleOfOrderpoint(point, masters) ?? []);
  const details = readFlowDetails(staging);
  const supply: SupplyLine[] = [];
  const demand: DemandLine[] = [];
  for (const move of staging.rows('stock.move')) {
    const flows = flowsOfMove(move, masters, details);
    if (flows.supply) supply.push(flows.supply);
    if (flows.demand) demand.push(flows.demand);
  }
  const lanes = lanesOf(profile, masters);

  return {
    snapshot: {
      meta: { source: 'odoo', regionCode: profile.code, currency: profile.currency, takenAt, dayZero, horizonDays: DEFAULT_HORIZON_DAYS, demo: null },
      nodes: masters.nodes,
      skus: masters.skus,
      lanes,
      supplierOptions: masters.supplierOptions,
      stockRules,
      positions: [...positionsByKey.values()],
      supply,
      demand,
      freshness: freshnessOf(staging, masters.nodes, takenAt),
    },
    problems: masters.problems,
    skuOfProduct: masters.skuOfProduct,
    nodeOfWarehouse: masters.nodeOfWarehouse,
  };
}
