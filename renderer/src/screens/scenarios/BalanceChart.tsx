import { LineChart, ScatterChart } from 'echarts/charts';
import { GridComponent, LegendComponent, MarkAreaComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { init, use, type EChartsType } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef } from 'react';
import type { TimelineView } from '../../../../shared/ipc';
import { formatDate, formatQuantity } from '../../format';
import { balanceChartOption, balanceSummary } from './balance-chart-option';

// Only the parts this chart uses, drawn on a canvas: no eval, nothing the app's CSP forbids.
use([LineChart, ScatterChart, GridComponent, LegendComponent, TooltipComponent, MarkAreaComponent, MarkLineComponent, CanvasRenderer]);

/** Projected balance of one node × SKU, baseline against scenario. */
export function BalanceChart({ timeline, locale }: { timeline: TimelineView; locale: string }) {
  const host = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const labels = useMemo(() => ({ date: (iso: string) => formatDate(iso, locale), quantity: (value: number) => formatQuantity(value, locale) }), [locale]);
  const summary = balanceSummary(timeline, labels);

  useEffect(() => {
    if (!host.current) return;
    const created = init(host.current, undefined, { renderer: 'canvas' });
    chart.current = created;
    const resize = new ResizeObserver(() => created.resize());
    resize.observe(host.current);
    return () => {
      resize.disconnect();
      created.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption(balanceChartOption(timeline, labels), { notMerge: true });
  }, [timeline, labels]);

  return (
    <figure className="balance-figure">
      <div ref={host} className="balance-chart" role="img" aria-label={summary} data-testid="balance-chart" data-node={timeline.nodeId} data-sku={timeline.skuId} />
      <figcaption className="muted" data-testid="balance-summary">
        {summary}
      </figcaption>
    </figure>
  );
}
