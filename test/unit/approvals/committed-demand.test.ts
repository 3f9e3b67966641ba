import { describe, expect, it } from 'vitest';
import { checkCommittedDemand, projectRow, serviceImpactOf, type RowFlows } from '../../../shared/approvals';

// DESIGN.md's worked example: N1 on hand 100 (30 reserved); demand 30 on day 0, 50 on day 3, 60 on
// day 6; supply 20 on day 5. B = 70 (d0–2), 20 (d3–4), 40 (d5), −20 (d6 on).
const horizon = { dayZero: '2026-03-02', days: 10 };
const n1: RowFlows = {
  onHand: 100,
  supply: [{ date: '2026-03-07', qty: 20 }],
  demand: [
    { date: '2026-03-02', qty: 30 },
    { date: '2026-03-05', qty: 50 },
    { date: '2026-03-08', qty: 60 },
  ],
};

describe('one row projected for the approval checks', () => {
  it('follows the planning semantics: reserved is not subtracted again, overdue sits on day 0', () => {
    expect(projectRow(n1, horizon)).toEqual([70, 70, 70, 20, 20, 40, -20, -20, -20, -20]);
    const overdue = { ...n1, demand: [...n1.demand, { date: '2026-02-20', qty: 5 }], supply: [...n1.supply, { date: '2026-04-30', qty: 999 }] };
    expect(projectRow(overdue, horizon).slice(0, 3)).toEqual([65, 65, 65]);
  });
});

describe('whether a transfer takes its source below the demand it has committed', () => {
  // A source with 100 on hand, 60 due on day 4 and 30 more on day 8: B = 100, …, 40 (d4), …, 10 (d8 on).
  const source: RowFlows = { onHand: 100, supply: [], demand: [{ date: '2026-03-06', qty: 60 }, { date: '2026-03-10', qty: 30 }] };

  it('10 shipped on day 2 leaves every later day at or above zero', () => {
    expect(checkCommittedDemand({ source: 'RDC1', flows: source, horizon, shipDate: '2026-03-04', qty: 10 })).toEqual({ checked: true, jeopardised: false, node: 'RDC1', shortBy: 0, firstShortDate: null });
  });

  it('25 shipped on day 2 leaves day 8 at −15: jeopardised, 15 short from day 8', () => {
    expect(checkCommittedDemand({ source: 'RDC1', flows: source, horizon, shipDate: '2026-03-04', qty: 25 })).toEqual({ checked: true, jeopardised: true, node: 'RDC1', shortBy: 15, firstShortDate: '2026-03-10' });
  });

  it('a source already short counts only the shortage the transfer adds', () => {
    // N1 is 20 short from day 6; shipping 5 on day 7 makes it 25 short.
    expect(checkCommittedDemand({ source: 'N1', flows: n1, horizon, shipDate: '2026-03-09', qty: 5 })).toMatchObject({ jeopardised: true, shortBy: 5 });
  });

  it('shipping after the horizon takes nothing from it; unknown flows are not waved through', () => {
    expect(checkCommittedDemand({ source: 'RDC1', flows: source, horizon, shipDate: '2026-05-01', qty: 1000 }).jeopardised).toBe(false);
    expect(checkCommittedDemand({ source: 'RDC1', flows: null, horizon, shipDate: '2026-03-04', qty: 1 })).toEqual({ checked: false, jeopardised: true, node: 'RDC1', shortBy: 0, firstShortDate: null });
  });
});

describe('what a line does for the node it supplies', () => {
  it('DESIGN.md’s transfer of 25 arriving on day 5 removes N1’s shortage of 20', () => {
    expect(serviceImpactOf({ destination: 'N1', flows: n1, horizon, arrivalDate: '2026-03-07', neededBy: '2026-03-08', daysLate: 0, qty: 25 })).toEqual({
      node: 'N1',
      neededBy: '2026-03-08',
      arrivalDate: '2026-03-07',
      daysLate: 0,
      unitsShortBefore: 20,
      unitsShortAfter: 0,
      firstShortDateBefore: '2026-03-08',
    });
  });

  it('arriving too late for the shortage still counts what it covers within the horizon', () => {
    expect(serviceImpactOf({ destination: 'N1', flows: n1, horizon, arrivalDate: '2026-03-20', neededBy: '2026-03-08', daysLate: 12, qty: 25 })).toMatchObject({ unitsShortBefore: 20, unitsShortAfter: 20 });
  });
});
