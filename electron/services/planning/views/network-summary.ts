import type { NetworkSnapshot } from '../../../../shared/domain';
import { daysOfCoverAt, NO_DAY, unitsShortAt, valueAtRiskAt, type StockProjection } from '../../../../shared/engine';
import type { FreshnessView, NetworkSummary, NodeSummary } from '../../../../shared/ipc';

/** One line per node: what runs short within a week and a month, how much is at risk, how old the data is. */
export function summariseNetwork(snapshot: NetworkSnapshot, projection: StockProjection, freshness: Map<string, FreshnessView[]>): NetworkSummary {
  const skuCount = snapshot.skus.length;
  const nodes: NodeSummary[] = snapshot.nodes.map((node, nodeIndex) => {
    let shortWithin7Days = 0;
    let shortWithin30Days = 0;
    let belowMinWithin30Days = 0;
    let unitsShort = 0;
    let valueAtRisk = 0;
    let skuRowsWithStockOrDemand = 0;
    let coverWeighted = 0;
    let demandWeight = 0;
    for (let s = 0; s < skuCount; s++) {
      const row = nodeIndex * skuCount + s;
      const shortage = projection.firstShortageDay[row] ?? NO_DAY;
      const belowMin = projection.belowMinDay[row] ?? NO_DAY;
      if (shortage !== NO_DAY && shortage < 7) shortWithin7Days++;
      if (shortage !== NO_DAY && shortage < 30) shortWithin30Days++;
      if (belowMin !== NO_DAY && belowMin < 30) belowMinWithin30Days++;
      unitsShort += unitsShortAt(projection, row);
      valueAtRisk += valueAtRiskAt(projection, row);
      const demand = projection.demand90[row] ?? 0;
      coverWeighted += daysOfCoverAt(projection, row) * demand;
      demandWeight += demand;
      if (demand > 0 || (projection.onHand[row] ?? 0) !== 0 || (projection.inbound[row] ?? 0) > 0) skuRowsWithStockOrDemand++;
    }
    const views = freshness.get(node.id) ?? [];
    return {
      nodeId: node.id,
      code: node.code,
      name: node.name,
      area: node.area,
      kind: node.kind,
      skuCount: skuRowsWithStockOrDemand,
      shortWithin7Days,
      shortWithin30Days,
      belowMinWithin30Days,
      daysOfCover: demandWeight > 0 ? Math.round((coverWeighted / demandWeight) * 10) / 10 : snapshot.meta.horizonDays,
      unitsShort,
      valueAtRisk: Math.round(valueAtRisk * 100) / 100,
      freshness: views,
      stale: views.some((view) => view.stale),
    };
  });
  return {
    source: snapshot.meta.source,
    takenAt: snapshot.meta.takenAt,
    dayZero: snapshot.meta.dayZero,
    horizonDays: snapshot.meta.horizonDays,
    currency: snapshot.meta.currency,
    nodes,
    totals: {
      skuRows: snapshot.nodes.length * skuCount,
      shortWithin7Days: nodes.reduce((sum, node) => sum + node.shortWithin7Days, 0),
      shortWithin30Days: nodes.reduce((sum, node) => sum + node.shortWithin30Days, 0),
      unitsShort: nodes.reduce((sum, node) => sum + node.unitsShort, 0),
      valueAtRisk: Math.round(nodes.reduce((sum, node) => sum + (node.valueAtRisk ?? 0), 0) * 100) / 100,
      staleNodes: nodes.filter((node) => node.stale).length,
    },
  };
}
