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

/**
 * The balance pass alone: figures for every row from the model (what the benchmark times). It gives
 * exactly what `projectRow` / `projectQuietRow` give, and the scenario property tests hold the two to
 * identical results, but it steps only through the days a row's flow is not zero (`flowDays`): between
 * them the balance stays as it is (adding the zeros would not change a bit of it), so a stretch of
 * equal days is one new low at most, and its stockout days are its length.
 */
export function projectBalances(model: NetworkModel, figures: RowFigures, control?: RunControl): void {
  const { rowCount, skuCount, horizonDays: H, onHand, ruleMin, unitPrice, flowSlot, flowDayStart, flowDays, flowDayNet } = model;
  const { lowestBalance, endBalance, firstShortageDay, belowMinDay, stockoutDays, unitsShort, daysOfCover, valueAtRisk } = figures;
  const ticker = new RunTicker(control, 'Projecting stock', rowCount, 8192);
  // A local copy: an imported binding is looked up (and checked for initialisation) at each use.
  const NONE = NO_DAY;
  for (let row = 0, sku = 0; row < rowCount; row++, sku = sku + 1 === skuCount ? 0 : sku + 1) {
    if ((row & 8191) === 0) ticker.tick(row);
    const slot = flowSlot[row] as number;
    const start = onHand[row] as number;
    const min = ruleMin[row] as number;
    let balance = start;
    let lowest = start;
    let shortage = NONE;
    let belowMin = NONE;
    let stockout = 0;
    if (slot < 0) {
      if (start < 0) {
        shortage = 0;
        stockout = H;
      }
      if (start < min) belowMin = 0;
    } else {
      const last = flowDayStart[slot + 1] as number;
      lowest = Number.POSITIVE_INFINITY;
      // Stretch by stretch: [from, to) holds `balance`; the next stretch starts on the next flow day.
      for (let next = flowDayStart[slot] as number, from = 0; from < H; next++) {
        const to = next < last ? (flowDays[next] as number) : H;
        if (to > from) {
          if (balance < lowest) {
            lowest = balance;
            // Like projectRow: thresholds are looked for until the first shortage, at new lows only.
            if (shortage === NONE) {
              if (lowest < min && belowMin === NONE) belowMin = from;
              if (lowest < 0) shortage = from;
            }
          }
          if (balance < 0) stockout += to - from;
        }
        if (next >= last) break;
        balance += flowDayNet[next] as number;
        from = to;
      }
    }
    const short = lowest < 0 ? -lowest : 0;
    lowestBalance[row] = lowest;
    endBalance[row] = balance;
    firstShortageDay[row] = shortage;
    belowMinDay[row] = belowMin;
    stockoutDays[row] = stockout;
    unitsShort[row] = short;
    daysOfCover[row] = shortage === NONE ? H : shortage;
    valueAtRisk[row] = short * (unitPrice[sku] as number);
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
