import type { FreshnessView, StaleNodeData } from '../../../../shared/ipc';
import type { NetworkLabels } from './network-labels';

/** Per node, what of its data is past the region's freshness threshold (nothing for a fresh node). */
export function staleDataByNode(freshness: Map<string, FreshnessView[]>, labels: NetworkLabels): Map<string, StaleNodeData> {
  const stale = new Map<string, StaleNodeData>();
  for (const [nodeId, views] of freshness) {
    const old = views.filter((view) => view.stale);
    if (old.length === 0) continue;
    const neverTaken = old.some((view) => view.ageMinutes === null);
    const oldest = old.reduce((worst, view) => ((view.ageMinutes ?? 0) > (worst.ageMinutes ?? 0) ? view : worst));
    stale.set(nodeId, {
      nodeId,
      nodeCode: labels.nodeCodeOf(nodeId),
      kinds: old.map((view) => view.kind),
      ageMinutes: neverTaken ? null : oldest.ageMinutes,
      thresholdMinutes: oldest.thresholdMinutes,
    });
  }
  return stale;
}

function age(minutes: number): string {
  if (minutes < 120) return `${minutes} min`;
  if (minutes < 60 * 48) return `${Math.round(minutes / 60)} h`;
  return `${Math.round(minutes / 1440)} days`;
}

/** "Built on stale data: RDC1 stock, demand 3 h old (limit 60 min). Sync before acting on it." */
export function staleWarning(stale: readonly StaleNodeData[]): string | null {
  if (stale.length === 0) return null;
  const parts = stale.map((node) =>
    node.ageMinutes === null
      ? `${node.nodeCode} ${node.kinds.join(', ')} never taken`
      : `${node.nodeCode} ${node.kinds.join(', ')} ${age(node.ageMinutes)} old (limit ${node.thresholdMinutes} min)`,
  );
  return `Built on stale data: ${parts.join('; ')}. Sync before acting on it.`;
}
