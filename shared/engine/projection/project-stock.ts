import { daysBetween } from '../../domain';
import type { NetworkSnapshot } from '../../domain';
import { buildNetworkModel, type NetworkModel } from '../model/network-model';
import type { RunControl } from '../run-control';
import { projectNetwork } from './project-network';
import { daysOfCoverOf, unitsShortOf, type RowFigures } from './row-figures';

/**
 * Per node × SKU planning figures, held column-wise. Row p is node-major:
 * p = nodeIndex * skuCount + skuIndex, so a node's rows are contiguous.
 */
export interface StockProjection {
  horizonDays: number;
  nodeIds: string[];
  skuIds: string[];
  onHand: Float64Array;
  reserved: Float64Array;
  /** Open supply arriving within the horizon (overdue supply counts on day 0). */
  inbound: Float64Array;
  demand7: Float64Array;
  demand30: Float64Array;
  demand90: Float64Array;
  lowestBalance: Float64Array;
  /** First day the projected balance is below zero; -1 when it never is. */
  firstShortageDay: Int16Array;
  /** First day the projected balance is below the stock rule's minimum; -1 when never (or no rule). */
  belowMinDay: Int16Array;
  /** Per SKU: what a unit short is worth (`valueAtRiskAt`). */
  unitPrice: Float64Array;
}

/** Units short, days of cover and value at risk are worked out from the stored figures where read. */
export function unitsShortAt(projection: Pick<StockProjection, 'lowestBalance'>, row: number): number {
  return unitsShortOf(projection.lowestBalance[row] as number);
}

export function daysOfCoverAt(projection: Pick<StockProjection, 'firstShortageDay' | 'horizonDays'>, row: number): number {
  return daysOfCoverOf(projection.firstShortageDay[row] as number, projection.horizonDays);
}

export function valueAtRiskAt(projection: Pick<StockProjection, 'lowestBalance' | 'unitPrice'>, row: number): number {
  return unitsShortAt(projection, row) * (projection.unitPrice[row % projection.unitPrice.length] as number);
}

/** Clamps a date to its bucket: overdue flows sit on day 0; anything past the horizon is outside it. */
export function dayIndexOf(dayZero: string, date: string, horizonDays: number): number {
  const offset = daysBetween(dayZero, date);
  if (offset < 0) return 0;
  return offset < horizonDays ? offset : horizonDays;
}

/**
 * Projected balance B[d] = on hand + Σ supply with ETA ≤ d − Σ demand due ≤ d (DESIGN.md,
 * Planning semantics). Reserved stock is not subtracted: its demand line is already counted.
 */
export function projectStock(snapshot: NetworkSnapshot, control?: RunControl): StockProjection {
  const model = buildNetworkModel(snapshot, control);
  return stockProjectionOf(model, projectNetwork(model, control));
}

/** The per-row figures in the shape the Stock and Network views read, from a model and its figures. */
export function stockProjectionOf(model: NetworkModel, figures: RowFigures): StockProjection {
  return {
    horizonDays: model.horizonDays,
    nodeIds: [...model.nodeIds],
    skuIds: [...model.skuIds],
    onHand: model.onHand,
    reserved: model.reserved,
    inbound: figures.inbound,
    demand7: figures.demand7,
    demand30: figures.demand30,
    demand90: figures.demand90,
    lowestBalance: figures.lowestBalance,
    firstShortageDay: figures.firstShortageDay,
    belowMinDay: figures.belowMinDay,
    unitPrice: model.unitPrice,
  };
}
