import type { LineSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, MarkAreaComponentOption, MarkLineComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import type { RowTimeline } from '../../../../shared/domain';
import type { TimelineView } from '../../../../shared/ipc';

export type BalanceChartOption = ComposeOption<
  LineSeriesOption | ScatterSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption | MarkAreaComponentOption | MarkLineComponentOption
>;

const COLORS = { baseline: '#8a94a6', scenario: '#1f6feb', supply: '#2e7d32', demand: '#c62828', band: 'rgba(46, 125, 50, 0.08)', zero: '#c62828' };

/** Days with a flow, marked on the balance line of that day, sized by nothing: the tooltip gives the quantity. */
function markers(timeline: RowTimeline, flows: number[], balance: number[]): [number, number, number][] {
  return flows.flatMap((qty, day) => (qty > 0 ? [[day, balance[day] ?? 0, qty] as [number, number, number]] : []));
}

/**
 * The chart of one node × SKU: projected balance of the baseline and the scenario, the rule's min–max
 * band, the zero line, and markers where supply arrives and demand is due (the scenario's, when there is one).
 */
export function balanceChartOption(view: TimelineView, labels: { date(iso: string): string; quantity(value: number): string }): BalanceChartOption {
  const { baseline, scenario } = view;
  const shown = scenario ?? baseline;
  const band = baseline.min !== null && baseline.max !== null ? [[{ yAxis: baseline.min, name: `min ${labels.quantity(baseline.min)} – max ${labels.quantity(baseline.max)}` }, { yAxis: baseline.max }]] : [];
  const lines: MarkLineComponentOption['data'] = [{ yAxis: 0, name: 'zero', lineStyle: { color: COLORS.zero, type: 'solid', width: 1 } }];
  if (baseline.min !== null && baseline.max === null) lines.push({ yAxis: baseline.min, name: 'min' });
  const series: (LineSeriesOption | ScatterSeriesOption)[] = [
    {
      name: 'Baseline',
      type: 'line',
      step: 'end',
      symbol: 'none',
      data: baseline.balance,
      lineStyle: { color: COLORS.baseline, type: scenario ? 'dashed' : 'solid', width: 2 },
      itemStyle: { color: COLORS.baseline },
      markArea: { silent: true, itemStyle: { color: COLORS.band }, label: { show: true, position: 'insideTopLeft', color: '#2e7d32' }, data: band as MarkAreaComponentOption['data'] },
      markLine: { silent: true, symbol: 'none', label: { show: false }, data: lines },
    },
  ];
  if (scenario) {
    series.push({ name: 'Scenario', type: 'line', step: 'end', symbol: 'none', data: scenario.balance, lineStyle: { color: COLORS.scenario, width: 2 }, itemStyle: { color: COLORS.scenario } });
  }
  series.push(
    { name: 'Supply arrives', type: 'scatter', symbol: 'triangle', symbolSize: 10, itemStyle: { color: COLORS.supply }, data: markers(shown, shown.supply, shown.balance) },
    { name: 'Demand due', type: 'scatter', symbol: 'triangle', symbolRotate: 180, symbolSize: 10, itemStyle: { color: COLORS.demand }, data: markers(shown, shown.demand, shown.balance) },
  );
  return {
    animation: false,
    grid: { left: 56, right: 16, top: 36, bottom: 28 },
    legend: { top: 4, data: ['Baseline', ...(scenario ? ['Scenario'] : []), 'Supply arrives', 'Demand due'] },
    tooltip: {
      trigger: 'axis',
      formatter: (raw) => {
        const params = Array.isArray(raw) ? raw : [raw];
        const day = Number(params[0]?.dataIndex ?? 0);
        const parts = [`<strong>${labels.date(baseline.dates[day] ?? '')}</strong> (day ${day})`, `Baseline ${labels.quantity(baseline.balance[day] ?? 0)}`];
        if (scenario) parts.push(`Scenario ${labels.quantity(scenario.balance[day] ?? 0)}`);
        if ((shown.supply[day] ?? 0) > 0) parts.push(`Supply +${labels.quantity(shown.supply[day] ?? 0)}`);
        if ((shown.demand[day] ?? 0) > 0) parts.push(`Demand −${labels.quantity(shown.demand[day] ?? 0)}`);
        return parts.join('<br/>');
      },
    },
    xAxis: { type: 'category', data: baseline.dates.map((date) => labels.date(date)), axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value', name: 'units', scale: false },
    series,
  };
}

/** What the chart shows, in words: for screen readers, and to check the picture against. */
export function balanceSummary(view: TimelineView, labels: { date(iso: string): string; quantity(value: number): string }): string {
  const describe = (name: string, timeline: RowTimeline): string => {
    const lowest = Math.min(...timeline.balance);
    const short = timeline.balance.findIndex((balance) => balance < 0);
    return `${name} lowest ${labels.quantity(lowest)}${short >= 0 ? `, short from ${labels.date(timeline.dates[short] ?? '')}` : ', never short'}, ends at ${labels.quantity(timeline.balance.at(-1) ?? 0)}`;
  };
  const parts = [describe('baseline', view.baseline)];
  if (view.scenario) parts.push(describe('scenario', view.scenario));
  return `${view.nodeCode} × ${view.skuCode}: ${parts.join('; ')}.`;
}
