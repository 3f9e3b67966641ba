import { describe, expect, it } from 'vitest';
import type { TimelineView } from '../../../shared/ipc';
import { balanceChartOption, balanceSummary } from '../../../renderer/src/screens/scenarios/balance-chart-option';

const dates = ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];
const view: TimelineView = {
  nodeId: 'N1',
  nodeCode: 'N1',
  skuId: 'BOLT',
  skuCode: 'BOLT',
  skuName: 'Bolt',
  baseline: { nodeId: 'N1', skuId: 'BOLT', dates, balance: [10, 10, -5, -5], supply: [0, 0, 0, 0], demand: [0, 0, 15, 0], min: 4, max: 20 },
  scenario: { nodeId: 'N1', skuId: 'BOLT', dates, balance: [10, 30, 15, 15], supply: [0, 20, 0, 0], demand: [0, 0, 15, 0], min: 4, max: 20 },
};
const labels = { date: (iso: string) => iso.slice(5), quantity: (value: number) => String(value) };

describe('the projected-balance chart', () => {
  it('draws baseline and scenario, the min–max band, and a marker where supply arrives and where demand is due', () => {
    const option = balanceChartOption(view, labels);
    const series = option.series as { name: string; data: unknown; markArea?: { data: unknown } }[];
    expect(series.map((entry) => entry.name)).toEqual(['Baseline', 'Scenario', 'Supply arrives', 'Demand due']);
    expect(series[0]?.data).toEqual([10, 10, -5, -5]);
    expect(series[1]?.data).toEqual([10, 30, 15, 15]);
    expect(series[0]?.markArea?.data).toEqual([[{ yAxis: 4, name: 'min 4 – max 20' }, { yAxis: 20 }]]);
    // Markers sit on the scenario's balance on the day of the flow, with the quantity for the tooltip.
    expect(series[2]?.data).toEqual([[1, 30, 20]]);
    expect(series[3]?.data).toEqual([[2, 15, 15]]);
  });

  it('says in words what it shows', () => {
    expect(balanceSummary(view, labels)).toBe('N1 × BOLT: baseline lowest -5, short from 03-04, ends at -5; scenario lowest 10, never short, ends at 15.');
    expect(balanceSummary({ ...view, scenario: null }, labels)).toBe('N1 × BOLT: baseline lowest -5, short from 03-04, ends at -5.');
  });
});
