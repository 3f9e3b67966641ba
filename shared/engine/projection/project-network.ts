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
 *   are: the on-hand column copied whole, "never" filled in whole, and only the rows already short
 *   or under their minimum at the start written one by one;
 * - then the rows with flow alone (`slotRow`), stepping through the days their flow is not zero
 *   (`flowDays`): between them the balance stays as it is, so each stretch of equal days is looked
 *   at once.
 * A row's balance goes up and down with the data, so the thresholds are kept with arithmetic on 0/1
 * comparisons rather than with `if`s the processor would mispredict. The plain form, one loop asking
 * each row whether it had flow and branching at each new low, ran at 4–5× a plain read of the same
 * arrays, most of it in mispredicted branches; this one runs at about 3×. (Going block by block, so
 * the second sweep rewrites rows still in cache, measured no faster.)
 */
export function projectBalances(model: NetworkModel, figures: RowFigures, control?: RunControl): void {
  const { rowCount, flowSlotCount, horizonDays: H, onHand, ruleMin, slotRow, flowDayStart, flowDays, flowDayNet } = model;
  const { lowestBalance, endBalance, firstShortageDay, belowMinDay, stockoutDays } = figures;
  const ticker = new RunTicker(control, 'Projecting stock', rowCount + flowSlotCount, 8192);
  // A local copy: an imported binding is looked up (and checked for initialisation) at each use.
  // The arithmetic below relies on it being −1.
  const NONE = NO_DAY;
  lowestBalance.set(onHand);
  endBalance.set(onHand);
  firstShortageDay.fill(NONE);
  belowMinDay.fill(NONE);
  stockoutDays.fill(0);
  for (let row = 0; row < rowCount; row++) {
    if ((row & 8191) === 0) ticker.tick(row);
    const start = onHand[row] as number;
    // A row without a rule has a NaN minimum, which nothing is below.
    const min = ruleMin[row] as number;
    if (start < min || start < 0) {
      if (start < 0) {
        firstShortageDay[row] = 0;
        stockoutDays[row] = H;
      }
      if (start < min) belowMinDay[row] = 0;
    }
  }
  for (let slot = 0; slot < flowSlotCount; slot++) {
    if ((slot & 8191) === 0) ticker.tick(rowCount + slot);
    const row = slotRow[slot] as number;
    const min = ruleMin[row] as number;
    const first = flowDayStart[slot] as number;
    const last = flowDayStart[slot + 1] as number;
    let balance = onHand[row] as number;
    // Days [0, first flow day) hold the starting balance; that stretch is empty when flow starts on day 0.
    const firstFlowDay = first < last ? (flowDays[first] as number) : H;
    const opens = +(firstFlowDay > 0);
    // The starting balance counts as a low only when its stretch is not empty (x − 0 keeps a −0 as it is).
    let lowest = balance - (NOT_OPEN[opens] as number);
    let shortage = NONE + opens * +(balance < 0);
    let belowMin = NONE + opens * +(balance < min);
    let stockout = firstFlowDay * +(balance < 0);
    // Each flow day starts a stretch that lasts to the next one (or the horizon's end). The first
    // stretch below zero, or below the minimum, is always a new low, so the first one found is the
    // day; the minimum counts only up to the first shortage, as in projectRow.
    for (let next = first; next < last; next++) {
      const from = flowDays[next] as number;
      const to = next + 1 < last ? (flowDays[next + 1] as number) : H;
      balance += flowDayNet[next] as number;
      const notYetShort = +(shortage === NONE);
      belowMin += (from - belowMin) * (+(belowMin === NONE) & notYetShort & +(balance < min));
      shortage += (from - shortage) * (notYetShort & +(balance < 0));
      lowest = balance < lowest ? balance : lowest;
      stockout += (to - from) * +(balance < 0);
    }
    lowestBalance[row] = lowest;
    endBalance[row] = balance;
    firstShortageDay[row] = shortage;
    belowMinDay[row] = belowMin;
    stockoutDays[row] = stockout;
  }
  ticker.finish();
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
