import { NO_DAY } from './no-day';

/**
 * Per node × SKU planning figures, one typed array per figure (row p = node * skuCount + sku).
 * Semantics are DESIGN.md's "Planning semantics": B[d] = on hand + Σ supply ≤ d − Σ demand ≤ d.
 */
export interface RowFigures {
  /** Open supply arriving within the horizon (overdue supply counts on day 0). */
  readonly inbound: Float64Array;
  readonly demand7: Float64Array;
  readonly demand30: Float64Array;
  readonly demand90: Float64Array;
  /** Demand due within the horizon (overdue counts on day 0): the fill-rate denominator. */
  readonly demandInHorizon: Float64Array;
  readonly lowestBalance: Float64Array;
  readonly unitsShort: Float64Array;
  readonly valueAtRisk: Float64Array;
  /** Projected balance on the last day of the horizon. */
  readonly endBalance: Float64Array;
  /** First day B[d] < 0; NO_DAY when never. */
  readonly firstShortageDay: Int16Array;
  /** First day B[d] is below the rule's minimum; NO_DAY when never or when the row has no rule. */
  readonly belowMinDay: Int16Array;
  readonly daysOfCover: Int16Array;
  /** Days with B[d] < 0. */
  readonly stockoutDays: Int16Array;
}

export function emptyRowFigures(rowCount: number): RowFigures {
  return {
    inbound: new Float64Array(rowCount),
    demand7: new Float64Array(rowCount),
    demand30: new Float64Array(rowCount),
    demand90: new Float64Array(rowCount),
    demandInHorizon: new Float64Array(rowCount),
    lowestBalance: new Float64Array(rowCount),
    unitsShort: new Float64Array(rowCount),
    valueAtRisk: new Float64Array(rowCount),
    endBalance: new Float64Array(rowCount),
    firstShortageDay: new Int16Array(rowCount).fill(NO_DAY),
    belowMinDay: new Int16Array(rowCount).fill(NO_DAY),
    daysOfCover: new Int16Array(rowCount),
    stockoutDays: new Int16Array(rowCount),
  };
}

export function copyRowFigures(figures: RowFigures): RowFigures {
  return {
    inbound: figures.inbound.slice(),
    demand7: figures.demand7.slice(),
    demand30: figures.demand30.slice(),
    demand90: figures.demand90.slice(),
    demandInHorizon: figures.demandInHorizon.slice(),
    lowestBalance: figures.lowestBalance.slice(),
    unitsShort: figures.unitsShort.slice(),
    valueAtRisk: figures.valueAtRisk.slice(),
    endBalance: figures.endBalance.slice(),
    firstShortageDay: figures.firstShortageDay.slice(),
    belowMinDay: figures.belowMinDay.slice(),
    daysOfCover: figures.daysOfCover.slice(),
    stockoutDays: figures.stockoutDays.slice(),
  };
}

/**
 * A row with no flow in the horizon: its balance is its on hand every day. Gives exactly what
 * `projectRow` gives for a row of zeros, without walking it.
 */
export function projectQuietRow(horizon: number, start: number, min: number, unitPrice: number, out: RowFigures, row: number): void {
  const short = start < 0 ? -start : 0;
  out.lowestBalance[row] = start;
  out.endBalance[row] = start;
  out.firstShortageDay[row] = start < 0 ? 0 : NO_DAY;
  out.belowMinDay[row] = start < min ? 0 : NO_DAY;
  out.stockoutDays[row] = start < 0 ? horizon : 0;
  out.unitsShort[row] = short;
  out.daysOfCover[row] = start < 0 ? 0 : horizon;
  out.valueAtRisk[row] = short * unitPrice;
}

/**
 * Walks one row's daily net flow and writes its balance figures. The full projection and an
 * incremental scenario edit both go through here, so an edited row gets exactly the numbers a
 * full recomputation would give.
 */
export function projectRow(
  net: Float64Array,
  offset: number,
  horizon: number,
  start: number,
  min: number,
  unitPrice: number,
  out: RowFigures,
  row: number,
): void {
  let balance = start;
  let lowest = Number.POSITIVE_INFINITY;
  let shortage = NO_DAY;
  let belowMin = NO_DAY;
  let stockoutDays = 0;
  let day = 0;
  // Until the first shortage: the first day the running lowest drops under a threshold is the
  // first day the balance does, so only new lows need looking at.
  for (; day < horizon; day++) {
    balance += net[offset + day] as number;
    if (balance < lowest) {
      lowest = balance;
      if (lowest < min && belowMin === NO_DAY) belowMin = day;
      if (lowest < 0) {
        shortage = day;
        stockoutDays = 1;
        day++;
        break;
      }
    }
  }
  // After it, every day below zero counts as a stockout day.
  for (; day < horizon; day++) {
    balance += net[offset + day] as number;
    if (balance < lowest) lowest = balance;
    if (balance < 0) stockoutDays++;
  }
  const short = lowest < 0 ? -lowest : 0;
  out.lowestBalance[row] = lowest;
  out.endBalance[row] = balance;
  out.firstShortageDay[row] = shortage;
  out.belowMinDay[row] = belowMin;
  out.stockoutDays[row] = stockoutDays;
  out.unitsShort[row] = short;
  out.daysOfCover[row] = shortage === NO_DAY ? horizon : shortage;
  out.valueAtRisk[row] = short * unitPrice;
}
