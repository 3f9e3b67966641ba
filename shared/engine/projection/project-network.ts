import { bucketOf, type NetworkModel } from '../model/network-model';
import { RunTicker, type RunControl } from '../run-control';
import { emptyRowFigures, projectQuietRow, projectRow, type RowFigures } from './row-figures';

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

/** The balance pass alone: figures for every row from the model's daily flows (what the benchmark times). */
export function projectBalances(model: NetworkModel, figures: RowFigures, control?: RunControl): void {
  const { rowCount, skuCount, horizonDays, onHand, ruleMin, unitPrice, flowSlot, netFlow } = model;
  const ticker = new RunTicker(control, 'Projecting stock', rowCount, 8192);
  for (let row = 0; row < rowCount; row++) {
    if ((row & 8191) === 0) ticker.tick(row);
    const slot = flowSlot[row] as number;
    const start = onHand[row] as number;
    const min = ruleMin[row] as number;
    const price = unitPrice[row % skuCount] as number;
    if (slot < 0) projectQuietRow(horizonDays, start, min, price, figures, row);
    else projectRow(netFlow, slot * horizonDays, horizonDays, start, min, price, figures, row);
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
