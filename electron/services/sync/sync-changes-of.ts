import type { ComparedFlows, NetworkSnapshot, SyncChanges } from '../../../shared/domain';
import { networkChanges } from '../../../shared/domain';
import { shortageChanges, type StockProjection } from '../../../shared/engine';

interface Planned {
  snapshot: NetworkSnapshot;
  projection: StockProjection;
}

/**
 * What a sync changed: the lines that differ (`difference` holds only the rows that may, after a
 * patch) and the shortages that moved because of them, from the network planned before the sync
 * and the one planned after it.
 */
export function syncChangesOf(before: Planned, after: Planned, difference: { previous: ComparedFlows; next: ComparedFlows }): SyncChanges {
  const unitCost = new Map(after.snapshot.skus.map((sku) => [sku.id, sku.unitCost]));
  const lines = networkChanges(difference.previous, difference.next, { at: after.snapshot.meta.takenAt, unitCostOf: (skuId) => unitCost.get(skuId) ?? 0 });
  const shortages = shortageChanges({ projection: before.projection, dayZero: before.snapshot.meta.dayZero }, { projection: after.projection, dayZero: after.snapshot.meta.dayZero });
  return {
    takenAt: after.snapshot.meta.takenAt,
    previousTakenAt: before.snapshot.meta.takenAt,
    counts: { ...lines.counts, shortages: shortages.counts },
    events: lines.events,
    shortages: shortages.changes,
  };
}
