import { describe, expect, it } from 'vitest';
import { NO_DAY, shortageChanges, type DatedProjection } from '../../../shared/engine';

/** A projection of two nodes × the given SKUs, node-major, with each row's first shortage day and units short. */
function dated(dayZero: string, skuIds: string[], rows: [number, number][], nodeIds = ['RDC1', 'FSL01']): DatedProjection {
  return {
    dayZero,
    projection: {
      nodeIds,
      skuIds,
      firstShortageDay: Int16Array.from(rows.map(([day]) => day)),
      // Units short are how far the lowest balance goes below zero.
      lowestBalance: Float64Array.from(rows.map(([, short]) => -short)),
    },
  };
}

describe('shortages a sync made, moved or ended', () => {
  it('names each node × SKU that is now short, short sooner, later, or no longer, soonest need first', () => {
    const skus = ['SKU-1', 'SKU-2', 'SKU-3'];
    const before = dated('2026-11-27', skus, [
      [NO_DAY, 0], // RDC1 SKU-1: fine
      [10, 5], // RDC1 SKU-2: short on 7 Dec
      [4, 2], // RDC1 SKU-3: short on 1 Dec
      [20, 9], // FSL01 SKU-1: short on 17 Dec
      [NO_DAY, 0], // FSL01 SKU-2: fine, stays fine
      [3, 1], // FSL01 SKU-3: unchanged
    ]);
    const after = dated('2026-11-27', skus, [
      [6, 12],
      [NO_DAY, 0],
      [9, 2],
      [2, 9],
      [NO_DAY, 0],
      [3, 1],
    ]);
    const { counts, changes } = shortageChanges(before, after);
    expect(counts).toEqual({ 'now short': 1, earlier: 1, later: 1, 'no longer short': 1 });
    expect(changes).toEqual([
      { nodeId: 'RDC1', skuId: 'SKU-1', change: 'now short', before: null, after: '2026-12-03', unitsShortBefore: 0, unitsShortAfter: 12 },
      { nodeId: 'FSL01', skuId: 'SKU-1', change: 'earlier', before: '2026-12-17', after: '2026-11-29', unitsShortBefore: 9, unitsShortAfter: 9 },
      { nodeId: 'RDC1', skuId: 'SKU-3', change: 'later', before: '2026-12-01', after: '2026-12-06', unitsShortBefore: 2, unitsShortAfter: 2 },
      { nodeId: 'RDC1', skuId: 'SKU-2', change: 'no longer short', before: '2026-12-07', after: null, unitsShortBefore: 5, unitsShortAfter: 0 },
    ]);
  });

  it('a shortage still going on the next morning is not reported as later', () => {
    const before = dated('2026-11-27', ['SKU-1'], [[0, 4], [3, 1]]);
    // A day on: RDC1 is still short from day 0; FSL01's shortage falls on the same date (day 2 now).
    const after = dated('2026-11-28', ['SKU-1'], [[0, 4], [2, 1]]);
    expect(shortageChanges(before, after).changes).toEqual([]);
  });

  it('compares by node and SKU when the network gained a SKU or a node, and a new row counts as never short before', () => {
    const before = dated('2026-11-27', ['SKU-1'], [[5, 1], [NO_DAY, 0]]);
    const after = dated('2026-11-27', ['SKU-0', 'SKU-1'], [[1, 3], [5, 1], [NO_DAY, 0], [NO_DAY, 0], [NO_DAY, 0], [8, 2]], ['RDC1', 'FSL01', 'TPL1']);
    expect(shortageChanges(before, after).changes).toEqual([
      { nodeId: 'RDC1', skuId: 'SKU-0', change: 'now short', before: null, after: '2026-11-28', unitsShortBefore: 0, unitsShortAfter: 3 },
      { nodeId: 'TPL1', skuId: 'SKU-1', change: 'now short', before: null, after: '2026-12-05', unitsShortBefore: 0, unitsShortAfter: 2 },
    ]);
  });
});
