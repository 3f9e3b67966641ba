import type { KpiView, ScenarioCompareView } from '../../../../shared/ipc';
import { formatCost, formatQuantity } from '../../format';

type KpiName = keyof KpiView;

const ROWS: { name: KpiName; label: string; kind: 'percent' | 'quantity' | 'money'; better: 'higher' | 'lower' | null }[] = [
  { name: 'fillRate', label: 'Fill rate', kind: 'percent', better: 'higher' },
  { name: 'unitsShort', label: 'Units short', kind: 'quantity', better: 'lower' },
  { name: 'stockoutNodeDays', label: 'Stockout node-days', kind: 'quantity', better: 'lower' },
  { name: 'transferCost', label: 'Transfer cost', kind: 'money', better: null },
  { name: 'purchaseCost', label: 'Purchase cost', kind: 'money', better: null },
  { name: 'inventoryValue', label: 'Inventory value (end of horizon)', kind: 'money', better: null },
  { name: 'demandUnits', label: 'Demand units', kind: 'quantity', better: null },
];

/** Baseline, scenario and the change for each KPI; a change for the better or worse says so by colour and words. */
export function KpiPanel({ compare, locale, currency }: { compare: ScenarioCompareView | null; locale: string; currency: string }) {
  if (!compare) return <p className="muted">Computing the comparison…</p>;
  const show = (value: number | null, kind: 'percent' | 'quantity' | 'money', signed = false): string => {
    if (value === null) return formatCost(null, locale, currency);
    const sign = signed && value > 0 ? '+' : '';
    if (kind === 'percent') return signed ? `${sign}${(value * 100).toFixed(3)} pts` : `${formatQuantity(Math.round(value * 100 * 100) / 100, locale)} %`;
    if (kind === 'money') return `${sign}${formatCost(value, locale, currency)}`;
    return `${sign}${formatQuantity(value, locale)}`;
  };
  return (
    <table className="kpi-table" data-testid="kpi-panel">
      <thead>
        <tr>
          <th scope="col">KPI</th>
          <th scope="col">Baseline</th>
          <th scope="col">Scenario</th>
          <th scope="col">Change</th>
        </tr>
      </thead>
      <tbody>
        {ROWS.map((row) => {
          const delta = compare.kpis.delta[row.name];
          const tone = delta === null || delta === 0 || row.better === null ? '' : (delta > 0) === (row.better === 'higher') ? 'better' : 'worse';
          return (
            <tr key={row.name} data-testid={`kpi-${row.name}`} data-delta={delta ?? ''}>
              <th scope="row">{row.label}</th>
              <td>{show(compare.kpis.base[row.name], row.kind)}</td>
              <td>{show(compare.kpis.scenario[row.name], row.kind)}</td>
              <td className={`kpi-delta ${tone}`}>
                {delta === 0 ? '—' : show(delta, row.kind, true)}
                {tone && <span className="visually-hidden"> ({tone})</span>}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
