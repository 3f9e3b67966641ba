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
  /** The lowest projected balance in the horizon; units short and value at risk follow from it (`unitsShortOf`). */
  readonly lowestBalance: Float64Array;
  /** Projected balance on the last day of the horizon. */
  readonly endBalance: Float64Array;
  /** First day B[d] < 0; NO_DAY when never. */
  readonly firstShortageDay: Int16Array;
  /** First day B[d] is below the rule's minimum; NO_DAY when never or when the row has no rule. */
  readonly belowMinDay: Int16Array;
  /** Days with B[d] < 0. */
  readonly stockoutDays: Int16Array;
}

/**
 * Units short in the horizon: how far the lowest balance goes below zero. Worked out where it is
 * read rather than stored, so it can never disagree with the balance it comes from, and the
 * projection writes three arrays fewer (a figures copy per scenario is 9 MB smaller on 25 × 20,000).
 */
export function unitsShortOf(lowestBalance: number): number {
  return lowestBalance < 0 ? -lowestBalance : 0;
}

/** Days until the first shortage; the whole horizon when there is none. */
export function daysOfCoverOf(firstShortageDay: number, horizon: number): number {
  return firstShortageDay === NO_DAY ? horizon : firstShortageDay;
}

export function emptyRowFigures(rowCount: number): RowFigures {
  return {
    inbound: new Float64Array(rowCount),
    demand7: new Float64Array(rowCount),
    demand30: new Float64Array(rowCount),
    demand90: new Float64Array(rowCount),
    demandInHorizon: new Float64Array(rowCount),
    lowestBalance: new Float64Array(rowCount),
    endBalance: new Float64Array(rowCount),
    firstShortageDay: new Int16Array(rowCount).fill(NO_DAY),
    belowMinDay: new Int16Array(rowCount).fill(NO_DAY),
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
    endBalance: figures.endBalance.slice(),
    firstShortageDay: figures.firstShortageDay.slice(),
    belowMinDay: figures.belowMinDay.slice(),
    stockoutDays: figures.stockoutDays.slice(),
  };
}

/**
 * A row with no flow in the horizon: its balance is its on hand every day. Gives exactly what
 * `projectRow` gives for a row of zeros, without walking it.
 */
export function projectQuietRow(horizon: number, start: number, min: number, out: RowFigures, row: number): void {
  out.lowestBalance[row] = start;
  out.endBalance[row] = start;
  out.firstShortageDay[row] = start < 0 ? 0 : NO_DAY;
  out.belowMinDay[row] = start < min ? 0 : NO_DAY;
  out.stockoutDays[row] = start < 0 ? horizon : 0;
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
  out.lowestBalance[row] = lowest;
  out.endBalance[row] = balance;
  out.firstShortageDay[row] = shortage;
  out.belowMinDay[row] = belowMin;
  out.stockoutDays[row] = stockoutDays;
}
