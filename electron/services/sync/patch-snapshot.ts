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

/** Replaces the items at `affected` keys by `fresh` ones, in place; keys new to the list go at the end. */
function replaceByKey<T>(items: readonly T[], key: (item: T) => string, affected: ReadonlySet<string>, fresh: ReadonlyMap<string, T[]>): { next: T[]; before: T[]; after: T[] } {
  const next: T[] = [];
  const before: T[] = [];
  const placed = new Set<string>();
  for (const item of items) {
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
  const stockProducts = productsOf(quantPlaces, masters);
  const freshStock = new Map<string, StockPosition[]>();
  for (const [key, position] of positionsFromQuants(
    staging.rowsOfProducts('stock.quant', stockProducts).filter((quant) => {
      const place = placeOfQuant(quant, masters);
      return place !== null && stockKeys.has(keyOf(place));
    }),
    masters,
  ))
    freshStock.set(key, [position]);
  const positions = replaceByKey(previous.positions, keyOf, stockKeys, freshStock);

  // Reordering rules: likewise per node × SKU.
  const rulesBefore = [...changes.orderpoints.before, ...staging.rowsWithIds('stock.warehouse.orderpoint', changes.orderpoints.touched)].flatMap((point) => ruleOfOrderpoint(point, masters) ?? []);
  const ruleKeys = new Set(rulesBefore.map(keyOf));
  const freshRules = new Map<string, StockRule[]>();
  for (const point of staging.rowsOfProducts('stock.warehouse.orderpoint', productsOf(rulesBefore, masters))) {
    const rule = ruleOfOrderpoint(point, masters);
    if (!rule || !ruleKeys.has(keyOf(rule))) continue;
    freshRules.set(keyOf(rule), [...(freshRules.get(keyOf(rule)) ?? []), rule]);
  }
  const stockRules = replaceByKey(previous.stockRules, keyOf, ruleKeys, freshRules);

  // Flows: each changed move, and each move naming changed order details, is counted again.
  const moveIds = new Set([...changes.moves.touched, ...changes.moves.removed, ...staging.movesNaming(changes.saleLines, changes.purchaseLines, changes.partners)]);
  const moves = staging.rowsWithIds('stock.move', [...moveIds]);
  const details = readFlowDetails(staging, moves);
  const freshSupply = new Map<string, SupplyLine[]>();
  const freshDemand = new Map<string, DemandLine[]>();
  for (const move of moves) {
    const flows = flowsOfMove(move, masters, details);
    if (flows.supply) freshSupply.set(String(move.id), [flows.supply]);
    if (flows.demand) freshDemand.set(String(move.id), [flows.demand]);
  }
  const moveKeys = new Set([...moveIds].map(String));
  const moveOf = (line: SupplyLine | DemandLine): string => (line.source?.model === 'stock.move' ? String(line.source.id) : line.id);
  const supply = replaceByKey(previous.supply, moveOf, moveKeys, freshSupply);
  const demand = replaceByKey(previous.demand, moveOf, moveKeys, freshDemand);

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
