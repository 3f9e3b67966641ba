import { describe, expect, it } from 'vitest';
import { projectStock } from '../../../shared/engine';
import { StockView } from '../../../electron/services/planning/views/stock-view';
import { networkSnapshot } from '../../factories/snapshot';

const snapshot = networkSnapshot({
  dayZero: '2026-03-02',
  nodes: ['N1', 'N2'],
  skus: [{ id: 'BOLT', unitPrice: 2 }, { id: 'HOSE', unitPrice: 10 }, { id: 'WRAP', unitPrice: 5 }],
  positions: [
    { nodeId: 'N1', skuId: 'BOLT', onHand: 10, reserved: 0 },
    { nodeId: 'N1', skuId: 'HOSE', onHand: 5, reserved: 5 },
    { nodeId: 'N1', skuId: 'WRAP', onHand: 50, reserved: 0 },
    { nodeId: 'N2', skuId: 'BOLT', onHand: 0, reserved: 0 },
    { nodeId: 'N2', skuId: 'HOSE', onHand: 100, reserved: 0 },
    { nodeId: 'N2', skuId: 'WRAP', onHand: 3, reserved: 0 },
  ],
  demand: [
    { nodeId: 'N1', skuId: 'BOLT', qty: 15, dueDate: '2026-03-12' }, // short on day 10
    { nodeId: 'N1', skuId: 'HOSE', qty: 8, dueDate: '2026-03-02' }, // short on day 0
    { nodeId: 'N2', skuId: 'WRAP', qty: 4, dueDate: '2026-03-05' }, // short on day 3
  ],
  stockRules: [{ nodeId: 'N1', skuId: 'WRAP', min: 60, max: 100, multiple: 1, safetyStock: 0 }],
});
const view = new StockView(snapshot, projectStock(snapshot));
const none = new Set<string>();
const keys = (rows: { nodeId: string; skuId: string }[]): string[] => rows.map((row) => `${row.nodeId}/${row.skuId}`);

describe('the Stock view', () => {
  it('sorts by first shortage day with rows that never run short last, both ways', () => {
    const asc = view.query({ filter: {}, sort: [{ column: 'firstShortageDay', direction: 'asc' }], offset: 0, limit: 10 }, none);
    expect(keys(asc.rows)).toEqual(['N1/HOSE', 'N2/WRAP', 'N1/BOLT', 'N1/WRAP', 'N2/BOLT', 'N2/HOSE']);
    const desc = view.query({ filter: {}, sort: [{ column: 'firstShortageDay', direction: 'desc' }], offset: 0, limit: 10 }, none);
    expect(keys(desc.rows).slice(0, 3)).toEqual(['N1/BOLT', 'N2/WRAP', 'N1/HOSE']);
  });

  it('filters by node, SKU text and shortage, and counts what matched', () => {
    expect(keys(view.query({ filter: { nodeId: 'N2' }, sort: [], offset: 0, limit: 10 }, none).rows)).toEqual(['N2/BOLT', 'N2/HOSE', 'N2/WRAP']);
    expect(keys(view.query({ filter: { skuText: 'item ho' }, sort: [], offset: 0, limit: 10 }, none).rows)).toEqual(['N1/HOSE', 'N2/HOSE']);
    const short = view.query({ filter: { onlyShort: true }, sort: [], offset: 0, limit: 1 }, none);
    expect(short.total).toBe(3);
    expect(short.rows).toHaveLength(1);
  });

  it('shows the figures a planner would compute by hand', () => {
    const [row] = view.query({ filter: { nodeId: 'N1', skuText: 'BOLT' }, sort: [], offset: 0, limit: 1 }, new Set(['N1'])).rows;
    expect(row).toMatchObject({
      onHand: 10,
      available: 10,
      demand7: 0,
      demand30: 15,
      lowestBalance: -5,
      firstShortageDay: 10,
      firstShortageDate: '2026-03-12',
      unitsShort: 5,
      daysOfCover: 10,
      valueAtRisk: 10,
      stale: true,
    });
    const [wrap] = view.query({ filter: { nodeId: 'N1', skuText: 'WRAP' }, sort: [], offset: 0, limit: 1 }, none).rows;
    expect(wrap).toMatchObject({ min: 60, belowMinDay: 0, firstShortageDay: null, daysOfCover: 90 });
  });

  it('pages by slicing the same order', () => {
    const all = view.query({ filter: {}, sort: [{ column: 'onHand', direction: 'desc' }], offset: 0, limit: 10 }, none);
    const page = view.query({ filter: {}, sort: [{ column: 'onHand', direction: 'desc' }], offset: 2, limit: 2 }, none);
    expect(page.rows).toEqual(all.rows.slice(2, 4));
    expect(keys(all.rows)[0]).toBe('N2/HOSE');
  });
});
