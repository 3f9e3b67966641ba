import { bucketOf, type NetworkModel } from '../model/network-model';
import { RunTicker, type RunControl } from '../run-control';
import { NO_DAY } from './no-day';
import { emptyRowFigures, type RowFigures } from './row-figures';

/** Adds one supply line to a row's horizon totals (shared by the full pass and scenario row rebuilds). */
export function countSupply(figures: RowFigures, row: number, bucket: number, qty: number, horizon: number): void {
  if (bucket >= horizon) return;
  figures.inbound[row] = (figures.inbound[row] as number) + qty;
}

export function countDemand(figures: RowFigures, row: number, bucket: number, qty: number, horizon: number): void {
  if (bucket >= horizon) return;
  figures.demandInHorizon[row] = (figures.demandInHorizon[row] as number) + qty;
  if (bucket < 7) figures.demand7[row] = (figures.demand7[row] as number) + qty;
  if (bucket < 30) figures.demand30[row] = (figures.demand30[row] as number) + qty;
  if (bucket < 90) figures.demand90[row] = (figures.demand90[row] as number) + qty;
}

/** Indexed by whether the first stretch is empty (0) or not (1): a start of +∞ counts as no low yet. */
const NOT_OPEN = Float64Array.of(Number.NEGATIVE_INFINITY, 0);

/**
 * The balance pass alone: figures for every row from the model (what the benchmark times). It gives
 * exactly what `projectRow` / `projectQuietRow` give (the property tests hold it to that, bit for
 * bit), in two sweeps:
 * - every row as if quiet (its balance is its on hand all horizon), and most rows of a real network
 *   are (`projectQuietRows`);
 * - then the rows with flow alone (`projectRowsWithFlow`).
 * Both are written for how V8 runs them: each read or write of a typed array re-checks the array
 * (its kind, where its data is, its length) unless the same array was checked earlier in the same
 * step of the loop, and a branch that goes either way with the data costs a pipeline flush each
 * time it is guessed wrong. So the quiet sweep takes eight rows a step, and thresholds are kept with
 * integer arithmetic on 0/1 comparisons rather than with `if`s. (The plain form, one loop asking each
 * row whether it had flow and branching at each new low, ran at 4–5× a plain read of the same
 * arrays; two sweeps with one row a step, at 3.2–4×; this form at about 2.7×.)
 */
export function projectBalances(model: NetworkModel, figures: RowFigures, control?: RunControl): void {
  const ticker = new RunTicker(control, 'Projecting stock', model.rowCount + model.flowSlotCount, 8192);
  projectQuietRows(model, figures, ticker);
  projectRowsWithFlow(model, figures, ticker);
  ticker.finish();
}

/**
 * Every row as if it had no flow: lowest and end balance are its on hand (the column copied
 * whole), it is below its minimum from day 0 when it starts there (NaN, no rule, is below nothing),
 * and short all horizon when it starts negative, which is rare, so only then is it written one by one.
 */
function projectQuietRows(model: NetworkModel, figures: RowFigures, ticker: RunTicker): void {
  const { rowCount, horizonDays: H, onHand, ruleMin } = model;
  const { lowestBalance, endBalance, firstShortageDay, belowMinDay, stockoutDays } = figures;
  // A local copy: an imported binding is looked up (and checked for initialisation) at each use.
  const NONE = NO_DAY;
  lowestBalance.set(onHand);
  endBalance.set(onHand);
  firstShortageDay.fill(NONE);
  stockoutDays.fill(0);
  const startsNegative = (row: number): void => {
    firstShortageDay[row] = 0;
    stockoutDays[row] = H;
  };
  // NO_DAY is −1, so "below from day 0, else never" is the comparison minus one. Eight rows a step,
  // written out: V8 does not unroll loops, and each step re-checks the arrays once, not per row.
  const inSteps = rowCount & ~7;
  let row = 0;
  for (; row < inSteps; row += 8) {
    if ((row & 8191) === 0) ticker.tick(row);
    const s0 = onHand[row] as number;
    const s1 = onHand[row + 1] as number;
    const s2 = onHand[row + 2] as number;
    const s3 = onHand[row + 3] as number;
    const s4 = onHand[row + 4] as number;
    const s5 = onHand[row + 5] as number;
    const s6 = onHand[row + 6] as number;
    const s7 = onHand[row + 7] as number;
    belowMinDay[row] = +(s0 < (ruleMin[row] as number)) + NONE;
    belowMinDay[row + 1] = +(s1 < (ruleMin[row + 1] as number)) + NONE;
    belowMinDay[row + 2] = +(s2 < (ruleMin[row + 2] as number)) + NONE;
    belowMinDay[row + 3] = +(s3 < (ruleMin[row + 3] as number)) + NONE;
    belowMinDay[row + 4] = +(s4 < (ruleMin[row + 4] as number)) + NONE;
    belowMinDay[row + 5] = +(s5 < (ruleMin[row + 5] as number)) + NONE;
    belowMinDay[row + 6] = +(s6 < (ruleMin[row + 6] as number)) + NONE;
    belowMinDay[row + 7] = +(s7 < (ruleMin[row + 7] as number)) + NONE;
    if ((+(s0 < 0) | +(s1 < 0) | +(s2 < 0) | +(s3 < 0) | +(s4 < 0) | +(s5 < 0) | +(s6 < 0) | +(s7 < 0)) !== 0) {
      for (let r = row; r < row + 8; r++) if ((onHand[r] as number) < 0) startsNegative(r);
    }
  }
  for (; row < rowCount; row++) {
    const start = onHand[row] as number;
    belowMinDay[row] = +(start < (ruleMin[row] as number)) + NONE;
    if (start < 0) startsNegative(row);
  }
}

/**
 * The rows with flow (`slotRow`), stepping through the days their flow is not zero (`flowDays`):
 * between them the balance stays as it is, so each stretch of equal days is looked at once.
 * Day counts are int32 and `| 0` tells V8 so (no overflow checks); `x & -c` is x when c is 1 and 0
 * when c is 0. The first stretch below zero, or below the minimum, is always a new low, so the
 * first one found is the day; the minimum counts only up to the first shortage, as in projectRow.
 */
function projectRowsWithFlow(model: NetworkModel, figures: RowFigures, ticker: RunTicker): void {
  const { rowCount, flowSlotCount, horizonDays: H, onHand, ruleMin, slotRow, flowDayStart, flowDays, flowDayNet } = model;
  const { lowestBalance, endBalance, firstShortageDay, belowMinDay, stockoutDays } = figures;
  const notOpen = NOT_OPEN;
  // The lower of two balances picked by index, not by a branch the data would send either way.
  const pick = new Float64Array(2);
  let last = flowDayStart[0] as number;
  for (let slot = 0; slot < flowSlotCount; slot++) {
    if ((slot & 8191) === 0) ticker.tick(rowCount + slot);
    const row = slotRow[slot] as number;
    const min = ruleMin[row] as number;
    const first = last;
    last = flowDayStart[slot + 1] as number;
    let balance = onHand[row] as number;
    // Days [0, first flow day) hold the starting balance; that stretch is empty when flow starts on day 0.
    const opens = +(first < last ? (flowDays[first] as number) > 0 : true);
    // The starting balance counts as a low only when its stretch is not empty (x − 0 keeps a −0 as it is).
    let lowest = balance - (notOpen[opens] as number);
    // NO_DAY (−1) plus one when the opening stretch is already short / below the minimum.
    let shortage = (-1 + (opens & +(balance < 0))) | 0;
    let belowMin = (-1 + (opens & +(balance < min))) | 0;
    // Days short: going short on day d adds the H − d days left, recovering on day d takes them back
    // (so no flow day needs to know where the next one is). Starting short counts from day 0.
    let wasShort = +(balance < 0);
    let stockout = Math.imul(H, wasShort);
    for (let next = first; next < last; next++) {
      const day = flowDays[next] as number;
      balance += flowDayNet[next] as number;
      const short = +(balance < 0);
      // A day is never negative, so a figure still at NO_DAY is the one with its sign bit set.
      const notYetShort = shortage >>> 31;
      belowMin = (belowMin + ((day - belowMin) & -((belowMin >>> 31) & notYetShort & +(balance < min)))) | 0;
      shortage = (shortage + ((day - shortage) & -(notYetShort & short))) | 0;
      pick[0] = lowest;
      pick[1] = balance;
      lowest = pick[+(balance < lowest)] as number;
      stockout = (stockout + Math.imul(H - day, short - wasShort)) | 0;
      wasShort = short;
    }
    lowestBalance[row] = lowest;
    endBalance[row] = balance;
    firstShortageDay[row] = shortage;
    belowMinDay[row] = belowMin;
    stockoutDays[row] = stockout;
  }
}

/** Every row's figures for the snapshot as it stands (no scenario edits). */
export function projectNetwork(model: NetworkModel, control?: RunControl): RowFigures {
  const figures = emptyRowFigures(model.rowCount);
  const horizon = model.horizonDays;
  for (let line = 0; line < model.supplyRow.length; line++) {
    const row = model.supplyRow[line] as number;
    if (row >= 0) countSupply(figures, row, bucketOf(model.supplyDay[line] as number, horizon), model.supplyQty[line] as number, horizon);
  }
  for (let line = 0; line < model.demandRow.length; line++) {
    const row = model.demandRow[line] as number;
    if (row >= 0) countDemand(figures, row, bucketOf(model.demandDay[line] as number, horizon), model.demandQty[line] as number, horizon);
  }
  projectBalances(model, figures, control);
  return figures;
}
