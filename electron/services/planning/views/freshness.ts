import { DATA_KINDS, type DataKind, type FreshnessThresholds, type NetworkSnapshot } from '../../../../shared/domain';
import type { FreshnessView } from '../../../../shared/ipc';

const THRESHOLD_OF: Record<DataKind, keyof FreshnessThresholds> = {
  master: 'masterMinutes',
  stock: 'stockMinutes',
  demand: 'demandMinutes',
  supply: 'supplyMinutes',
};

/**
 * How old each kind of each node's data is at `now`. Data never taken for a node is stale: a
 * proposal built on it must say so.
 */
export function freshnessByNode(snapshot: NetworkSnapshot, thresholds: FreshnessThresholds, now: Date): Map<string, FreshnessView[]> {
  const asOf = new Map<string, string>();
  for (const entry of snapshot.freshness) asOf.set(`${entry.nodeId}|${entry.kind}`, entry.asOf);
  const result = new Map<string, FreshnessView[]>();
  for (const node of snapshot.nodes) {
    result.set(
      node.id,
      DATA_KINDS.map((kind) => {
        const taken = asOf.get(`${node.id}|${kind}`) ?? null;
        const thresholdMinutes = thresholds[THRESHOLD_OF[kind]];
        const ageMinutes = taken === null ? null : Math.max(0, Math.floor((now.getTime() - Date.parse(taken)) / 60_000));
        return { kind, asOf: taken, ageMinutes, thresholdMinutes, stale: ageMinutes === null || ageMinutes > thresholdMinutes };
      }),
    );
  }
  return result;
}

export function staleNodeIds(freshness: Map<string, FreshnessView[]>): Set<string> {
  const stale = new Set<string>();
  for (const [nodeId, views] of freshness) if (views.some((view) => view.stale)) stale.add(nodeId);
  return stale;
}
