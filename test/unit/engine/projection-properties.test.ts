import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { bucketOf, buildNetworkModel, emptyRowFigures, projectBalances, projectQuietRow, projectRow, type NetworkModel, type RowFigures } from '../../../shared/engine';
import { generateDemoNetwork } from '../../../shared/demo';
import { smallNetwork } from './arbitraries';

/**
 * Every slot's every day, added up straight from the model's lines (supply in snapshot order, then
 * demand), without its sparse days: the reference the sparse pass is held to.
 */
function everyDaysFlow(model: NetworkModel): Float64Array {
  const H = model.horizonDays;
  const daily = new Float64Array(model.flowSlotCount * H);
  const add = (rows: Int32Array, days: Int32Array, qty: Float64Array, sign: number): void => {
    for (let line = 0; line < rows.length; line++) {
      const row = rows[line] as number;
      const bucket = bucketOf(days[line] as number, H);
      if (row < 0 || bucket >= H) continue;
      const at = (model.flowSlot[row] as number) * H + bucket;
      daily[at] = (daily[at] as number) + sign * (qty[line] as number);
    }
  };
  add(model.supplyRow, model.supplyDay, model.supplyQty, 1);
  add(model.demandRow, model.demandDay, model.demandQty, -1);
  return daily;
}

const FIGURES: (keyof RowFigures)[] = ['lowestBalance', 'endBalance', 'firstShortageDay', 'belowMinDay', 'stockoutDays'];

/** Each row walked day by day through `projectRow`, the reference the pass is held to. */
function walkedFigures(model: NetworkModel): RowFigures {
  const walked = emptyRowFigures(model.rowCount);
  const H = model.horizonDays;
  const daily = everyDaysFlow(model);
  for (let row = 0; row < model.rowCount; row++) {
    const slot = model.flowSlot[row] ?? -1;
    const start = model.onHand[row] ?? 0;
    const min = model.ruleMin[row] ?? Number.NaN;
    if (slot < 0) projectQuietRow(H, start, min, walked, row);
    else projectRow(daily, slot * H, H, start, min, walked, row);
  }
  return walked;
}

function expectSameFigures(pass: RowFigures, walked: RowFigures): void {
  for (const figure of FIGURES) {
    // Object.is, not ===: a −0 where the walk gives 0 would be a difference too.
    const differs = Array.from(pass[figure]).findIndex((value, row) => !Object.is(value, walked[figure][row]));
    expect(differs, `${figure} of row ${differs}`).toBe(-1);
  }
}

// Hundreds of random cases: generous time on a shared machine (no timing is asserted).
describe('the full projection pass', { timeout: 120_000 }, () => {
  it('gives every row exactly the figures of walking each of its days, though it steps only through the days with flow, whatever it starts with', () => {
    fc.assert(
      fc.property(smallNetwork({ nodes: 4, skus: 4, horizon: 40, negativeStock: true }), (snapshot) => {
        const model = buildNetworkModel(snapshot);
        const pass = emptyRowFigures(model.rowCount);
        projectBalances(model, pass);
        expectSameFigures(pass, walkedFigures(model));
      }),
      { numRuns: 400 },
    );
  });

  it('gives the same on a network of many blocks, where rows with flow and quiet rows alternate across block edges', () => {
    const { snapshot } = generateDemoNetwork({ seed: 5, nodes: 3, skus: 7000, dayZero: '2026-03-02', takenAt: '2026-03-02T06:00:00.000Z' });
    const model = buildNetworkModel(snapshot);
    // Three blocks and part of a fourth, and both kinds of row in each.
    expect(model.rowCount).toBeGreaterThan(2 * 8192);
    expect(model.flowSlotCount).toBeGreaterThan(1000);
    expect(model.rowCount - model.flowSlotCount).toBeGreaterThan(1000);
    const pass = emptyRowFigures(model.rowCount);
    pass.lowestBalance.fill(Number.NaN);
    projectBalances(model, pass);
    expectSameFigures(pass, walkedFigures(model));
  });
});
