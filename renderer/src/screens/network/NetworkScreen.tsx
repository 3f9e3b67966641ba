import { useEffect, useState } from 'react';
import type { NetworkSummary } from '../../../../shared/ipc';
import { planner } from '../../bridge';
import { FreshnessBadge } from '../../components/FreshnessBadge';
import { formatCost, formatQuantity } from '../../format';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../stores/app-store';
import { SyncChangesPanel } from './SyncChangesPanel';
import { SyncStrip } from './SyncStrip';

const KIND_LABEL = { 'regional-warehouse': 'Regional warehouse', 'forward-stocking': 'Forward stocking location', '3pl': '3PL', 'cross-dock': 'Cross-dock', hub: 'Hub' } as const;

export function NetworkScreen() {
  const { description, networkVersion, show } = useAppStore(useShallow((state) => ({ description: state.description, networkVersion: state.networkVersion, show: state.show })));
  const [summary, setSummary] = useState<NetworkSummary | null>(null);
  const [error, setError] = useState<string | null>(null);
  const locale = description?.region.locale ?? 'en-GB';

  // Asked again when the network changes, and when the user does (another user may not see costs).
  useEffect(() => {
    let current = true;
    planner()
      .invoke('network.summary', {})
      .then((value) => current && (setSummary(value), setError(null)))
      .catch((reason: unknown) => current && setError(reason instanceof Error ? reason.message : String(reason)));
    return () => {
      current = false;
    };
  }, [networkVersion, description?.user?.login]);

  if (error) return <section className="screen"><h1>Network</h1><div className="empty-state" role="alert">{error}</div></section>;
  if (!summary) return <section className="screen"><h1>Network</h1><p className="muted">Loading the network…</p></section>;

  return (
    <section className="screen" aria-labelledby="network-title">
      <div className="screen-header">
        <h1 id="network-title">Network</h1>
        <p className="muted">
          Projection from {summary.dayZero} over {summary.horizonDays} days · {summary.nodes.length} nodes · {formatQuantity(summary.totals.skuRows, locale)} node × SKU rows
        </p>
      </div>
      <SyncStrip locale={locale} />
      <div className="kpis">
        <div className="kpi"><span className="kpi-value">{formatQuantity(summary.totals.shortWithin7Days, locale)}</span><span className="kpi-label">short within 7 days</span></div>
        <div className="kpi"><span className="kpi-value">{formatQuantity(summary.totals.shortWithin30Days, locale)}</span><span className="kpi-label">short within 30 days</span></div>
        <div className="kpi"><span className="kpi-value" data-testid="total-value-at-risk" title={summary.totals.valueAtRisk === null ? 'Your role does not see costs' : undefined}>{formatCost(summary.totals.valueAtRisk, locale, summary.currency)}</span><span className="kpi-label">value at risk</span></div>
        <div className={summary.totals.staleNodes > 0 ? 'kpi kpi-warning' : 'kpi'}><span className="kpi-value">{summary.totals.staleNodes}</span><span className="kpi-label">nodes with stale data</span></div>
      </div>
      <ul className="node-cards" aria-label="Nodes">
        {summary.nodes.map((node) => (
          <li key={node.nodeId} className={node.stale ? 'node-card stale' : 'node-card'} data-testid="node-card" data-node-id={node.nodeId}>
            <button type="button" className="node-card-button" onClick={() => show('stock', { nodeId: node.nodeId })} aria-label={`Show stock of ${node.name}`}>
              <div className="node-card-title">
                <span className="node-code">{node.code}</span>
                <span className="node-name">{node.name}</span>
              </div>
              <div className="node-card-meta">{KIND_LABEL[node.kind]} · {node.area}</div>
              <dl className="node-figures">
                <div><dt>Short ≤ 7 d</dt><dd data-figure="short7" className={node.shortWithin7Days > 0 ? 'bad' : ''}>{formatQuantity(node.shortWithin7Days, locale)}</dd></div>
                <div><dt>Short ≤ 30 d</dt><dd data-figure="short30">{formatQuantity(node.shortWithin30Days, locale)}</dd></div>
                <div><dt>Days of cover</dt><dd data-figure="cover">{formatQuantity(node.daysOfCover, locale)}</dd></div>
                <div><dt>Value at risk</dt><dd data-figure="var" className={node.valueAtRisk === null ? 'muted' : ''}>{formatCost(node.valueAtRisk, locale, summary.currency)}</dd></div>
              </dl>
              <FreshnessBadge freshness={node.freshness} />
            </button>
          </li>
        ))}
      </ul>
      <p className="muted footnote">Days of cover: days until the projected balance first goes below zero, averaged over the node's SKUs weighted by their demand in the horizon.</p>
      <SyncChangesPanel locale={locale} odoo={description?.mode === 'odoo'} />
    </section>
  );
}
