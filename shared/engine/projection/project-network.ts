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
 * The balance pass alone: figures for every row from the model's daily flows (what the benchmark
 * times). It is `projectRow` / `projectQuietRow` written out inline over hoisted arrays, because this
 * loop runs over every cell of the network; the arithmetic is the same step for step, and the
 * scenario property tests hold the two to identical results.
 */
export function projectBalances(model: NetworkModel, figures: RowFigures, control?: RunControl): void {
  const { rowCount, skuCount, horizonDays: H, onHand, ruleMin, unitPrice, flowSlot, netFlow } = model;
  const { lowestBalance, endBalance, firstShortageDay, belowMinDay, stockoutDays, unitsShort, daysOfCover, valueAtRisk } = figures;
  const ticker = new RunTicker(control, 'Projecting stock', rowCount, 8192);
  for (let row = 0, sku = 0; row < rowCount; row++, sku = sku + 1 === skuCount ? 0 : sku + 1) {
    if ((row & 8191) === 0) ticker.tick(row);
    const slot = flowSlot[row] as number;
    const start = onHand[row] as number;
    const min = ruleMin[row] as number;
    let balance = start;
    let lowest = start;
    let shortage = NO_DAY;
    let belowMin = NO_DAY;
    let stockout = 0;
    if (slot < 0) {
      if (start < 0) {
        shortage = 0;
        stockout = H;
      }
      if (start < min) belowMin = 0;
    } else {
      const offset = slot * H;
      lowest = Number.POSITIVE_INFINITY;
      let day = 0;
      for (; day < H; day++) {
        balance += netFlow[offset + day] as number;
        if (balance < lowest) {
          lowest = balance;
          if (lowest < min && belowMin === NO_DAY) belowMin = day;
          if (lowest < 0) {
            shortage = day;
            stockout = 1;
            day++;
            break;
          }
        }
      }
      for (; day < H; day++) {
        balance += netFlow[offset + day] as number;
        if (balance < lowest) lowest = balance;
        if (balance < 0) stockout++;
      }
    }
    const short = lowest < 0 ? -lowest : 0;
    lowestBalance[row] = lowest;
    endBalance[row] = balance;
    firstShortageDay[row] = shortage;
    belowMinDay[row] = belowMin;
    stockoutDays[row] = stockout;
    unitsShort[row] = short;
    daysOfCover[row] = shortage === NO_DAY ? H : shortage;
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
