import type { ChangedRow, PlanKpis, ScenarioComparison } from '../../../../shared/domain';
import type { ChangedRowSort, ChangedRowView, KpiView } from '../../../../shared/ipc';
import type { NetworkLabels } from './network-labels';

export function kpiView(kpis: PlanKpis): KpiView {
  return { ...kpis };
}

function changedRowView(row: ChangedRow, labels: NetworkLabels): ChangedRowView {
  return {
    nodeId: row.nodeId,
    nodeCode: labels.nodeCodeOf(row.nodeId),
    skuId: row.skuId,
    ...labels.sku(row.skuId),
    base: row.base,
    scenario: row.scenario,
    unitsShortDelta: row.scenario.unitsShort - row.base.unitsShort,
    stockoutDaysDelta: row.scenario.stockoutDays - row.base.stockoutDays,
    endBalanceDelta: row.scenario.endBalance - row.base.endBalance,
  };
}

/** Changed rows sorted as asked (row order breaks ties, so paging is stable) and sliced to one page. */
export function changedRowsPage(
  comparison: ScenarioComparison,
  labels: NetworkLabels,
  query: { sort: ChangedRowSort; direction: 'asc' | 'desc'; offset: number; limit: number },
): { rows: ChangedRowView[]; total: number } {
  const views = comparison.changedRows.map((row) => changedRowView(row, labels));
  if (query.sort !== 'row') {
    const column = query.sort;
    const sign = query.direction === 'asc' ? 1 : -1;
    const order = views.map((view, index) => ({ view, index }));
    order.sort((a, b) => (a.view[column] - b.view[column]) * sign || a.index - b.index);
    views.splice(0, views.length, ...order.map((entry) => entry.view));
  } else if (query.direction === 'desc') {
    views.reverse();
  }
  return { rows: views.slice(query.offset, query.offset + query.limit), total: views.length };
}
