import { lazy, Suspense, useEffect, useState } from 'react';
import type { PlanningCatalog, TimelineView } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { SkuPicker } from './forms/SkuPicker';

// echarts is a large part of the bundle and only this panel draws with it: it loads when first needed, not at start.
const BalanceChart = lazy(() => import('./BalanceChart').then((module) => ({ default: module.BalanceChart })));

export interface RowChoice {
  nodeId: string;
  skuId: string;
}

/** Pick any node × SKU (or click a changed row) and see its projected balance, baseline against the scenario. */
export function ChartPanel({
  scenarioId,
  revision,
  catalog,
  row,
  onRow,
  locale,
}: {
  scenarioId: string;
  revision: string;
  catalog: PlanningCatalog;
  row: RowChoice | null;
  onRow(row: RowChoice | null): void;
  locale: string;
}) {
  const [timeline, setTimeline] = useState<TimelineView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [nodeId, setNodeId] = useState(row?.nodeId ?? '');

  useEffect(() => setNodeId(row?.nodeId ?? ''), [row?.nodeId]);

  useEffect(() => {
    setTimeline(null);
    setError(null);
    if (!row) return;
    let current = true;
    planner()
      .invoke('scenario.timeline', { scenarioId, nodeId: row.nodeId, skuId: row.skuId })
      .then((found) => current && setTimeline(found))
      .catch((reason: unknown) => current && setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      current = false;
    };
  }, [scenarioId, revision, row]);

  return (
    <section className="panel" aria-labelledby="chart-title">
      <h2 id="chart-title">Projected balance</h2>
      <div className="toolbar">
        <label>
          Node
          <select value={nodeId} data-testid="chart-node" onChange={(event) => {
            setNodeId(event.target.value);
            if (row && event.target.value) onRow({ nodeId: event.target.value, skuId: row.skuId });
          }}>
            <option value="">Choose…</option>
            {catalog.nodes.map((node) => (
              <option key={node.id} value={node.id}>
                {node.code} · {node.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          SKU
          <SkuPicker key={row ? `${row.nodeId}|${row.skuId}` : 'none'} id="chart-sku" value={row?.skuId ?? ''} testId="chart-sku" onChange={(skuId) => skuId && nodeId && onRow({ nodeId, skuId })} />
        </label>
      </div>
      {error && <div className="banner banner-error" role="alert">{error}</div>}
      {!row && <p className="muted">Click a changed row, or choose a node and a SKU.</p>}
      {row && !timeline && !error && <p className="muted">Loading the projection…</p>}
      {timeline && (
        <Suspense fallback={<div className="muted">Drawing the chart…</div>}>
          <BalanceChart timeline={timeline} locale={locale} />
        </Suspense>
      )}
    </section>
  );
}
