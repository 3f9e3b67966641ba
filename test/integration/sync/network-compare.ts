import type { NetworkSnapshot } from '../../../shared/domain';

/** A network without its timestamps, every list in id order: what two caches must agree on. */
export function comparableNetwork(snapshot: NetworkSnapshot | null): unknown {
  if (!snapshot) return null;
  const byKey = <T>(items: T[], key: (item: T) => string): T[] => [...items].sort((a, b) => key(a).localeCompare(key(b)));
  return {
    nodes: snapshot.nodes,
    skus: byKey(snapshot.skus, (sku) => sku.id),
    lanes: byKey(snapshot.lanes, (lane) => `${lane.fromNodeId}>${lane.toNodeId}`),
    supplierOptions: byKey(snapshot.supplierOptions, (option) => option.id),
    stockRules: byKey(snapshot.stockRules, (rule) => `${rule.nodeId}|${rule.skuId}`),
    positions: byKey(snapshot.positions, (position) => `${position.nodeId}|${position.skuId}`),
    supply: byKey(snapshot.supply, (line) => line.id),
    demand: byKey(snapshot.demand, (line) => line.id),
  };
}
