import { addDays, daysBetween, LISTED_CHANGES, type LocalDate, type ShortageChange, type SyncChangeCounts } from '../../domain';
import { NO_DAY } from './no-day';
import { unitsShortAt, type StockProjection } from './project-stock';

/** A projection with the day it counts from: two syncs on different days are compared by date. */
export interface DatedProjection {
  projection: Pick<StockProjection, 'nodeIds' | 'skuIds' | 'firstShortageDay' | 'lowestBalance'>;
  dayZero: LocalDate;
}

const ORDER: Record<ShortageChange['change'], number> = { 'now short': 0, earlier: 1, later: 2, 'no longer short': 3 };

/**
 * Every node × SKU whose first shortage moved between two projections: newly short, short sooner,
 * short later, or no longer short. A shortage the earlier projection saw before the later one's
 * day zero counts as starting on that day zero (it is still going on), so a sync on the next morning
 * does not report every running shortage as "later". Rows only the later projection has count as
 * never short before; rows it dropped are left out. Sorted by what needs acting on first.
 */
export function shortageChanges(before: DatedProjection, after: DatedProjection): { counts: SyncChangeCounts['shortages']; changes: ShortageChange[] } {
  const counts: SyncChangeCounts['shortages'] = { 'now short': 0, earlier: 0, later: 0, 'no longer short': 0 };
  const changes: ShortageChange[] = [];
  const previousRow = rowMapping(before.projection, after.projection);
  const { nodeIds, skuIds, firstShortageDay } = after.projection;
  const skuCount = skuIds.length;
  // Days are compared in the later projection's frame, and dated only for the rows that changed.
  const shift = daysBetween(after.dayZero, before.dayZero);
  for (let row = 0; row < firstShortageDay.length; row++) {
    const was = previousRow(row);
    const rawBefore = was < 0 ? NO_DAY : (before.projection.firstShortageDay[was] as number);
    const dayAfter = firstShortageDay[row] as number;
    if (rawBefore === NO_DAY && dayAfter === NO_DAY) continue;
    const dayBefore = rawBefore === NO_DAY ? NO_DAY : Math.max(rawBefore + shift, 0);
    if (dayBefore === dayAfter) continue;
    const change = dayBefore === NO_DAY ? 'now short' : dayAfter === NO_DAY ? 'no longer short' : dayAfter < dayBefore ? 'earlier' : 'later';
    counts[change]++;
    changes.push({
      nodeId: nodeIds[Math.floor(row / skuCount)] as string,
      skuId: skuIds[row % skuCount] as string,
      change,
      before: dayBefore === NO_DAY ? null : addDays(after.dayZero, dayBefore),
      after: dayAfter === NO_DAY ? null : addDays(after.dayZero, dayAfter),
      unitsShortBefore: was < 0 ? 0 : unitsShortAt(before.projection, was),
      unitsShortAfter: unitsShortAt(after.projection, row),
    });
  }
  changes.sort(
    (a, b) =>
      ORDER[a.change] - ORDER[b.change] ||
      (a.after ?? a.before ?? '').localeCompare(b.after ?? b.before ?? '') ||
      b.unitsShortAfter - a.unitsShortAfter ||
      a.nodeId.localeCompare(b.nodeId) ||
      a.skuId.localeCompare(b.skuId),
  );
  return { counts, changes: changes.slice(0, LISTED_CHANGES) };
}

/** The earlier projection's row for each row of the later one (−1 when it had none); rows are node-major. */
function rowMapping(before: DatedProjection['projection'], after: DatedProjection['projection']): (row: number) => number {
  const same = before.nodeIds.length === after.nodeIds.length && before.skuIds.length === after.skuIds.length && before.nodeIds.every((id, i) => id === after.nodeIds[i]) && before.skuIds.every((id, i) => id === after.skuIds[i]);
  if (same) return (row) => row;
  const nodeAt = new Map(before.nodeIds.map((id, index) => [id, index]));
  const skuAt = new Map(before.skuIds.map((id, index) => [id, index]));
  const skuCount = after.skuIds.length;
  return (row) => {
    const node = nodeAt.get(after.nodeIds[Math.floor(row / skuCount)] as string);
    const sku = skuAt.get(after.skuIds[row % skuCount] as string);
    return node === undefined || sku === undefined ? -1 : node * before.skuIds.length + sku;
  };
}
