import type { DemandLine, NetworkSnapshot, RegionProfile, StockPosition, StockRule, SupplyLine } from '../../../shared/domain';
import type { OdooStaging } from '../store';
import { flowsOfMove, freshnessOf, lanesOf, placeOfQuant, positionsFromQuants, readFlowDetails, readPlaces, ruleOfOrderpoint, type AssembledNetwork, type NetworkMasters } from './assemble-snapshot';
import type { StagedChanges } from './staged-changes';

export interface PatchedNetwork extends AssembledNetwork {
  /** Only the rows that may differ, before and after: what the cache has to write. */
  changes: { previous: NetworkSnapshot; next: NetworkSnapshot };
}

const keyOf = (row: { nodeId: string; skuId: string }): string => `${row.nodeId}|${row.skuId}`;

/**
 * The masters an incremental sync left alone, taken from the network the last sync built rather
 * than read and rebuilt from staging; only places (a handful of warehouses and locations) are read
 * again, to check the profile still draws the same nodes and lanes.
 */
function mastersOf(previous: NetworkSnapshot, staging: OdooStaging, profile: RegionProfile): NetworkMasters | null {
  const places = readPlaces(staging, profile);
  if (JSON.stringify(previous.nodes) !== JSON.stringify(places.nodes) || JSON.stringify(previous.lanes) !== JSON.stringify(lanesOf(profile, places))) return null;
  const skuOfProduct = new Map<number, string>();
  for (const sku of previous.skus) if (sku.odooProductId !== null && sku.odooProductId !== undefined) skuOfProduct.set(sku.odooProductId, sku.id);
  if (skuOfProduct.size !== previous.skus.length) return null;
  return { ...places, skus: previous.skus, supplierOptions: previous.supplierOptions, skuOfProduct, costOfProduct: staging.productCosts() };
}

/**
 * Replaces the items at `affected` keys by `fresh` ones, in place; keys new to the list go at the
 * end. `mayBeAffected` is a cheap test that rules most items out before their key is made.
 */
function replaceByKey<T, K>(items: readonly T[], mayBeAffected: (item: T) => boolean, key: (item: T) => K, affected: ReadonlySet<K>, fresh: ReadonlyMap<K, T[]>): { next: T[]; before: T[]; after: T[] } {
  const next: T[] = [];
  const before: T[] = [];
  const placed = new Set<K>();
  for (const item of items) {
    if (!mayBeAffected(item)) {
      next.push(item);
      continue;
    }
    const k = key(item);
    if (!affected.has(k)) {
      next.push(item);
      continue;
    }
    before.push(item);
    if (placed.has(k)) continue;
    placed.add(k);
    next.push(...(fresh.get(k) ?? []));
  }
  for (const [k, list] of fresh) if (!placed.has(k)) next.push(...list);
  const after = [...affected].flatMap((k) => fresh.get(k) ?? []);
  return { next, before, after };
}

/**
 * The network after an incremental sync, made from the one the last sync built by rebuilding only
 * the node × SKU stock and rules, and the moves' flows, that this sync's changes reach. Stock and
 * rules are added up again from every staged row of their node × SKU, so the figures are exactly
 * what a full assembly gives. The caller vouches that master data did not change; returns null when
 * the patch cannot be trusted anyway (another network, nodes or lanes differ) and the caller then
 * assembles the whole network.
 */
export function patchSnapshot(previous: NetworkSnapshot, staging: OdooStaging, profile: RegionProfile, changes: StagedChanges, takenAt: string, dayZero: string): PatchedNetwork | null {
  if (previous.meta.source !== 'odoo' || previous.meta.takenAt !== changes.basis || previous.meta.regionCode !== profile.code || previous.meta.currency !== profile.currency) return null;
  const masters = mastersOf(previous, staging, profile);
  if (!masters) return null;

  // Stock: every node × SKU a changed quant counted towards, before or after, is added up again.
  const quantPlaces = [...changes.quants.before, ...staging.rowsWithIds('stock.quant', changes.quants.touched)].flatMap((quant) => placeOfQuant(quant, masters) ?? []);
  const stockKeys = new Set(quantPlaces.map(keyOf));
  const freshStock = new Map<string, StockPosition[]>();
  for (const [key, position] of positionsFromQuants(staging.quantsAt(odooPlacesOf(quantPlaces, masters)), masters)) freshStock.set(key, [position]);
  const stockSkus = new Set(quantPlaces.map((place) => place.skuId));
  const positions = replaceByKey(previous.positions, (position) => stockSkus.has(position.skuId), keyOf, stockKeys, freshStock);

  // Reordering rules: likewise per node × SKU.
  const rulesBefore = [...changes.orderpoints.before, ...staging.rowsWithIds('stock.warehouse.orderpoint', changes.orderpoints.touched)].flatMap((point) => ruleOfOrderpoint(point, masters) ?? []);
  const ruleKeys = new Set(rulesBefore.map(keyOf));
  const freshRules = new Map<string, StockRule[]>();
  for (const point of staging.orderpointsOfProducts(productsOf(rulesBefore, masters))) {
    const rule = ruleOfOrderpoint(point, masters);
    if (!rule || !ruleKeys.has(keyOf(rule))) continue;
    freshRules.set(keyOf(rule), [...(freshRules.get(keyOf(rule)) ?? []), rule]);
  }
  const ruleSkus = new Set(rulesBefore.map((rule) => rule.skuId));
  const stockRules = replaceByKey(previous.stockRules, (rule) => ruleSkus.has(rule.skuId), keyOf, ruleKeys, freshRules);

  // Flows: each changed move, and each move naming changed order details, is counted again.
  const moveIds = new Set([...changes.moves.touched, ...changes.moves.removed, ...staging.movesNaming(changes.saleLines, changes.purchaseLines, changes.partners)]);
  const moves = staging.rowsWithIds('stock.move', [...moveIds]);
  const details = readFlowDetails(staging, moves);
  const freshSupply = new Map<number, SupplyLine[]>();
  const freshDemand = new Map<number, DemandLine[]>();
  for (const move of moves) {
    const flows = flowsOfMove(move, masters, details);
    if (flows.supply) freshSupply.set(Number(move.id), [flows.supply]);
    if (flows.demand) freshDemand.set(Number(move.id), [flows.demand]);
  }
  const fromMove = (line: SupplyLine | DemandLine): boolean => line.source?.model === 'stock.move';
  const moveOf = (line: SupplyLine | DemandLine): number => line.source?.id ?? -1;
  const supply = replaceByKey(previous.supply, fromMove, moveOf, moveIds, freshSupply);
  const demand = replaceByKey(previous.demand, fromMove, moveOf, moveIds, freshDemand);

  const meta = { ...previous.meta, takenAt, dayZero };
  const freshness = freshnessOf(staging, previous.nodes, takenAt);
  const unchanged = { nodes: [], skus: [], lanes: [], supplierOptions: [] };
  return {
    snapshot: { ...previous, meta, stockRules: stockRules.next, positions: positions.next, supply: supply.next, demand: demand.next, freshness },
    problems: masters.problems,
    skuOfProduct: masters.skuOfProduct,
    nodeOfWarehouse: masters.nodeOfWarehouse,
    changes: {
      previous: { ...previous, ...unchanged, stockRules: stockRules.before, positions: positions.before, supply: supply.before, demand: demand.before },
      next: { meta, ...unchanged, stockRules: stockRules.after, positions: positions.after, supply: supply.after, demand: demand.after, freshness },
    },
  };
}

function productsOf(places: readonly { skuId: string }[], masters: NetworkMasters): number[] {
  const skus = new Set(places.map((place) => place.skuId));
  return [...masters.skuOfProduct].flatMap(([product, sku]) => (skus.has(sku) ? [product] : []));
}

/** The Odoo (product, location) pairs whose quants make up these node × SKU places. */
function odooPlacesOf(places: readonly { nodeId: string; skuId: string }[], masters: NetworkMasters): [number, number][] {
  const productOf = new Map<string, number>();
  for (const [product, sku] of masters.skuOfProduct) productOf.set(sku, product);
  const locationsOf = new Map<string, number[]>();
  for (const [location, node] of masters.nodeOfLocation) locationsOf.set(node, [...(locationsOf.get(node) ?? []), location]);
  const pairs = new Map<string, [number, number]>();
  for (const place of places) {
    const product = productOf.get(place.skuId);
    if (product === undefined) continue;
    for (const location of locationsOf.get(place.nodeId) ?? []) pairs.set(`${product}|${location}`, [product, location]);
  }
  return [...pairs.values()];
}
