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

/** Sorted views per comparison, so paging through a scenario that changed half the network only slices. */
const sortedViews = new WeakMap<ScenarioComparison, Map<string, ChangedRowView[]>>();

/** Changed rows sorted as asked (row order breaks ties, so paging is stable) and sliced to one page. */
export function changedRowsPage(
  comparison: ScenarioComparison,
  labels: NetworkLabels,
  query: { sort: ChangedRowSort; direction: 'asc' | 'desc'; offset: number; limit: number },
): { rows: ChangedRowView[]; total: number } {
  let bySort = sortedViews.get(comparison);
  if (!bySort) {
    bySort = new Map();
    sortedViews.set(comparison, bySort);
  }
  const key = `${query.sort}|${query.direction}`;
  let views = bySort.get(key);
  if (!views) {
    views = sortViews(comparison, labels, query.sort, query.direction);
    bySort.set(key, views);
  }
  return { rows: views.slice(query.offset, query.offset + query.limit), total: views.length };
}

function sortViews(comparison: ScenarioComparison, labels: NetworkLabels, sort: ChangedRowSort, direction: 'asc' | 'desc'): ChangedRowView[] {
  const views = comparison.changedRows.map((row) => changedRowView(row, labels));
  if (sort === 'row') return direction === 'asc' ? views : views.reverse();
  const sign = direction === 'asc' ? 1 : -1;
  const order = views.map((view, index) => ({ view, index }));
  order.sort((a, b) => (a.view[sort] - b.view[sort]) * sign || a.index - b.index);
  return order.map((entry) => entry.view);
}
