import { describe, expect, it } from 'vitest';
import { describeNetworkChange, LISTED_CHANGES, networkChanges, summariseChanges, type ComparedFlows, type DemandLine, type NetworkChangeEvent, type SupplyLine } from '../../../shared/domain';

const AT = '2026-11-28T07:00:00.000Z';
const COST: Record<string, number> = { 'SKU-1': 10, 'SKU-2': 200 };
const context = { at: AT, unitCostOf: (skuId: string) => COST[skuId] ?? 0 };

function purchase(id: string, overrides: Partial<SupplyLine> = {}): SupplyLine {
  return { id, nodeId: 'RDC1', skuId: 'SKU-1', qty: 40, eta: '2026-12-03', kind: 'purchase', counterparty: 'Acme Fasteners', source: { model: 'stock.move', id: 42, name: 'P00042' }, ...overrides };
}

function order(id: string, overrides: Partial<DemandLine> = {}): DemandLine {
  return { id, nodeId: 'FSL01', skuId: 'SKU-1', qty: 12, dueDate: '2026-12-01', customer: 'Rossi Foods', priority: 2, unitMargin: 4, source: { model: 'stock.move', id: 77, name: 'S00077' }, ...overrides };
}

const flows = (parts: Partial<ComparedFlows>): ComparedFlows => ({ positions: [], supply: [], demand: [], ...parts });

function only(events: NetworkChangeEvent[]): NetworkChangeEvent {
  expect(events).toHaveLength(1);
  return events[0] as NetworkChangeEvent;
}

describe('what a sync changed, line by line', () => {
  it('a purchase whose ETA moved a week later is one change, counted as later, with both dates', () => {
    const { counts, events } = networkChanges(flows({ supply: [purchase('move:42:in')] }), flows({ supply: [purchase('move:42:in', { eta: '2026-12-10' })] }), context);
    expect(counts.supply).toEqual({ new: 0, later: 1, earlier: 0, changed: 0, closed: 0 });
    const event = only(events);
    expect(event).toMatchObject({ kind: 'supply-changed', change: 'changed', etaBefore: '2026-12-03', etaAfter: '2026-12-10', qtyBefore: 40, qtyAfter: 40, at: AT, actor: 'system' });
    expect(describeNetworkChange(event)).toBe('Purchase P00042 from Acme Fasteners: ETA 2026-12-03 → 2026-12-10 (7 days later)');
  });

  it('names new and closed supply, and a transfer that went in transit', () => {
    const transfer = purchase('move:9:in', { kind: 'transfer-in', counterparty: 'RDC2', source: { model: 'stock.move', id: 9, name: 'WH/INT/00009' } });
    const { counts, events } = networkChanges(
      flows({ supply: [purchase('move:42:in'), transfer] }),
      flows({ supply: [{ ...transfer, kind: 'transit' }, purchase('move:50:in', { qty: 5, source: { model: 'stock.move', id: 50, name: 'P00050' } })] }),
      context,
    );
    expect(counts.supply).toEqual({ new: 1, later: 0, earlier: 0, changed: 1, closed: 1 });
    const words = events.map((event) => describeNetworkChange(event));
    expect(words).toContain('Purchase P00042 from Acme Fasteners no longer open (received or cancelled): 40 that was due 2026-12-03');
    expect(words).toContain('Transfer in transit WH/INT/00009 from RDC2: now in transit');
    expect(words).toContain('New purchase P00050 from Acme Fasteners: 5 arriving 2026-12-03');
  });

  it('reports new, moved and closed order lines, and on-hand changes, but not what stayed the same', () => {
    const before = flows({
      positions: [
        { nodeId: 'FSL01', skuId: 'SKU-1', onHand: 30, reserved: 0 },
        { nodeId: 'FSL01', skuId: 'SKU-2', onHand: 8, reserved: 2 },
      ],
      demand: [order('move:77:out'), order('move:78:out', { qty: 3 }), order('move:79:out', { customer: 'Weber' })],
    });
    const after = flows({
      // Only the reservation moved on SKU-2: not a change a planner acts on.
      positions: [
        { nodeId: 'FSL01', skuId: 'SKU-1', onHand: 18, reserved: 0 },
        { nodeId: 'FSL01', skuId: 'SKU-2', onHand: 8, reserved: 0 },
      ],
      demand: [order('move:77:out', { dueDate: '2026-11-29', qty: 15 }), order('move:78:out', { qty: 3 }), order('move:80:out', { source: { model: 'stock.move', id: 80, name: 'S00080' } })],
    });
    const { counts, events } = networkChanges(before, after, context);
    expect(counts.stock).toBe(1);
    expect(counts.demand).toEqual({ new: 1, changed: 1, closed: 1 });
    const words = events.map((event) => describeNetworkChange(event));
    expect(words).toContain('On hand 30 → 18');
    expect(words).toContain('Order S00077 for Rossi Foods: due 2026-12-01 → 2026-11-29 (2 days earlier); quantity 12 → 15');
    expect(words).toContain('Order S00077 for Weber no longer open (shipped or cancelled): 12 that was due 2026-12-01');
    expect(words).toContain('New order S00080 for Rossi Foods: 12 due 2026-12-01');
    expect(words).toHaveLength(4);
  });

  it('stock that appears or disappears for a node × SKU counts from and to zero', () => {
    const { events } = networkChanges(flows({ positions: [{ nodeId: 'RDC1', skuId: 'SKU-1', onHand: 6, reserved: 0 }] }), flows({ positions: [{ nodeId: 'RDC1', skuId: 'SKU-2', onHand: 4, reserved: 0 }] }), context);
    expect(events.map((event) => (event.kind === 'stock-changed' ? [event.skuId, event.onHandBefore, event.onHandAfter] : null))).toEqual([
      ['SKU-2', 0, 4],
      ['SKU-1', 6, 0],
    ]);
  });

  it('lists the costliest changes first and keeps at most LISTED_CHANGES, while the counts stay whole', () => {
    const many = Array.from({ length: LISTED_CHANGES + 50 }, (_, i) => purchase(`move:${i}:in`, { qty: 1 + (i % 7) }));
    const dear = purchase('move:dear:in', { skuId: 'SKU-2', qty: 2 });
    const { counts, events } = networkChanges(flows({}), flows({ supply: [...many, dear] }), context);
    expect(counts.supply.new).toBe(LISTED_CHANGES + 51);
    expect(events).toHaveLength(LISTED_CHANGES);
    // 2 × 200 beats 7 × 10.
    expect(events[0]).toMatchObject({ lineId: 'move:dear:in' });
    const weights = events.map((event) => (event.kind === 'supply-changed' ? (event.qtyAfter ?? 0) * (COST[event.skuId] ?? 0) : 0));
    expect(weights).toEqual([...weights].sort((a, b) => b - a));
  });

  it('a network built again in the same order, less one line in the middle and plus one at the end, is that close and that new only', () => {
    const lines = Array.from({ length: 500 }, (_, i) => order(`move:${i}:out`));
    const rebuilt = [...lines.slice(0, 200).map((line) => ({ ...line })), ...lines.slice(201).map((line) => ({ ...line })), order('move:900:out')];
    const { counts, events } = networkChanges(flows({ demand: lines }), flows({ demand: rebuilt }), context);
    expect(counts.demand).toEqual({ new: 1, changed: 0, closed: 1 });
    expect(events.map((event) => (event.kind === 'demand-changed' ? [event.lineId, event.change] : null)).sort()).toEqual([
      ['move:200:out', 'closed'],
      ['move:900:out', 'new'],
    ]);
  });

  it('the same two networks always give the same list (ties broken by node, SKU and line)', () => {
    const supply = Array.from({ length: 30 }, (_, i) => purchase(`move:${i}:in`));
    const first = networkChanges(flows({}), flows({ supply }), context);
    const second = networkChanges(flows({}), flows({ supply: [...supply].reverse() }), context);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
  });

  it('sums a sync up most pressing first, and says so when nothing changed', () => {
    const { counts } = networkChanges(flows({ supply: [purchase('a'), purchase('b')] }), flows({ supply: [purchase('a', { eta: '2026-12-05' }), purchase('b', { eta: '2026-12-09' })], demand: [order('c')] }), context);
    expect(summariseChanges({ ...counts, shortages: { 'now short': 1, earlier: 0, later: 0, 'no longer short': 0 } })).toBe('1 node × SKU now short, 2 ETAs later, 1 new order line');
    expect(summariseChanges(networkChanges(flows({}), flows({}), context).counts)).toBe('nothing changed');
  });
});
