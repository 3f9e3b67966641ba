import type { SnapshotRef } from '../../../shared/domain';

/** Whether two references name the same snapshot: a scenario is only ever computed on its own. */
export function sameSnapshot(a: SnapshotRef, b: SnapshotRef): boolean {
  return a.regionCode === b.regionCode && a.takenAt === b.takenAt && a.dayZero === b.dayZero;
}
