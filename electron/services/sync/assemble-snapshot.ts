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

/**
 * Builds the planner's picture of the network from what the sync staged, counted exactly as
 * DESIGN.md's Planning semantics say: flows come from open moves only, once; a move into a node's
 * stock is supply there, a move out is demand there, a move inside one node is neither; sale and
 * purchase lines only add customer, priority, promised date, margin and vendor.
 */
export function assembleSnapshot(staging: OdooStaging, profile: RegionProfile, takenAt: string, dayZero: string): AssembledNetwork {
  const problems: string[] = [];
  const tz = profile.timeZone;

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

  const positionsByKey = new Map<string, StockPosition>();
  for (const quant of staging.rows('stock.quant')) {
    const node = nodeOfLocation.get(Number(quant.location_id));
    const sku = skuOfProduct.get(Number(quant.product_id));
    if (!node || !sku) continue;
    const key = `${node}|${sku}`;
    const position = positionsByKey.get(key) ?? { nodeId: node, skuId: sku, onHand: 0, reserved: 0 };
    position.onHand += num(quant.quantity);
    position.reserved += num(quant.reserved);
    positionsByKey.set(key, position);
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

  const stockRules: StockRule[] = [];
  for (const point of staging.rows('stock.warehouse.orderpoint')) {
    const warehouse = int(point.warehouse_id);
    const node = (warehouse === null ? undefined : nodeOfWarehouse.get(warehouse)) ?? nodeOfLocation.get(Number(point.location_id));
    const sku = skuOfProduct.get(Number(point.product_id));
    if (!node || !sku) continue;
    const min = Math.max(0, num(point.min_qty));
    stockRules.push({ nodeId: node, skuId: sku, min, max: Math.max(min, num(point.max_qty)), multiple: num(point.multiple) > 0 ? num(point.multiple) : 1, safetyStock: 0 });
  }

  const saleLines = new Map(staging.rows('sale.order.line').map((line) => [Number(line.id), line]));
  const purchaseLines = new Map(staging.rows('purchase.order.line').map((line) => [Number(line.id), line]));
  const partners = new Map(staging.rows('res.partner').map((partner) => [Number(partner.id), partner]));
  const categories = new Map(staging.rows('res.partner.category').map((category) => [Number(category.id), String(category.name)]));
  const priorityOf = (partnerId: number | null): number => {
    const partner = partnerId === null ? undefined : partners.get(partnerId);
    if (!partner) return 3;
    const tags = (JSON.parse(String(partner.category_ids ?? '[]')) as number[]).map((id) => categories.get(id) ?? '');
    const ranks = tags.flatMap((tag) => {
      const match = PRIORITY_TAG.exec(tag.trim());
      return match?.[1] ? [Number(match[1])] : [];
    });
    return ranks.length > 0 ? Math.min(...ranks) : 3;
  };
  const partnerName = (partnerId: number | null): string | null => {
    const partner = partnerId === null ? undefined : partners.get(partnerId);
    return partner ? String(partner.name) : null;
  };

  // A one-step internal picking between two warehouses is scheduled on its ship day; it reaches the
  // other node on its deadline when Odoo has one, else after the lane's transit time (DESIGN.md:
  // a transfer arrives on ship day + transit).
  const transitDays = new Map(profile.lanes.map((lane) => [`${lane.from}>${lane.to}`, lane.transitDays]));
  const supply: SupplyLine[] = [];
  const demand: DemandLine[] = [];
  for (const move of staging.rows('stock.move')) {
    const sku = skuOfProduct.get(Number(move.product_id));
    if (!sku) continue;
    const from = nodeOfLocation.get(Number(move.location_id));
    const to = nodeOfLocation.get(Number(move.location_dest_id));
    if (from === to) continue;
    const qty = num(move.qty);
    if (qty <= 0) continue;
    const moveId = Number(move.id);
    const source = { model: 'stock.move', id: moveId, name: str(move.picking_name) ?? `Move ${moveId}` };
    const moveDate = odooDateToLocal(String(move.date), tz);
    if (to) {
      const purchase = move.purchase_line_id === null ? undefined : purchaseLines.get(Number(move.purchase_line_id));
      const kind: SupplyLine['kind'] = purchase ? 'purchase' : transitLocations.has(Number(move.location_id)) ? 'transit' : from ? 'transfer-in' : 'purchase';
      supply.push({
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
                : addDays(moveDate, transitDays.get(`${from}>${to}`) ?? 0)
              : moveDate,
        kind,
        counterparty: purchase ? partnerName(int(purchase.partner_id)) : (from ?? null),
        source,
      });
    }
    if (from) {
      const sale = move.sale_line_id === null ? undefined : saleLines.get(Number(move.sale_line_id));
      const customerId = sale ? int(sale.partner_id) : int(move.partner_id);
      const product = Number(move.product_id);
      const margin = sale ? num(sale.price_unit) - (sale.purchase_price === null ? (costOfProduct.get(product) ?? 0) : num(sale.purchase_price)) : 0;
      demand.push({
        id: `move:${moveId}:out`,
        nodeId: from,
        skuId: sku,
        qty,
        dueDate: sale && sale.commitment_date !== null ? odooDateToLocal(String(sale.commitment_date), tz) : moveDate,
        customer: partnerName(customerId) ?? (to ? `Transfer to ${to}` : 'Unknown customer'),
        priority: sale || customerId !== null ? priorityOf(customerId) : 3,
        unitMargin: Math.round(margin * 100) / 100,
        source,
      });
    }
  }

  const cursors = new Map(staging.cursors().map((cursor: SyncCursor) => [cursor.model, cursor.updatedAt]));
  const oldest = (kind: 'master' | 'stock' | 'flows'): string => {
    const times = PULL_SPECS.filter((spec) => spec.kind === kind).map((spec) => cursors.get(spec.model) ?? takenAt);
    return times.reduce((a, b) => (a < b ? a : b), takenAt);
  };
  const asOf: Record<DataKind, string> = { master: oldest('master'), stock: oldest('stock'), demand: oldest('flows'), supply: oldest('flows') };
  const freshness: Freshness[] = nodes.flatMap((node) => (['master', 'stock', 'demand', 'supply'] as const).map((kind) => ({ nodeId: node.id, kind, asOf: new Date(asOf[kind]).toISOString() })));

  const lanes = profile.lanes
    .filter((lane) => matched.has(lane.from) && matched.has(lane.to))
    .map((lane) => ({ fromNodeId: lane.from, toNodeId: lane.to, transitDays: lane.transitDays, costPerUnit: lane.costPerUnit, dailyCapacity: lane.dailyCapacity ?? null }));

  return {
    snapshot: {
      meta: { source: 'odoo', regionCode: profile.code, currency: profile.currency, takenAt, dayZero, horizonDays: DEFAULT_HORIZON_DAYS, demo: null },
      nodes,
      skus,
      lanes,
      supplierOptions,
      stockRules,
      positions: [...positionsByKey.values()],
      supply,
      demand,
      freshness,
    },
    problems,
    skuOfProduct,
    nodeOfWarehouse,
  };
}
